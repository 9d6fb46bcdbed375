"""Reading where a person stands against the completion rules, and what they may certify."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from tend.core.hooks import gather, hook_functions
from tend.certificates.attendance import Attendance
from tend.certificates.models import Certificate, CompletionRule
from tend.cpd import conf as cpd_conf

EARLIEST = date(2000, 1, 1)


@dataclass(frozen=True)
class RuleStatus:
    key: str
    label: str
    required: Decimal
    achieved: Decimal
    available: bool = True  # False: no part of Tend can count this yet

    @property
    def met(self) -> bool:
        return self.available and self.achieved >= self.required


def _completed_modules(user):
    from tend.learn.models import ModuleProgress

    return (ModuleProgress.objects.filter(user=user, completed_at__isnull=False, module__archived_at__isnull=True)
            .select_related("module").order_by("module__number"))


def _practice_hours(user) -> Decimal:
    from tend.diary.models import PracticeLog

    seconds = PracticeLog.objects.filter(owner=user).aggregate(total=Sum("duration_seconds"))["total"] or 0
    return (Decimal(seconds) / 3600).quantize(Decimal("0.01"))


def _all_cpd(user) -> list:
    return gather("cpd", "cpd_activities", user, EARLIEST, timezone.localdate())


def _supervision_hours(user) -> Decimal:
    """Confirmed supervision, as the supervision app reports it through the cpd hook."""
    return sum((a.hours for a in _all_cpd(user) if a.source == "supervision"), Decimal("0"))


def _signed_off_competencies(user) -> tuple[int, bool]:
    """(how many, whether any app counts them yet)."""
    if not hook_functions("certificates", "signed_off_competencies"):
        return 0, False
    return len(gather("certificates", "signed_off_competencies", user)), True


def rule_progress(user, rule: CompletionRule | None = None) -> list[RuleStatus]:
    """Each rule the organisation requires (modules always; the others when set above 0)."""
    from tend.learn.models import Module

    rule = rule or CompletionRule.load()
    modules_required = rule.modules_required
    if modules_required is None:
        modules_required = Module.objects.live().count()
    statuses = [RuleStatus("modules", _("Modules completed"), Decimal(modules_required),
                           Decimal(_completed_modules(user).count()))]
    if rule.practice_hours > 0:
        statuses.append(RuleStatus("practice", _("Hours of personal practice"), rule.practice_hours, _practice_hours(user)))
    if rule.supervision_hours > 0:
        statuses.append(RuleStatus("supervision", _("Hours of supervision"), rule.supervision_hours,
                                   _supervision_hours(user)))
    if rule.competencies_signed_off > 0:
        count, available = _signed_off_competencies(user)
        statuses.append(RuleStatus("competencies", _("Competencies signed off by a supervisor"),
                                   Decimal(rule.competencies_signed_off), Decimal(count), available))
    return statuses


def all_met(statuses: list[RuleStatus]) -> bool:
    return all(status.met for status in statuses)


@dataclass(frozen=True)
class Eligible:
    """Something a certificate of attendance can be issued for."""

    ref: str
    kind: str
    title: str
    date: date
    hours: Decimal | None


def attended_modules(user) -> list[Eligible]:
    default = cpd_conf.module_hours_default()
    return [
        Eligible(f"module:{p.module.slug}", "module", p.module.title, timezone.localtime(p.completed_at).date(),
                 p.module.cpd_hours or default)
        for p in _completed_modules(user)
    ]


def attended_live_sessions(user) -> list[Eligible]:
    """Live sessions the person attended: those the live app reports as CPD (source "live_session"),
    plus any an app offers through the certificates hook `attended_sessions`."""
    found: dict[str, Eligible] = {}
    for activity in _all_cpd(user):
        if activity.source == "live_session":
            found[activity.ref] = Eligible(activity.ref, "live", activity.title, activity.date, activity.hours)
    attended: list[Attendance] = gather("certificates", "attended_sessions", user)
    for item in attended:
        found.setdefault(item.ref, Eligible(item.ref, "live", item.title, item.date, item.hours))
    return sorted(found.values(), key=lambda e: (e.date, e.ref))


def own_certificates(user) -> dict[str, Certificate]:
    return {c.subject_ref: c for c in Certificate.objects.filter(owner=user)}
