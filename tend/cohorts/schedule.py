"""The shape of an entry in a cohort's schedule. An app contributes entries by defining, in its
own `schedule.py`, `def cohort_schedule(cohort, user) -> list[ScheduleItem]` (collected with
tend.core.hooks.gather("schedule", "cohort_schedule", cohort, user))."""

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class ScheduleItem:
    when: datetime | date
    title: str
    kind: str  # "module", "live_session", "measure", ...
    url: str = ""


def cohort_schedule(cohort, user) -> list[ScheduleItem]:
    """Module opening and due dates, where the cohort's trainers set modules to open on dates."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from tend.learn.models import CohortCurriculum, ModuleRelease

    if not CohortCurriculum.objects.filter(cohort=cohort, mode=CohortCurriculum.Mode.DATED).exists():
        return []
    releases = ModuleRelease.objects.filter(cohort=cohort, module__archived_at__isnull=True).select_related("module")
    items = []
    for release in releases:
        module, url = release.module, reverse("learn:module", args=[release.module.slug])
        names = {"number": module.number, "title": module.title}
        opens = _("Module %(number)s opens: %(title)s") % names
        items.append(ScheduleItem(when=release.opens_on, title=opens, kind="module", url=url))
        if release.due_on:
            due = _("Module %(number)s due: %(title)s") % names
            items.append(ScheduleItem(when=release.due_on, title=due, kind="module_due", url=url))
    return items
