"""What the home and progress pages show each person."""

from django.utils import timezone

from tend.cohorts import selectors as cohort_selectors
from tend.core.middleware import has_mfa
from tend.journal.models import JournalEntry


def journal_summary(user) -> dict:
    entries = JournalEntry.objects.live().filter(owner=user)
    month_start = timezone.localdate().replace(day=1)
    dates = list(entries.values_list("entry_date", flat=True))
    return {
        "total": len(dates),
        "this_month": sum(1 for d in dates if d >= month_start),
        "days_written": len(set(dates)),
        "latest": entries.order_by("-updated_at").first(),
    }


def next_steps(user) -> list[dict]:
    """A short, ordered list of what this person could usefully do now."""
    steps = []
    memberships = list(cohort_selectors.memberships_of(user))
    if user.role == "trainee" and not has_mfa(user):
        steps.append({"kind": "mfa", "done": False})
    if not user.professional_role:
        steps.append({"kind": "profile", "done": False})
    if not memberships and user.role in {"trainee", "supervisor"}:
        steps.append({"kind": "no_cohort", "done": False})
    if user.role == "trainee":
        steps.append({"kind": "journal", "done": JournalEntry.objects.live().filter(owner=user).exists()})
    if user.role in {"trainer", "admin"}:
        steps.append({"kind": "cohort", "done": bool(memberships)})
    return steps


def home_context(user) -> dict:
    from tend.learn import selectors as learn_selectors

    return {
        "continue": learn_selectors.continue_learning(user),
        "due": learn_selectors.due_this_week(user),
        "memberships": list(cohort_selectors.memberships_of(user)),
        "supervisees": list(cohort_selectors.supervisees_of(user)),
        "journal": journal_summary(user),
        "steps": next_steps(user),
    }
