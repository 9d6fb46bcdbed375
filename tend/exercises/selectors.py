"""Reading exercises. Private answers are read only by their writer: everyone else gets counts,
and shared answers only through tend.core.access."""

from django.db.models import Count, Q, QuerySet

from tend.core import access
from tend.core.models import Visibility
from tend.exercises.models import Answer, Exercise


def exercises_with_counts(cohort) -> QuerySet:
    return Exercise.objects.filter(cohort=cohort).annotate(
        answered=Count("answers", filter=Q(answers__has_text=True)),
        shared=Count("answers", filter=Q(answers__has_text=True, answers__visibility=Visibility.COHORT)),
    )


def own_answers(user, exercises) -> dict[int, Answer]:
    """The person's own answer to each exercise, keyed by exercise id (one query)."""
    rows = Answer.objects.filter(owner=user, exercise__in=[e.pk for e in exercises]) if user.is_authenticated else []
    return {a.exercise_id: a for a in rows}


def shared_answers(user, exercise: Exercise) -> QuerySet:
    """Answers shared with the cohort that this person may read (never a private one)."""
    shared = Answer.objects.filter(exercise=exercise, visibility=Visibility.COHORT, shared_cohort=exercise.cohort, has_text=True)
    return access.visible_to(user, shared).select_related("owner").order_by("created_at", "pk")


def counts(exercise: Exercise) -> dict:
    return exercises_with_counts(exercise.cohort).filter(pk=exercise.pk).values("answered", "shared").get()
