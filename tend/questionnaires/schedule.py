"""Contributes measure dates to a cohort's schedule (tend.core.hooks: "schedule", "cohort_schedule")."""

from django.urls import reverse

from tend.cohorts.schedule import ScheduleItem
from tend.questionnaires import catalogue
from tend.questionnaires.models import MeasureSchedule


def cohort_schedule(cohort, user) -> list[ScheduleItem]:
    items = []
    url = reverse("questionnaires:home")
    for schedule in MeasureSchedule.objects.filter(cohort=cohort).select_related("cohort"):
        defn = catalogue.definition(schedule.definition_id)
        name = defn.name if defn else schedule.definition_id
        title = f"{name}: {schedule.get_occasion_display()}"
        items += [ScheduleItem(when=day, title=title, kind="measure", url=url) for day in schedule.due_dates()]
    return items
