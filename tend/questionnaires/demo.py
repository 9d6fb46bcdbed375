"""Demo data: the weekly three-systems check-in for the demo cohort, and a few past check-ins for
the demo trainee so their results page has a chart (tend.core.hooks: "demo", "load")."""

from datetime import timedelta

from django.utils import timezone

from tend.questionnaires import catalogue, services
from tend.questionnaires.models import MeasureResponse, MeasureSchedule, Occasion

# A gentle, made-up path over three weeks: answers drift towards the middle of the scale.
PAST_WEEKS = 3


def demo_checkin():
    """The three-systems check-in if the content has one, else the first check-in with wording."""
    offers = [o for o in catalogue.offers().values() if o.is_checkin and o.is_available]
    for offer in offers:
        if "three" in offer.definition.id or "system" in offer.definition.id:
            return offer
    return offers[0] if offers else None


def _answers(defn, week: int) -> dict[int, int]:
    middle = (defn.scale_min + defn.scale_max) // 2
    answers = {}
    for index, item in enumerate(defn.items):
        offset = (index + week) % 3 - 1  # -1, 0, +1 in turn: varied but calm
        answers[item.number] = min(defn.scale_max, max(defn.scale_min, middle + offset))
    return answers


def load(people, cohort) -> None:
    offer = demo_checkin()
    if offer is None:
        return
    today = timezone.localdate()
    first_week = max(cohort.starts_on, today - timedelta(weeks=PAST_WEEKS))
    schedule, _ = MeasureSchedule.objects.get_or_create(
        cohort=cohort, definition_id=offer.definition.id, occasion=Occasion.WEEKLY,
        defaults={"opens_on": first_week, "until": cohort.ends_on, "created_by": people.get("trainer@example.com")},
    )
    trainee = people["trainee@example.com"]
    if MeasureResponse.objects.filter(owner=trainee, definition_id=offer.definition.id).exists():
        return
    for week in range(PAST_WEEKS, 0, -1):
        response = MeasureResponse.objects.create(
            owner=trainee, definition_id=offer.definition.id, definition_version=str(offer.definition.version),
            started_at=timezone.now() - timedelta(weeks=week),
        )
        services.save_answers(response, {str(n): v for n, v in _answers(offer.administrable, week).items()})
        services.complete(response, offer.administrable)
        MeasureResponse.objects.filter(pk=response.pk).update(completed_at=timezone.now() - timedelta(weeks=week))
