"""Upcoming live sessions in the cohort schedule (cancelled ones are left out)."""

from django.utils import timezone

from tend.cohorts.schedule import ScheduleItem
from tend.live.models import LiveSession


def cohort_schedule(cohort, user) -> list[ScheduleItem]:
    sessions = LiveSession.objects.filter(cohort=cohort, cancelled_at__isnull=True, ends_at__gt=timezone.now())
    return [
        ScheduleItem(when=s.starts_at, title=s.title, kind="live_session", url=s.get_absolute_url())
        for s in sessions.order_by("starts_at")
    ]
