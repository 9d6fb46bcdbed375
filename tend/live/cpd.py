"""CPD hours from live sessions: each session a person attended counts for its length."""

import zoneinfo
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from tend.cpd.activities import CpdActivity
from tend.live.models import Attendance


def _zone(user):
    try:
        return zoneinfo.ZoneInfo(user.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return timezone.UTC


def cpd_activities(user, start: date, end: date) -> list[CpdActivity]:
    """Sessions the trainer marked the person present at, dated in the person's own time zone."""
    zone = _zone(user)
    attended = (
        Attendance.objects.filter(
            user=user, present=True, session__cancelled_at__isnull=True,
            session__starts_at__gte=datetime.combine(start, time.min, tzinfo=zone),
            session__starts_at__lt=datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone),
        )
        .select_related("session")
        .order_by("session__starts_at")
    )
    return [
        CpdActivity(
            ref=f"live:{record.session.pk}", source="live_session", title=record.session.title,
            date=record.session.starts_at.astimezone(zone).date(), hours=record.session.hours,
            category="formal_learning", url=record.session.get_absolute_url(),
        )
        for record in attended
    ]
