"""The `cpd` hook for Tend's own sources (see tend.cpd.sources); other apps define their own."""

from datetime import date

from tend.cpd.activities import CpdActivity
from tend.cpd.sources import SOURCES


def cpd_activities(user, start: date, end: date) -> list[CpdActivity]:
    found: list[CpdActivity] = []
    for source in SOURCES:
        found.extend(source(user, start, end))
    return found
