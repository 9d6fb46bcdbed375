"""Reading the CPD ledger: the period, every source's activities in it, and the totals."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from tend.core.hooks import gather
from tend.cpd import conf
from tend.cpd.activities import CpdActivity
from tend.cpd.models import CpdCategory

SOURCE_NAMES = {
    "module": _("Modules"),
    "practice": _("Personal practice"),
    "drills": _("Drills"),
    "live_session": _("Live sessions"),
    "supervision": _("Supervision"),
    "external": _("Added by you"),
}


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def _anniversary(year: int, month: int, day: int) -> date:
    """The year-start date in `year`; 29 February falls back to the 28th in other years."""
    while True:
        try:
            return date(year, month, day)
        except ValueError:
            day -= 1


def registration_year(today: date) -> Period:
    """The registration year (from TEND_CPD_YEAR_START) that contains `today`."""
    month, day = conf.year_start()
    start = _anniversary(today.year, month, day)
    if start > today:
        start = _anniversary(today.year - 1, month, day)
    next_start = _anniversary(start.year + 1, month, day)
    return Period(start, next_start - timedelta(days=1))


def recent_years(today: date, count: int = 3) -> list[Period]:
    """The current registration year and the ones before it, newest first (for the period picker)."""
    periods = [registration_year(today)]
    while len(periods) < count:
        periods.append(registration_year(periods[-1].start - timedelta(days=1)))
    return periods


@dataclass
class Total:
    key: str
    name: str
    hours: Decimal = Decimal("0")


@dataclass
class Ledger:
    period: Period
    activities: list[CpdActivity]
    by_category: list[Total] = field(default_factory=list)
    by_source: list[Total] = field(default_factory=list)
    total: Decimal = Decimal("0")
    category_names: dict[str, str] = field(default_factory=dict)

    def category_name(self, key: str) -> str:
        return self.category_names.get(key, key.replace("_", " ").capitalize())

    @property
    def rows(self) -> list[tuple[CpdActivity, str, str]]:
        """(activity, category name, source name) for each activity, newest first."""
        return [(a, self.category_name(a.category), source_name(a.source)) for a in self.activities]


def category_names() -> dict[str, str]:
    return dict(CpdCategory.objects.values_list("key", "name"))


def ledger(user, period: Period) -> Ledger:
    """Every source's activities in the period (newest first) with totals by category and source."""
    activities = [a for a in gather("cpd", "cpd_activities", user, period.start, period.end) if period.contains(a.date)]
    activities.sort(key=lambda a: (a.date, a.ref), reverse=True)
    names = category_names()
    result = Ledger(period=period, activities=activities, category_names=names)
    by_category: dict[str, Decimal] = defaultdict(Decimal)
    by_source: dict[str, Decimal] = defaultdict(Decimal)
    for activity in activities:
        by_category[activity.category] += activity.hours
        by_source[activity.source] += activity.hours
    order = list(names)  # categories in the organisation's order, then any others a source used
    keys = order + sorted(set(by_category) - set(order))
    result.by_category = [Total(key, result.category_name(key), by_category.get(key, Decimal("0"))) for key in keys]
    result.by_source = [
        Total(key, str(SOURCE_NAMES.get(key, key.replace("_", " ").capitalize())), hours)
        for key, hours in sorted(by_source.items(), key=lambda item: str(SOURCE_NAMES.get(item[0], item[0])))
    ]
    result.total = sum(by_category.values(), Decimal("0"))
    return result


def source_name(key: str) -> str:
    return str(SOURCE_NAMES.get(key, key.replace("_", " ").capitalize()))
