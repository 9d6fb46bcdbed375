"""The CPD settings, each read with a default so the app works before anyone configures it."""

from decimal import Decimal

from django.conf import settings

DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024


def _decimal(name: str, default: str) -> Decimal:
    return Decimal(str(getattr(settings, name, default)))


def year_start() -> tuple[int, int]:
    """(month, day) the registration year begins on, from TEND_CPD_YEAR_START "MM-DD"."""
    raw = str(getattr(settings, "TEND_CPD_YEAR_START", "01-01") or "01-01")
    try:
        month, day = (int(part) for part in raw.split("-"))
        if not (1 <= month <= 12 and 1 <= day <= 31):
            raise ValueError(raw)
    except ValueError:
        month, day = 1, 1
    return month, day


def module_hours_default() -> Decimal:
    """Hours for a completed module whose content gives no cpd_hours (or 0)."""
    return _decimal("TEND_CPD_MODULE_HOURS_DEFAULT", "1.5")


def practice_weekly_cap_hours() -> Decimal:
    return _decimal("TEND_CPD_PRACTICE_WEEKLY_CAP_HOURS", "2")


def drill_minutes() -> Decimal:
    return _decimal("TEND_CPD_DRILL_MINUTES", "10")


def drills_weekly_cap_hours() -> Decimal:
    return _decimal("TEND_CPD_DRILLS_WEEKLY_CAP_HOURS", "2")


def max_upload_bytes() -> int:
    return int(getattr(settings, "TEND_CPD_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES))
