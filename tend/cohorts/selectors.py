from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.db.models import Count, Max, Q, Sum
from django.utils import timezone

from tend.cohorts.models import NUDGE_INTERVAL, Cohort, CohortRole, Invitation, Membership, Nudge, SupervisorAssignment
from tend.core import access, hooks


def cohorts_for(user):
    return access.visible_cohorts(user, Cohort.objects.annotate(member_count=Count("memberships", distinct=True)))


def cohort_members(cohort: Cohort):
    return cohort.memberships.select_related("user").order_by("role", "user__display_name")


def cohort_management(cohort: Cohort) -> dict:
    return {
        "invitations": Invitation.objects.filter(cohort=cohort).order_by("-created_at")[:50],
        "assignments": SupervisorAssignment.objects.filter(cohort=cohort).select_related("trainee", "supervisor"),
    }


def supervisees_of(user):
    return SupervisorAssignment.objects.filter(supervisor=user).select_related("trainee", "cohort")


def memberships_of(user):
    return Membership.objects.filter(user=user).select_related("cohort")




# --- The cohort space ----------------------------------------------------------------------


def announcements_of(cohort: Cohort):
    return cohort.announcements.select_related("posted_by")


def _moment(when, zone) -> datetime:
    """Dates and datetimes on one time line, a date counting from the start of its day."""
    if isinstance(when, datetime):
        return when
    return datetime.combine(when, time.min, tzinfo=zone)


SCHEDULE_SHOWN = 8


def cohort_schedule(cohort: Cohort, user) -> dict:
    """Every app's schedule entries for the cohort: upcoming soonest first, then earlier ones."""
    zone = timezone.get_current_timezone()
    start_of_today = _moment(timezone.localdate(), zone)
    items = sorted(hooks.gather("schedule", "cohort_schedule", cohort, user), key=lambda i: _moment(i.when, zone))
    entries = [ScheduleEntry(i, isinstance(i.when, datetime)) for i in items]
    upcoming = [e for e in entries if _moment(e.item.when, zone) >= start_of_today]
    earlier = [e for e in reversed(entries) if _moment(e.item.when, zone) < start_of_today]
    # The next few stay in view; a long run of weekly entries folds away behind "more".
    return {
        "upcoming": upcoming[:SCHEDULE_SHOWN], "later": upcoming[SCHEDULE_SHOWN:], "earlier": earlier[:10],
        # Offers the download of upcoming live sessions only when there is something in it.
        "has_live_sessions": any(e.item.kind == "live_session" for e in upcoming),
    }


@dataclass(frozen=True)
class ScheduleEntry:
    item: object  # tend.cohorts.schedule.ScheduleItem
    has_time: bool  # a moment (shown with its time and zone) rather than a whole day


# --- The trainer dashboard: counts only, never anything a person wrote ---------------------

INACTIVE_AFTER = timedelta(days=14)


@dataclass
class MemberEngagement:
    user: object
    modules_completed: int = 0
    practice_minutes: int = 0
    drills_attempted: int = 0
    sessions_attended: int = 0
    last_activity: datetime | None = None
    inactive: bool = False
    nudged_at: datetime | None = None  # within the past week, which holds back another nudge

    @property
    def next_nudge_at(self) -> datetime | None:
        return self.nudged_at + NUDGE_INTERVAL if self.nudged_at else None


def _per_person(queryset, person_field: str, **aggregates) -> dict[int, dict]:
    rows = queryset.values(person_field).order_by().annotate(**aggregates)
    return {row[person_field]: row for row in rows}


def cohort_engagement(cohort: Cohort, now: datetime | None = None) -> dict:
    """Per trainee: modules completed, practice minutes this month, drills attempted and live
    sessions attended, and whether they have been quiet for 14 days. A fixed number of queries
    however many people are in the cohort."""
    from tend.diary.models import PracticeLog
    from tend.drills.models import DrillAttempt
    from tend.learn.models import ModuleProgress
    from tend.live.models import Attendance, LiveSession

    now = now or timezone.now()
    month_start = timezone.localtime(now).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    trainees = [
        m.user for m in Membership.objects.filter(cohort=cohort, role=CohortRole.TRAINEE)
        .select_related("user").order_by("user__display_name")
    ]
    ids = [t.pk for t in trainees]
    modules = _per_person(
        ModuleProgress.objects.filter(user_id__in=ids), "user_id",
        done=Count("pk", filter=Q(completed_at__isnull=False)), last=Max("updated_at"),
    )
    practice = _per_person(
        PracticeLog.objects.filter(owner_id__in=ids, started_at__lte=now), "owner_id",
        month_seconds=Sum("duration_seconds", filter=Q(started_at__gte=month_start)), last=Max("started_at"),
    )
    drills = _per_person(
        DrillAttempt.objects.filter(owner_id__in=ids), "owner_id", n=Count("pk"), last=Max("created_at")
    )
    attended = _per_person(
        Attendance.objects.filter(
            user_id__in=ids, present=True, session__cohort=cohort, session__cancelled_at__isnull=True
        ),
        "user_id", n=Count("pk"), last=Max("session__ends_at"),
    )
    nudged = recent_nudges(ids, now)
    rows = []
    for user in trainees:
        sources = [counts.get(user.pk, {}) for counts in (modules, practice, drills, attended)]
        last = max((s["last"] for s in sources if s.get("last")), default=None)
        rows.append(MemberEngagement(
            user=user,
            modules_completed=sources[0].get("done", 0),
            practice_minutes=round((sources[1].get("month_seconds") or 0) / 60),
            drills_attempted=sources[2].get("n", 0),
            sessions_attended=sources[3].get("n", 0),
            last_activity=last,
            inactive=last is None or now - last > INACTIVE_AFTER,
            nudged_at=nudged.get(user.pk),
        ))
    sessions_held = LiveSession.objects.filter(cohort=cohort, cancelled_at__isnull=True, starts_at__lte=now).count()
    return {"rows": rows, "sessions_held": sessions_held, "inactive": [r for r in rows if r.inactive]}


def recent_nudges(user_ids, now: datetime) -> dict[int, datetime]:
    """When each of these people was last nudged within the past week, from any cohort: one query."""
    rows = (
        Nudge.objects.filter(trainee_id__in=user_ids, sent_at__gt=now - NUDGE_INTERVAL)
        .values("trainee_id").order_by().annotate(last=Max("sent_at"))
    )
    return {row["trainee_id"]: row["last"] for row in rows}


def trainee_of(cohort: Cohort, user_pk: int):
    trainees = Membership.objects.filter(cohort=cohort, role=CohortRole.TRAINEE)
    membership = trainees.filter(user_id=user_pk).select_related("user").first()
    return membership.user if membership else None
