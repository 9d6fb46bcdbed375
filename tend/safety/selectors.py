from collections import defaultdict
from datetime import timedelta

from django.db.models import Count
from django.db.models.functions import TruncWeek
from django.utils import timezone

from tend.safety.models import CrisisContact, ScreenEvent


# Shown until the organisation configures its own contacts: an international directory, so that
# nobody ever sees an empty list, whatever country they are in.
DEFAULT_CONTACT = CrisisContact(
    name="Find A Helpline",
    description="A directory of free, confidential helplines in many countries, by phone, text or chat.",
    web="https://findahelpline.com",
    hours="Directory available at any time; each service lists its own hours.",
)


def active_contacts() -> list[CrisisContact]:
    return list(CrisisContact.objects.filter(active=True)) or [DEFAULT_CONTACT]


def weekly_report(weeks: int = 12) -> list[dict]:
    since = timezone.localdate() - timedelta(weeks=weeks)
    rows = (
        ScreenEvent.objects.filter(day__gte=since).annotate(week=TruncWeek("day"))
        .values("week", "level").annotate(count=Count("id")).order_by("-week")
    )
    table = defaultdict(lambda: {"high": 0, "possible": 0})
    for row in rows:
        table[row["week"]][row["level"]] = row["count"]
    return [{"week": week, **counts} for week, counts in sorted(table.items(), reverse=True)]
