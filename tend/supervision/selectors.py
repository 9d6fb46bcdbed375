"""Reads for supervision pages, each in a fixed number of queries however many supervisees and
items there are. Only items shared with the supervisor are ever read for them."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, time

from django.conf import settings
from django.db.models import Count, Prefetch, Q, Sum
from django.utils import timezone

from tend.core import access
from tend.supervision import highlight
from tend.supervision.content import Competency, cached_framework
from tend.supervision.items import KINDS
from tend.supervision.models import (
    CommentReply,
    CompetencyEvent,
    EvidenceKind,
    ItemComment,
    ItemReview,
    LogStatus,
    SupervisionLog,
)


def framework():
    return cached_framework(settings.TEND_CONTENT_DIR)


# --- Supervisor home -----------------------------------------------------------------------------


@dataclass
class SharedItem:
    kind: str
    pk: int
    title: str
    updated_at: datetime
    is_new: bool


@dataclass
class SuperviseeRow:
    person: object
    cohorts: list[str]
    new_items: list[SharedItem] = field(default_factory=list)
    shared_count: int = 0
    practice_minutes: int = 0
    modules_completed: int = 0
    modules_started: int = 0
    logs_awaiting: int = 0


def supervisees(supervisor) -> list:
    from tend.cohorts.models import SupervisorAssignment

    people: dict[int, tuple] = {}
    assignments = (SupervisorAssignment.objects.filter(supervisor=supervisor).select_related("trainee", "cohort")
                   .order_by("trainee__display_name", "cohort__name"))
    for assignment in assignments:
        people.setdefault(assignment.trainee_id, (assignment.trainee, []))[1].append(assignment.cohort.name)
    return list(people.values())


def shared_items(supervisor, kind_slug: str, owner_ids) -> list:
    """Items of one kind the supervisor's supervisees shared with them (one query)."""
    kind = KINDS[kind_slug]
    return list(access.shared_for_review(supervisor, kind.queryset().filter(owner_id__in=owner_ids)).order_by("-updated_at"))


def review_marks(reviewer) -> dict[tuple[str, int], int]:
    marks = ItemReview.objects.filter(reviewer=reviewer).only("item_kind", "item_id", "version")
    return {(r.item_kind, r.item_id): r.version for r in marks}


def _month_start():
    today = timezone.localdate()
    return timezone.make_aware(datetime.combine(today.replace(day=1), time.min))


def supervisor_home(supervisor) -> list[SuperviseeRow]:
    from tend.diary.models import PracticeLog
    from tend.learn.models import ModuleProgress

    rows = {person.pk: SuperviseeRow(person, cohorts) for person, cohorts in supervisees(supervisor)}
    if not rows:
        return []
    ids = list(rows)
    reviewed = review_marks(supervisor)
    for slug in KINDS:
        for item in shared_items(supervisor, slug, ids):
            row = rows[item.owner_id]
            row.shared_count += 1
            version = reviewed.get((slug, item.pk))
            if version is None or version < getattr(item, "version", 0):
                row.new_items.append(SharedItem(slug, item.pk, str(KINDS[slug].title(item)), item.updated_at, version is None))
    minutes = (PracticeLog.objects.filter(owner_id__in=ids, started_at__gte=_month_start()).values("owner_id")
               .annotate(seconds=Sum("duration_seconds")))
    for entry in minutes:
        rows[entry["owner_id"]].practice_minutes = round((entry["seconds"] or 0) / 60)
    progress = (ModuleProgress.objects.filter(user_id__in=ids, module__archived_at__isnull=True).values("user_id")
                .annotate(started=Count("pk"), completed=Count("pk", filter=Q(completed_at__isnull=False))))
    for entry in progress:
        rows[entry["user_id"]].modules_started, rows[entry["user_id"]].modules_completed = entry["started"], entry["completed"]
    awaiting = (SupervisionLog.objects.filter(supervisor=supervisor, supervisee_id__in=ids).exclude(status=LogStatus.CONFIRMED)
                .values("supervisee_id").annotate(n=Count("pk")))
    for entry in awaiting:
        rows[entry["supervisee_id"]].logs_awaiting = entry["n"]
    for row in rows.values():
        row.new_items.sort(key=lambda i: i.updated_at, reverse=True)
    return list(rows.values())


def live_module_count() -> int:
    from tend.learn.models import Module

    return Module.objects.live().count()


# --- Comments ---------------------------------------------------------------------------------------


def _with_replies(queryset):
    return queryset.select_related("author").prefetch_related(
        Prefetch("replies", queryset=CommentReply.objects.select_related("author")))


def comments_on(kind_slug: str, item_id: int) -> list[ItemComment]:
    """The comments on one item, oldest first, with their replies (two queries however many)."""
    return list(_with_replies(ItemComment.objects.filter(item_kind=kind_slug, item_id=item_id)))


@dataclass
class ReviewText:
    html: str  # the item's text, escaped, with commented passages marked
    comments: list[ItemComment]  # numbered; `anchor` set on those marked in the text


def review_text(text: str, comments: list[ItemComment]) -> ReviewText:
    """Numbers the comments (1, 2, ... as listed) and marks the passages whose offsets still hold
    their quote; the rest keep only their quote in the list (`anchor` empty, `moved` true)."""
    for number, comment in enumerate(comments, start=1):
        comment.number = number
    html, anchors = highlight.highlight(text, highlight.place(text, comments))
    for comment in comments:
        comment.anchor = anchors.get(comment.pk, "")
        comment.moved = bool(comment.quote) and not comment.anchor
    return ReviewText(html, comments)


