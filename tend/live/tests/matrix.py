"""Live sessions in the permission matrix: cohort A's sessions for its members, trainer and admins;
running them (schedule, change, cancel, attendance, notes) for its trainer and admins only; the
calendar feed is public but answers only to a valid secret token."""

from datetime import timedelta

from django.utils import timezone

from tend.core.tests.policy_table import (
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    Case,
    but,
    cohort_manager,
    cohort_member,
    other_cohort_member,
    public,
    require_post,
    signed_in,
)
from tend.live.models import CalendarFeed, LiveSession

# Written by cohort A's trainer for cohort A: its members, trainer and admins may read it; never
# cohort B's people, and never the calendar feed (titles, times and links only).
COHORT_TEXT = ("zqlivedescription", "zqlivenotes")


def samples(p) -> dict:
    start = timezone.now() - timedelta(days=2)
    session = LiveSession.objects.create(
        cohort=p.cohort_a, title="Matrix session", description="About zqlivedescription", notes="After zqlivenotes",
        starts_at=start, ends_at=start + timedelta(hours=1), time_zone="Europe/London",
        meeting_url="https://meet.example.org/a", created_by=p.trainer,
    )
    session_b = LiveSession.objects.create(
        cohort=p.cohort_b, title="Cohort B session", starts_at=start, ends_at=start + timedelta(hours=1),
        time_zone="Europe/London",
    )
    return {"live_session": session, "live_session_b": session_b, "live_feed_token": CalendarFeed.for_user(p.trainee).token}


def session_a(s):
    return {"pk": s.live_session.pk}


def session_b(s):
    return {"pk": s.live_session_b.pk}


def session_form(s):
    return {"title": "Changed in the matrix", "date": "2031-05-01", "start_time": "18:00", "end_time": "19:00",
            "time_zone": "Europe/London", "description": "", "meeting_url": "https://meet.example.org/b", "materials": ""}


PUBLIC_URLS = {"live:feed"}

OWNED_OBJECT_URLS = {
    "live:cohort", "live:create", "live:detail", "live:edit", "live:cancel", "live:follow_up", "live:attendance",
    "live:session_ics", "live:cohort_ics",
}

POLICY = {
    "live:index": signed_in(),
    "live:cohort": [
        Case(cohort_member(), "cohort A", kwargs=lambda s: {"cohort_pk": s.cohort_a.pk}),
        Case(other_cohort_member(), "cohort B", kwargs=lambda s: {"cohort_pk": s.cohort_b.pk}),
    ],
    "live:create": Case(cohort_manager(), kwargs=lambda s: {"cohort_pk": s.cohort_a.pk}, data=session_form),
    "live:detail": [
        Case(cohort_member(), "cohort A's session", kwargs=session_a),
        Case(other_cohort_member(), "cohort B's session", kwargs=session_b),
    ],
    "live:session_ics": [
        Case(cohort_member(), "cohort A's session", kwargs=session_a),
        Case(other_cohort_member(), "cohort B's session", kwargs=session_b),
    ],
    "live:cohort_ics": [
        Case(cohort_member(), "cohort A", kwargs=lambda s: {"cohort_pk": s.cohort_a.pk}),
        Case(other_cohort_member(), "cohort B", kwargs=lambda s: {"cohort_pk": s.cohort_b.pk}),
    ],
    "live:edit": [
        Case(cohort_manager(), "cohort A's session", kwargs=session_a, data=session_form),
        # Cohort A's trainer does not run cohort B's sessions: not found.
        Case(but(cohort_manager(get=NOT_FOUND, post=NOT_FOUND), admin=OK),
             "cohort B's session", kwargs=session_b, data=session_form),
    ],
    "live:cancel": Case(require_post(cohort_manager()), kwargs=session_a),
    "live:follow_up": Case(
        require_post(cohort_manager()), kwargs=session_a,
        data=lambda s: {"notes": "Thanks for coming.", "recording_url": "https://video.example.org/r"},
    ),
    "live:attendance": Case(
        cohort_manager(), kwargs=session_a, data=lambda s: {f"member_{s.personas.trainee.pk}": "present"},
    ),
    "live:calendar": signed_in(),
    "live:calendar_reset": require_post(signed_in()),
    "live:feed": [
        Case(public(post=NOT_ALLOWED), "the trainee's token", kwargs=lambda s: {"token": s.live_feed_token}),
        Case(public(get=NOT_FOUND, post=NOT_ALLOWED), "an unknown token", kwargs=lambda s: {"token": "1.nokey.forged"}),
    ],
}
