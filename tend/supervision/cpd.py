"""CPD hook: confirmed supervision sessions count towards CPD hours.

For the supervisee as supervision received, and for the supervisor as supervision given (most
professional bodies count providing supervision as CPD, and the log is confirmed by both sides).
A log awaiting confirmation, or with a correction asked for, counts for neither."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from tend.cpd.activities import CpdActivity
from tend.supervision.models import LogStatus, SupervisionLog


def cpd_activities(user, start: date, end: date) -> list[CpdActivity]:
    logs = SupervisionLog.objects.filter(Q(supervisee=user) | Q(supervisor=user), status=LogStatus.CONFIRMED,
                                         date__gte=start, date__lte=end)
    activities = []
    for log in logs:
        received = log.supervisee_id == user.pk
        title = _("Supervision received (%(format)s)") if received else _("Supervision given (%(format)s)")
        activities.append(CpdActivity(
            ref=f"supervision:{log.pk}", source="supervision", title=title % {"format": log.get_format_display().lower()},
            date=log.date, hours=(Decimal(log.duration_minutes) / 60).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
            category="supervision", url=reverse("supervision:log", args=[log.pk]),
        ))
    return activities
