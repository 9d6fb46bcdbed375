"""Exercise due dates in the cohort schedule (collected by tend.core.hooks)."""

from django.utils.translation import gettext as _

from tend.cohorts.schedule import ScheduleItem
from tend.exercises.models import Exercise


def cohort_schedule(cohort, user) -> list[ScheduleItem]:
    exercises = Exercise.objects.filter(cohort=cohort, is_open=True, due_on__isnull=False).order_by("due_on", "pk")
    return [
        ScheduleItem(when=e.due_on, title=_("Group exercise due: %(title)s") % {"title": e.title}, kind="exercise",
                     url=e.get_absolute_url())
        for e in exercises
    ]
