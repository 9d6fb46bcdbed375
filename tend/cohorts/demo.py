"""Demo data: a pinned welcome announcement from the trainer."""

from tend.cohorts.models import Announcement

WELCOME_TITLE = "Welcome, and how this cohort works"
WELCOME_BODY = """Welcome to the cohort. A few things to help you settle in:

- Work through the modules at a pace that suits you; nothing here is a race.
- Live sessions appear on this page and in your calendar, shown in your own time zone.
- What you write in your journal and practice tools stays private unless you choose to share it.

If anything is getting in the way, let me know at a session."""


def load(people, cohort) -> None:
    Announcement.objects.get_or_create(
        cohort=cohort, title=WELCOME_TITLE,
        defaults={"body": WELCOME_BODY, "pinned": True, "posted_by": people["trainer@example.com"]},
    )
