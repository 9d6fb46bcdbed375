"""Tend's own CPD sources: completed modules, practice minutes, drills with feedback, and the
activities a person adds by hand. Each returns CpdActivity rows dated inside [start, end].

Dates are the person's local dates, in the time zone of their profile. Practice and drills
are capped per calendar week (Monday to Sunday); a week that straddles the edge of the period
counts only what falls inside it, capped the same way.
"""

import zoneinfo
from collections import defaultdict
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from tend.cpd import conf
from tend.cpd.activities import CpdActivity

HUNDREDTH = Decimal("0.01")


def _zone(user):
    """The person's own time zone (their record reads the same whoever asks, and outside requests)."""
    try:
        return zoneinfo.ZoneInfo(user.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError, AttributeError):
        return timezone.get_current_timezone()


def _bounds(user, start: date, end: date) -> tuple[datetime, datetime]:
    """The period as aware datetimes in the person's zone: [start 00:00, the day after end 00:00)."""
    tz = _zone(user)
    first, after = datetime.combine(start, time.min), datetime.combine(end + timedelta(days=1), time.min)
    return first.replace(tzinfo=tz), after.replace(tzinfo=tz)


def _local_day(user, moment: datetime) -> date:
    return moment.astimezone(_zone(user)).date()


def _week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _hours(value: Decimal) -> Decimal:
    return value.quantize(HUNDREDTH, rounding=ROUND_HALF_UP)


def module_activities(user, start: date, end: date) -> list[CpdActivity]:
    from tend.learn.models import ModuleProgress

    low, high = _bounds(user, start, end)
    rows = ModuleProgress.objects.filter(
        user=user, completed_at__gte=low, completed_at__lt=high, module__archived_at__isnull=True
    ).select_related("module")
    default = conf.module_hours_default()
    return [
        CpdActivity(
            ref=f"module:{row.module.slug}", source="module",
            title=_("Module completed: %(title)s") % {"title": row.module.title},
            date=_local_day(user, row.completed_at), hours=_hours(row.module.cpd_hours or default),
            category="formal_learning", url=row.module.get_absolute_url(),
        )
        for row in rows
    ]


def _weekly_capped(minutes_by_day: dict[date, Decimal], cap_hours: Decimal, start: date) -> dict[date, Decimal]:
    """Hours per week (keyed by the week's first day inside the period), each week capped."""
    weeks: dict[date, Decimal] = defaultdict(Decimal)
    for day, minutes in minutes_by_day.items():
        weeks[max(_week_start(day), start)] += minutes
    return {week: min(_hours(minutes / 60), cap_hours) for week, minutes in weeks.items() if minutes > 0}


def _week_title(label: str, week: date) -> str:
    return _("%(label)s, week of %(day)s") % {"label": label, "day": date_format(week, "j M Y")}


def practice_activities(user, start: date, end: date) -> list[CpdActivity]:
    from tend.diary.models import PracticeLog

    low, high = _bounds(user, start, end)
    minutes: dict[date, Decimal] = defaultdict(Decimal)
    for started_at, seconds in PracticeLog.objects.filter(
        owner=user, started_at__gte=low, started_at__lt=high
    ).values_list("started_at", "duration_seconds"):
        minutes[_local_day(user, started_at)] += Decimal(seconds) / 60
    weeks = _weekly_capped(minutes, conf.practice_weekly_cap_hours(), start)
    url = reverse("diary:diary")
    return [
        CpdActivity(ref=f"practice:{week.isoformat()}", source="practice",
                    title=_week_title(_("Personal practice"), week), date=week, hours=hours,
                    category="practice", url=url)
        for week, hours in sorted(weeks.items())
    ]


def drill_activities(user, start: date, end: date) -> list[CpdActivity]:
    """Drills the person asked feedback on (a stored score), a fixed number of minutes each."""
    from tend.drills.models import DrillAttempt

    low, high = _bounds(user, start, end)
    each = conf.drill_minutes()
    minutes: dict[date, Decimal] = defaultdict(Decimal)
    for created_at in DrillAttempt.objects.filter(
        owner=user, score__isnull=False, created_at__gte=low, created_at__lt=high
    ).values_list("created_at", flat=True):
        minutes[_local_day(user, created_at)] += each
    weeks = _weekly_capped(minutes, conf.drills_weekly_cap_hours(), start)
    url = reverse("drills:skills")
    return [
        CpdActivity(ref=f"drills:{week.isoformat()}", source="drills",
                    title=_week_title(_("Deliberate-practice drills"), week), date=week, hours=hours,
                    category="self_directed", url=url)
        for week, hours in sorted(weeks.items())
    ]


def external_activities(user, start: date, end: date) -> list[CpdActivity]:
    from tend.cpd.models import ExternalActivity

    rows = ExternalActivity.objects.filter(owner=user, date__gte=start, date__lte=end).select_related("category")
    return [
        CpdActivity(ref=f"external:{row.pk}", source="external", title=row.title, date=row.date,
                    hours=_hours(row.hours), category=row.category.key, url=row.get_absolute_url())
        for row in rows
    ]


SOURCES = (module_activities, practice_activities, drill_activities, external_activities)
