from datetime import timedelta

from django.utils import timezone

from tend.cohorts.models import CohortRole, Membership
from tend.questionnaires import catalogue, services
from tend.questionnaires.models import MeasureResponse, MeasureSchedule, Occasion
from tend.testing.personas import make_user


def completed(owner, definition_id: str, answers: dict[int, int], *, schedule=None, due_on=None, days_ago: int = 0):
    offer = catalogue.offer_for(definition_id)
    response = services.start_response(owner=owner, administrable=offer.administrable, schedule=schedule, due_on=due_on)
    services.save_answers(response, {str(k): v for k, v in answers.items()})
    assert services.complete(response, offer.administrable).ok
    if days_ago:
        MeasureResponse.objects.filter(pk=response.pk).update(completed_at=timezone.now() - timedelta(days=days_ago))
        response.refresh_from_db()
    return response


def schedule(cohort, definition_id: str, occasion=Occasion.BASELINE, opens_on=None, **fields) -> MeasureSchedule:
    return MeasureSchedule.objects.create(cohort=cohort, definition_id=definition_id, occasion=occasion,
                                          opens_on=opens_on or timezone.localdate(), **fields)


def trainees(cohort, count: int, *, consent: bool, prefix: str = "t") -> list:
    people = []
    for n in range(count):
        user = make_user(f"{prefix}{n}@cohort.example", f"Person {prefix}{n}")
        Membership.objects.create(user=user, cohort=cohort, role=CohortRole.TRAINEE)
        services.set_consent(user, share_scores=consent)
        people.append(user)
    return people
