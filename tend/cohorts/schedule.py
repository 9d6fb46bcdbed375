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
