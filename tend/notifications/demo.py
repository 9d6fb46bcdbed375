"""Demo data: two unread notifications for the demo trainee (run by `manage.py load_demo`)."""

from django.urls import reverse

from tend.notifications.models import Notification
from tend.notifications.services import notify


def demo_notifications(people) -> list[dict]:
    return [
        {"kind": "welcome", "title": "Welcome to Tend: updates from your cohort and supervisor will appear here",
         "url": reverse("learn:overview"), "actor": None},
        {"kind": "suggestion", "title": "Your supervisor suggested a beginner practice drill",
         "url": reverse("drills:skills"), "actor": people["supervisor@example.com"]},
    ]


def load(people, cohort) -> None:
    trainee = people["trainee@example.com"]
    for item in demo_notifications(people):
        if not Notification.objects.filter(recipient=trainee, kind=item["kind"], title=item["title"]).exists():
            notify(trainee, **item)
