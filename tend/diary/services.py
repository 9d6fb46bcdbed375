from tend.diary.models import PracticeLog


def practice_log(*, owner, tool: str, started_at, duration_seconds: int, details: dict | None = None) -> PracticeLog:
    """Called by the practice tools when a practice ends, so nobody has to log it by hand."""
    return PracticeLog.objects.create(
        owner=owner, tool=tool, started_at=started_at, duration_seconds=max(0, int(duration_seconds)),
        details=details or {}, automatic=True,
    )
