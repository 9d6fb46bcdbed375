"""Demo data: one upcoming live session and one past session with attendance recorded."""

from datetime import timedelta

from django.utils import timezone

from tend.live.models import Attendance, LiveSession

UPCOMING_TITLE = "Practising the compassionate voice together"
PAST_TITLE = "Welcome session: how we will learn together"


def _at(days: int, hour: int):
    day = timezone.now().astimezone(timezone.UTC) + timedelta(days=days)
    return day.replace(hour=hour, minute=0, second=0, microsecond=0)


def load(people, cohort) -> None:
    trainer = people["trainer@example.com"]
    LiveSession.objects.get_or_create(
        cohort=cohort, title=UPCOMING_TITLE,
        defaults={
            "starts_at": _at(3, 17), "ends_at": _at(3, 18) + timedelta(minutes=30), "time_zone": "Europe/London",
            "description": "We practise short compassionate replies in pairs and talk about what made them easier.",
            "meeting_url": "https://meet.example.org/tend-demo",
            "materials": "- Re-read the lesson on the three systems\n- Bring one reply you found hard to write",
            "created_by": trainer,
        },
    )
    past, _ = LiveSession.objects.get_or_create(
        cohort=cohort, title=PAST_TITLE,
        defaults={
            "starts_at": _at(-7, 17), "ends_at": _at(-7, 18), "time_zone": "Europe/London",
            "description": "Introductions, how the course runs, and how to look after yourself while you learn.",
            "meeting_url": "https://meet.example.org/tend-demo",
            "notes": "Thank you for coming. We agreed to keep a short practice log this week.",
            "created_by": trainer,
        },
    )
    for email, present in [("trainee@example.com", True), ("trainee2@example.com", False)]:
        Attendance.objects.get_or_create(
            session=past, user=people[email], defaults={"present": present, "recorded_by": trainer}
        )
