"""The shape of a live session someone attended, for certificates of attendance. Sessions the
live app already reports as CPD hours (source "live_session") count by themselves; another app
may offer more by defining, in its own `certificates.py`,
`def attended_sessions(user) -> list[Attendance]` (collected with
tend.core.hooks.gather("certificates", "attended_sessions", user)). Plain data, no Django imports.

The same module may define `def signed_off_competencies(user) -> list` (any items, one per
competency a supervisor has signed off for `user`); the completion rules count them."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class Attendance:
    ref: str  # stable and unique, e.g. "live:12"
    title: str  # e.g. "Live session: working with shame"
    date: date
    hours: Decimal | None = None
