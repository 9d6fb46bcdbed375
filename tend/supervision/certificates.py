"""Certificates hook: the competencies a person's supervisor has signed off at competent or above
(read by tend.certificates through tend.core.hooks)."""

from tend.supervision.models import CompetencyEvent, Level

SIGNED_OFF_LEVELS = {Level.COMPETENT, Level.PROFICIENT}


def signed_off_competencies(user) -> list[str]:
    """One competency id per competency whose latest sign-off is at competent or proficient."""
    latest: dict[str, str] = {}
    events = CompetencyEvent.objects.filter(trainee=user, kind=CompetencyEvent.Kind.SIGN_OFF).order_by("created_at", "pk")
    for competency_id, level in events.values_list("competency_id", "level"):
        latest[competency_id] = level
    return sorted(c for c, level in latest.items() if level in SIGNED_OFF_LEVELS)
