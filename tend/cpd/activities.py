"""The shape every CPD source returns. An app contributes hours by defining, in its own
`cpd.py`, `def cpd_activities(user, start: date, end: date) -> list[CpdActivity]`
(collected with tend.core.hooks.gather("cpd", "cpd_activities", user, start, end)).
Plain data, no Django imports, so any app can build it."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class CpdActivity:
    ref: str  # stable and unique across sources, e.g. "live:12", "module:the-tricky-brain"
    source: str  # "module", "practice", "live_session", "supervision", "drills", "external"
    title: str  # never private writing: "Supervision (individual)", not the topics discussed
    date: date
    hours: Decimal
    category: str  # a category key: "formal_learning", "self_directed", "supervision", "practice"
    url: str = ""
