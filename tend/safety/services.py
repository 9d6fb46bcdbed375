"""Screening a person's own writing. It never blocks or delays saving, and never tells anyone else."""

import logging

from django.utils import timezone

from tend.feedback import screen
from tend.safety.models import ScreenEvent

logger = logging.getLogger(__name__)
SESSION_KEY = "tend_support"  # the level the writer should see support for on their next page
COUNTED_KEY = "tend_screens_counted"


def screen_own_writing(request, *, text: str, source: str, item_key: str, next_page: bool = True) -> str:
    """Returns "high", "possible" or "none" for the writer's own text, offers support on their next
    page (unless the current page shows it itself), and counts the event once per item and level
    in this session (no text, no person)."""
    try:
        level = screen(text).risk
    except Exception:  # noqa: BLE001  (a screening failure must never lose or block writing)
        logger.exception("Risk screen failed; the writing was saved without a screen.")
        return "none"
    if level == "none":
        return level
    if next_page:
        request.session[SESSION_KEY] = level
    counted = set(request.session.get(COUNTED_KEY, []))
    marker = f"{source}:{item_key}:{level}"
    if marker not in counted:
        ScreenEvent.objects.create(day=timezone.localdate(), level=level, source=source)
        request.session[COUNTED_KEY] = sorted(counted | {marker})
    return level
