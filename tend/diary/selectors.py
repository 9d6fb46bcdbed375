"""Reads for the diary, each a fixed number of queries."""

from collections import defaultdict
from datetime import date, timedelta

from django.utils import timezone

from tend.diary.models import PracticeLog, Tool


def minutes_by_day(owner, days: int = 84) -> dict[date, int]:
    since = timezone.localdate() - timedelta(days=days - 1)
    totals: dict[date, int] = defaultdict(int)
    for started, seconds in PracticeLog.objects.filter(owner=owner, started_at__date__gte=since - timedelta(days=1)).values_list("started_at", "duration_seconds"):
        day = timezone.localtime(started).date()
        if day >= since:
            totals[day] += seconds
    return {day: round(seconds / 60) for day, seconds in totals.items()}


def weekly_minutes(by_day: dict[date, int], weeks: int = 8) -> list[tuple[date, int]]:
    today = timezone.localdate()
    this_monday = today - timedelta(days=today.weekday())
    result = []
    for n in range(weeks - 1, -1, -1):
        start = this_monday - timedelta(weeks=n)
        result.append((start, sum(minutes for day, minutes in by_day.items() if start <= day < start + timedelta(days=7))))
    return result


def what_helps(owner) -> list[dict]:
    """Average change in feeling soothed, per practice with at least two rated sessions."""
    changes = defaultdict(list)
    for log in PracticeLog.objects.filter(owner=owner, soothing_before__isnull=False, soothing_after__isnull=False).only("tool", "soothing_before", "soothing_after"):
        changes[log.tool].append(log.soothing_after - log.soothing_before)
    labels = dict(Tool.choices)
    rows = [{"tool": labels[tool], "average": sum(values) / len(values), "sessions": len(values)} for tool, values in changes.items() if len(values) >= 2]
    return sorted(rows, key=lambda row: row["average"], reverse=True)


def days_since_last(owner) -> int | None:
    last = PracticeLog.objects.filter(owner=owner).order_by("-started_at").values_list("started_at", flat=True).first()
    return None if last is None else (timezone.localdate() - timezone.localtime(last).date()).days
