"""Review by people: sharing a reply, rating it on the engine's rubric, comparing the two, and the
consented, pseudonymised export of those ratings as labelled data."""

import hashlib
import hmac
import json
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from tend.coaching.panel import FLAG_LABELS
from tend.core.models import Visibility
from tend.drills.models import DrillAttempt, DrillReview

# The flags a reviewer can tick on a reply to a client: the engine's response flags.
REVIEW_FLAGS = ("judgmental", "minimising", "premature_advice", "invalidating", "toxic_positivity", "risk_not_addressed")


def flag_choices() -> list[tuple[str, str]]:
    return [(name, str(FLAG_LABELS[name])) for name in REVIEW_FLAGS]


def trainee_cohort(user):
    from tend.cohorts.models import CohortRole, Membership

    membership = (
        Membership.objects.filter(user=user, role=CohortRole.TRAINEE).select_related("cohort").order_by("pk").first()
    )
    return membership.cohort if membership else None


@transaction.atomic
def share(attempt: DrillAttempt, *, visibility: str, anonymous: bool, label_consent: bool) -> DrillAttempt:
    """Sets who may see (and review) the reply; tells the people newly asked to review it."""
    was = attempt.visibility
    attempt.visibility = visibility
    attempt.shared_cohort = trainee_cohort(attempt.owner) if visibility == Visibility.COHORT else None
    attempt.anonymous_to_cohort = anonymous and visibility == Visibility.COHORT
    attempt.label_consent = label_consent
    attempt.shared_at = timezone.now() if visibility != Visibility.PRIVATE else None
    attempt.save(update_fields=["visibility", "shared_cohort", "anonymous_to_cohort", "label_consent", "shared_at"])
    if visibility != was and visibility == Visibility.SUPERVISOR:
        _ask_supervisors(attempt)
    return attempt


def _ask_supervisors(attempt: DrillAttempt) -> None:
    from tend.cohorts.models import SupervisorAssignment
    from tend.notifications.services import notify

    url = reverse("drills:review", args=[attempt.pk])
    name = attempt.owner.display_name or attempt.owner.email
    for assignment in SupervisorAssignment.objects.filter(trainee=attempt.owner).select_related("supervisor"):
        notify(assignment.supervisor, kind="drill_review_requested", actor=attempt.owner, url=url,
               title=f"{name} asked you to review a drill reply")


def supervised_by(viewer) -> set[int]:
    from tend.core.access import supervised_trainee_ids

    return set(supervised_trainee_ids(viewer).values_list("trainee_id", flat=True))


def author_label(attempt: DrillAttempt, viewer, supervised: set[int] | None = None) -> str:
    """How the reply's writer is named to a reviewer: anonymous to cohort peers if they asked
    (their supervisor always sees the name). Pass `supervised` when labelling many replies."""
    if viewer.pk == attempt.owner_id:
        return "You"
    supervised = supervised_by(viewer) if supervised is None else supervised
    if attempt.anonymous_to_cohort and attempt.owner_id not in supervised:
        return "A member of your cohort"
    return attempt.owner.display_name or "A member of your cohort"


@transaction.atomic
def save_review(attempt: DrillAttempt, reviewer, *, overall: int, flags: list[str], comment: str) -> DrillReview:
    review, _ = DrillReview.objects.update_or_create(
        attempt=attempt, reviewer=reviewer,
        defaults={"overall": overall, "flags": sorted(set(flags) & set(REVIEW_FLAGS)), "comment": comment},
    )
    from tend.notifications.services import notify

    notify(attempt.owner, kind="drill_reviewed", actor=reviewer, url=reverse("drills:attempt", args=[attempt.pk]),
           title="Someone reviewed your drill reply")
    _mark_reviewed_in_supervision(attempt, reviewer)
    return review


def _mark_reviewed_in_supervision(attempt, reviewer) -> None:
    try:
        from tend.supervision.services import mark_reviewed
    except ImportError:  # supervision's review marks are optional to the drills flow
        return
    mark_reviewed(attempt, reviewer)


@dataclass(frozen=True)
class Agreement:
    engine_overall: float | None
    human_overall: int
    verdict: str  # "agreed", "close", "differed", or "no engine score"
    both: list[str]
    engine_only: list[str]
    reviewer_only: list[str]


def compare(attempt: DrillAttempt, review: DrillReview) -> Agreement:
    engine, human = set(attempt.engine_flags or []), set(review.flags or [])
    label = lambda names: [str(FLAG_LABELS.get(n, n)) for n in sorted(names)]  # noqa: E731
    if attempt.score is None:
        verdict = "no engine score"
    else:
        gap = abs(attempt.score - review.overall)
        verdict = "agreed" if gap <= 0.5 else "close" if gap <= 1.0 else "differed"
    return Agreement(attempt.score, review.overall, verdict, label(engine & human), label(engine - human), label(human - engine))


def pseudonym(kind: str, pk: int) -> str:
    key = settings.SECRET_KEY.encode()
    return kind[0] + hmac.new(key, f"drill-labels:{kind}:{pk}".encode(), hashlib.sha256).hexdigest()[:16]


def label_rows():
    """One JSON-ready row per human rating of a reply whose writer consented; no names, no emails."""
    from tend.drills import services

    reviews = (
        DrillReview.objects.filter(attempt__label_consent=True)
        .exclude(attempt__visibility=Visibility.PRIVATE)
        .select_related("attempt")
        .order_by("pk")
    )
    for review in reviews.iterator(chunk_size=500):
        attempt = review.attempt
        skill = services.skill_by_id(attempt.skill_id)
        drill = services.drill_in(skill, attempt.drill_id) if skill else None
        yield {
            "id": pseudonym("review", review.pk),
            "writer": pseudonym("writer", attempt.owner_id),
            "reviewer": pseudonym("reviewer", review.reviewer_id),
            "kind": "response",
            "drill_id": attempt.drill_id,
            "level": attempt.level,
            "context": drill.statement if drill else "",
            "text": attempt.reply,
            "overall": review.overall,
            "flags": review.flags,
            "engine_overall": attempt.score,
            "engine_flags": attempt.engine_flags,
        }


def label_export_lines():
    for row in label_rows():
        yield json.dumps(row, ensure_ascii=False) + "\n"
