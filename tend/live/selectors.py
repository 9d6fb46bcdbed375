"""Reads for live sessions, each in a fixed number of queries."""

from datetime import timedelta

from django.utils import timezone

from tend.cohorts.models import CohortRole, Membership
from tend.core import access
from tend.live.models import Attendance, LiveSession

FEED_HISTORY = timedelta(days=180)  # how far back a calendar feed reaches


def split_upcoming(sessions) -> tuple[list, list]:
    """(upcoming soonest first, past most recent first)."""
    now = timezone.now()
    sessions = list(sessions)
    upcoming = [s for s in sessions if s.ends_at > now]
    past = sorted((s for s in sessions if s.ends_at <= now), key=lambda s: s.starts_at, reverse=True)
    return upcoming, past


def my_sessions(user) -> tuple[list, list]:
    """The sessions of the cohorts the person belongs to (not every cohort, even for admins)."""
    mine = LiveSession.objects.filter(cohort_id__in=access.cohort_ids_of(user)).select_related("cohort")
    return split_upcoming(mine)


def cohort_sessions(cohort) -> tuple[list, list]:
    return split_upcoming(LiveSession.objects.filter(cohort=cohort).select_related("cohort"))


def feed_sessions(user):
    """What a person's calendar feed carries: their cohorts' sessions, cancelled ones included
    (so calendars show them as cancelled), from the last six months on."""
    since = timezone.now() - FEED_HISTORY
    return LiveSession.objects.filter(cohort_id__in=access.cohort_ids_of(user), ends_at__gte=since).order_by("starts_at")


def cohort_upcoming(cohort):
    """The cohort's sessions still to come (or under way), soonest first; cancelled ones left out."""
    return LiveSession.objects.filter(cohort=cohort, cancelled_at__isnull=True, ends_at__gt=timezone.now()).order_by(
        "starts_at", "pk"
    )


def attendees(session: LiveSession) -> list:
    """The people whose attendance is taken: the cohort's trainees and supervisors."""
    memberships = (
        Membership.objects.filter(cohort_id=session.cohort_id)
        .exclude(role=CohortRole.TRAINER)
        .select_related("user")
        .order_by("user__display_name")
    )
    return [m.user for m in memberships]


def recorded_attendance(session: LiveSession) -> dict[int, bool]:
    return dict(Attendance.objects.filter(session=session).values_list("user_id", "present"))


def my_attendance(session: LiveSession, user) -> bool | None:
    return Attendance.objects.filter(session=session, user=user).values_list("present", flat=True).first()