@dataclass
class FeedbackGroup:
    kind: str
    pk: int
    title: str
    label: str
    comments: list[ItemComment]


def feedback_for_owner(owner) -> list[FeedbackGroup]:
    """Every comment on the owner's items, grouped by item, newest item first; items since
    deleted are left out (their comments went with them for the owner's purposes)."""
    comments = list(_with_replies(ItemComment.objects.filter(owner=owner)).order_by("-created_at", "-pk"))
    by_kind: dict[str, set[int]] = defaultdict(set)
    for comment in comments:
        by_kind[comment.item_kind].add(comment.item_id)
    titles = {}
    for slug, ids in by_kind.items():
        for item in KINDS[slug].queryset().filter(owner=owner, pk__in=ids):
            titles[(slug, item.pk)] = str(KINDS[slug].title(item))
    groups: dict[tuple[str, int], FeedbackGroup] = {}
    for comment in comments:
        key = (comment.item_kind, comment.item_id)
        if key not in titles:
            continue
        if key not in groups:
            groups[key] = FeedbackGroup(key[0], key[1], titles[key], str(KINDS[key[0]].label), [])
        groups[key].comments.append(comment)
    for group in groups.values():
        group.comments.reverse()  # oldest first within an item, as a conversation reads
    return list(groups.values())


# --- Logs ---------------------------------------------------------------------------------------------


def logs_for(person) -> dict:
    base = SupervisionLog.objects.select_related("supervisor", "supervisee")
    return {"received": list(base.filter(supervisee=person)), "given": list(base.filter(supervisor=person))}


# --- Competency profile ----------------------------------------------------------------------------------


@dataclass
class CompetencyRow:
    competency: Competency
    self_rating: CompetencyEvent | None = None
    supervisor_rating: CompetencyEvent | None = None
    sign_off: CompetencyEvent | None = None

    @property
    def views_differ(self) -> bool:
        """Both have rated it, at different levels: something to talk over, not a verdict."""
        return bool(self.self_rating and self.supervisor_rating and self.self_rating.level != self.supervisor_rating.level)


@dataclass
class AreaProgress:
    """One competency area's rows and its counts at a glance."""

    area: object
    rows: list[CompetencyRow]

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def signed_off(self) -> int:
        return sum(1 for row in self.rows if row.sign_off)

    @property
    def self_rated(self) -> int:
        return sum(1 for row in self.rows if row.self_rating)

    @property
    def supervisor_rated(self) -> int:
        return sum(1 for row in self.rows if row.supervisor_rating)

    @property
    def differing(self) -> int:
        return sum(1 for row in self.rows if row.views_differ)


SUPERVISOR_KINDS = (CompetencyEvent.Kind.SUPERVISOR_RATING, CompetencyEvent.Kind.SIGN_OFF)


def profile(trainee) -> list[AreaProgress]:
    """Each area with the latest self-rating, supervisor rating and sign-off per competency (one query)."""
    latest: dict[tuple[str, str], CompetencyEvent] = {}
    for event in CompetencyEvent.objects.filter(trainee=trainee).select_related("author").order_by("created_at", "pk"):
        latest[(event.competency_id, event.kind)] = event
    result = []
    for area in framework().areas:
        rows = []
        for competency in area.competencies:
            supervisor = [latest.get((competency.id, k)) for k in SUPERVISOR_KINDS]
            rated = max((e for e in supervisor if e), key=lambda e: (e.created_at, e.pk), default=None)
            rows.append(CompetencyRow(competency, latest.get((competency.id, CompetencyEvent.Kind.SELF_RATING)), rated,
                                      latest.get((competency.id, CompetencyEvent.Kind.SIGN_OFF))))
        result.append(AreaProgress(area, rows))
    return result


def history(trainee, competency_id: str) -> list[CompetencyEvent]:
    return list(CompetencyEvent.objects.filter(trainee=trainee, competency_id=competency_id)
                .select_related("author").prefetch_related("evidence"))


@dataclass(frozen=True)
class EvidenceOption:
    kind: str
    pk: int
    title: str
    label: str
    url: str

    @property
    def value(self) -> str:
        return f"{self.kind}:{self.pk}"


def evidence_options(viewer, trainee) -> list[EvidenceOption]:
    """What may be linked or shown as evidence to `viewer`: for the trainee, their own items (and
    logs); for their supervisor, only what the trainee shared (and their logs together). One query
    per kind."""
    from django.urls import reverse

    options = []
    for slug, kind in KINDS.items():
        queryset = kind.queryset().filter(owner=trainee)
        if viewer.pk != trainee.pk:
            queryset = access.shared_for_review(viewer, queryset)
        for item in queryset.order_by("-updated_at"):
            url = reverse("supervision:item", args=[slug, item.pk])
            options.append(EvidenceOption(slug, item.pk, str(kind.title(item)), str(kind.label), url))
    logs = SupervisionLog.objects.filter(supervisee=trainee)
    if viewer.pk != trainee.pk:
        logs = logs.filter(supervisor=viewer)
    for log in logs:
        url = reverse("supervision:log", args=[log.pk])
        options.append(EvidenceOption(EvidenceKind.LOG, log.pk, log.display_title, str(EvidenceKind.LOG.label), url))
    return options
