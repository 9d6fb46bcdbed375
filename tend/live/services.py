"""Writes for live sessions: scheduling, changes (each bumps the calendar SEQUENCE), attendance."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from tend.live.models import Attendance, CalendarFeed, LiveSession

SCHEDULE_FIELDS = ("title", "description", "meeting_url", "materials", "starts_at", "ends_at", "time_zone")


def _tell_members(session: LiveSession, title: str, actor=None) -> None:
    """An in-app notice (and email, by each person's preference) to the cohort's members."""
    from tend.cohorts.models import Membership
    from tend.notifications.services import notify

    for membership in Membership.objects.filter(cohort_id=session.cohort_id).select_related("user"):
        notify(membership.user, kind="live_session", title=title, url=session.get_absolute_url(), actor=actor)


def session_create(*, cohort, creator, data: dict) -> LiveSession:
    session = LiveSession.objects.create(cohort=cohort, created_by=creator, **{f: data[f] for f in SCHEDULE_FIELDS})
    _tell_members(session, f"New live session: {session.title}", actor=creator)
    return session


def session_update(*, session: LiveSession, data: dict) -> LiveSession:
    changed = [f for f in SCHEDULE_FIELDS if getattr(session, f) != data[f]]
    if not changed:
        return session
    for field in changed:
        setattr(session, field, data[field])
    # Calendars replace an event only when its SEQUENCE goes up.
    session.sequence += 1
    session.save(update_fields=[*changed, "sequence", "updated_at"])
    if {"starts_at", "ends_at", "meeting_url"} & set(changed):
        _tell_members(session, f"Live session changed: {session.title}")
    return session


def session_cancel(*, session: LiveSession) -> None:
    if session.is_cancelled:
        return
    LiveSession.objects.filter(pk=session.pk).update(
        cancelled_at=timezone.now(), sequence=F("sequence") + 1, updated_at=timezone.now()
    )
    session.refresh_from_db()
    _tell_members(session, f"Live session cancelled: {session.title}")


def follow_up_save(*, session: LiveSession, notes: str, recording_url: str) -> None:
    session.notes, session.recording_url = notes, recording_url
    session.save(update_fields=["notes", "recording_url", "updated_at"])


@transaction.atomic
def attendance_record(*, session: LiveSession, marks: dict[int, bool], recorded_by) -> int:
    for user_id, present in marks.items():
        Attendance.objects.update_or_create(
            session=session, user_id=user_id, defaults={"present": present, "recorded_by": recorded_by}
        )
    return len(marks)


def feed_reset(*, user) -> CalendarFeed:
    feed = CalendarFeed.for_user(user)
    feed.reset()
    return feed
