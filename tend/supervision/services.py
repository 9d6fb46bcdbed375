"""Writes for supervision: comments and review marks, logs and their confirmation, competency
ratings (always new rows) and the agreement. Views check access first; these functions keep the
rules that hold whoever calls them."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tend.core import access
from tend.core.models import Visibility
from tend.notifications.services import notify
from tend.supervision import defaults
from tend.supervision.items import kind_of, review_url, text_of
from tend.supervision.models import (
    SIGN_OFF_LEVELS,
    CompetencyEvent,
    CommentReply,
    CompetencyEvidence,
    ItemComment,
    ItemReview,
    LogStatus,
    SupervisionAgreement,
    SupervisionLog,
)


class PassageNotFound(ValueError):
    """The quoted passage is not in the item's current text."""


class ReplyNotAllowed(ValueError):
    """The item is no longer shared with the supervisor, so the conversation is paused."""


# --- Comments and review marks ----------------------------------------------------------------


def locate_passage(text: str, quote: str, start: int | None, end: int | None) -> tuple[str, int | None, int | None]:
    """(quote, start, end) checked against the text: offsets from a selection are kept when they
    match; a pasted passage is found in the text (its first occurrence)."""
    quote = quote.replace("\r\n", "\n").strip()
    if not quote:
        return "", None, None
    if start is not None and end is not None and 0 <= start < end <= len(text) and text[start:end].strip() == quote:
        return text[start:end], start, end
    found = text.find(quote)
    if found < 0:
        raise PassageNotFound(quote)
    return quote, found, found + len(quote)


@transaction.atomic
def add_comment(item, author, *, body: str, quote: str = "", start: int | None = None, end: int | None = None) -> ItemComment:
    kind = kind_of(item)
    quote, start, end = locate_passage(text_of(item), quote, start, end)
    comment = ItemComment.objects.create(
        item_kind=kind.slug, item_id=item.pk, owner_id=item.owner_id, author=author, body=body.strip(),
        quote=quote, start=start, end=end,
    )
    notify(item.owner, kind="supervision_comment", actor=author, url=review_url(kind.slug, item.pk),
           title=_("Your supervisor commented on your %(kind)s") % {"kind": kind.label})
    return comment


def can_reply(item) -> bool:
    """A conversation under a comment goes on only while the item is shared with the supervisor:
    a reply on an item made private again would reach nobody."""
    return item.visibility == Visibility.SUPERVISOR


@transaction.atomic
def add_reply(item, comment: ItemComment, author, *, body: str) -> CommentReply:
    """A reply under `comment` by the item's owner or their supervisor (the view has checked the
    author may open the item). The other side is told, with a link and never the words."""
    if comment.item_id != item.pk or comment.item_kind != kind_of(item).slug:
        raise ValueError("That comment belongs to another item.")
    if not can_reply(item):
        raise ReplyNotAllowed(item.pk)
    reply = CommentReply.objects.create(comment=comment, author=author, body=body.strip())
    url = f"{review_url(comment.item_kind, item.pk)}#comment-{comment.pk}"
    label = kind_of(item).label
    if author.pk == item.owner_id:
        # The comment's author hears back only while they still supervise the owner.
        if access.is_supervisor_of(comment.author, item.owner_id):
            notify(comment.author, kind="supervision_reply", actor=author, url=url,
                   title=_("Your supervisee replied to your comment on their %(kind)s") % {"kind": label})
    else:
        notify(item.owner, kind="supervision_reply", actor=author, url=url,
               title=_("Your supervisor replied in the conversation on your %(kind)s") % {"kind": label})
    return reply


def mark_reviewed(item, reviewer) -> ItemReview | None:
    """Marks a shared item reviewed by this supervisor (the drills app calls this after a rubric
    rating). Does nothing for anyone who is not the owner's supervisor with access to the item,
    so callers need not check who the reviewer is."""
    if not (access.is_supervisor_of(reviewer, item.owner_id) and access.can_view(reviewer, item)):
        return None
    review, _created = ItemReview.objects.update_or_create(
        item_kind=kind_of(item).slug, item_id=item.pk, reviewer=reviewer,
        defaults={"version": getattr(item, "version", 0), "reviewed_at": timezone.now()},
    )
    return review


# --- Supervision logs ---------------------------------------------------------------------------


LOG_FIELDS = ("date", "duration_minutes", "format", "topics", "agreed_actions")


@transaction.atomic
def create_log(supervisor, supervisee, values: dict) -> SupervisionLog:
    log = SupervisionLog.objects.create(supervisor=supervisor, supervisee=supervisee, **{k: values[k] for k in LOG_FIELDS})
    notify(supervisee, kind="supervision_log", actor=supervisor, url=_log_url(log),
           title=_("Your supervisor added a supervision log for you to confirm"))
    return log


@transaction.atomic
def update_log(log: SupervisionLog, values: dict) -> SupervisionLog:
    """Any change goes back to the supervisee to confirm (a confirmed log stops counting until then)."""
    for name in LOG_FIELDS:
        setattr(log, name, values[name])
    log.status, log.confirmed_at, log.correction_note = LogStatus.AWAITING, None, ""
    log.save()
    notify(log.supervisee, kind="supervision_log", actor=log.supervisor, url=_log_url(log),
           title=_("Your supervisor updated a supervision log for you to confirm"))
    return log


def confirm_log(log: SupervisionLog) -> SupervisionLog:
    log.status, log.confirmed_at, log.correction_note = LogStatus.CONFIRMED, timezone.now(), ""
    log.save(update_fields=["status", "confirmed_at", "correction_note", "updated_at"])
    return log


@transaction.atomic
def ask_for_correction(log: SupervisionLog, note: str) -> SupervisionLog:
    log.status, log.confirmed_at, log.correction_note = LogStatus.CORRECTION, None, note.strip()
    log.save(update_fields=["status", "confirmed_at", "correction_note", "updated_at"])
    notify(log.supervisor, kind="supervision_log", actor=log.supervisee, url=_log_url(log),
           title=_("Your supervisee asked for a correction to a supervision log"))
    return log


def _log_url(log: SupervisionLog) -> str:
    from django.urls import reverse

    return reverse("supervision:log", args=[log.pk])


# --- Competencies -------------------------------------------------------------------------------


@transaction.atomic
def rate_self(trainee, competency_id: str, *, level: str, note: str = "") -> CompetencyEvent:
    return CompetencyEvent.objects.create(trainee=trainee, author=trainee, competency_id=competency_id,
                                          kind=CompetencyEvent.Kind.SELF_RATING, level=level, note=note.strip())


@transaction.atomic
def rate_as_supervisor(supervisor, trainee, competency_id: str, *, level: str, note: str = "", sign_off: bool = False,
                       evidence: list[tuple[str, int]] = ()) -> CompetencyEvent:
    """A supervisor's rating, or (sign_off) their sign-off, which needs a competent or proficient
    rating and a note. Evidence is (kind, id) pairs the caller has checked are shared."""
    if sign_off and (level not in SIGN_OFF_LEVELS or not note.strip()):
        raise ValueError("A sign-off needs a competent or proficient rating and a note.")
    kind = CompetencyEvent.Kind.SIGN_OFF if sign_off else CompetencyEvent.Kind.SUPERVISOR_RATING
    event = CompetencyEvent.objects.create(trainee=trainee, author=supervisor, competency_id=competency_id,
                                           kind=kind, level=level, note=note.strip())
    links = dict.fromkeys(evidence)  # each item once, in the order given
    CompetencyEvidence.objects.bulk_create(CompetencyEvidence(event=event, item_kind=k, item_id=i) for k, i in links)
    from django.urls import reverse

    message = _("Your supervisor signed off a competency") if sign_off else _("Your supervisor rated a competency")
    notify(trainee, kind="supervision_competency", actor=supervisor, title=message,
           url=reverse("supervision:competency", args=[trainee.pk, competency_id]))
    return event


# --- Agreement ------------------------------------------------------------------------------------


AGREEMENT_FIELDS = ("expectations", "confidentiality", "frequency")


def agreement_for(supervisor, supervisee) -> SupervisionAgreement:
    """The pair's agreement, created with our default text the first time it is needed."""
    agreement, _created = SupervisionAgreement.objects.get_or_create(
        supervisor=supervisor, supervisee=supervisee, defaults=defaults.agreement_text(),
    )
    return agreement


@transaction.atomic
def edit_agreement(agreement: SupervisionAgreement, values: dict) -> SupervisionAgreement:
    """Saves new text; if anything changed, both confirmations are cleared, to be given again."""
    # Compared with the stored row: a bound ModelForm has already copied the new text onto `agreement`.
    stored = SupervisionAgreement.objects.filter(pk=agreement.pk).values(*AGREEMENT_FIELDS).first() or {}
    changed = any(stored.get(name) != values[name] for name in AGREEMENT_FIELDS)
    for name in AGREEMENT_FIELDS:
        setattr(agreement, name, values[name])
    if changed:
        agreement.supervisor_confirmed_at = agreement.supervisee_confirmed_at = None
        from django.urls import reverse

        notify(agreement.supervisee, kind="supervision_agreement", actor=agreement.supervisor,
               url=reverse("supervision:agreement", args=[agreement.supervisor_id]),
               title=_("Your supervisor changed your supervision agreement: please read and confirm it"))
    agreement.save()
    return agreement


def confirm_agreement(agreement: SupervisionAgreement, person) -> SupervisionAgreement:
    now = timezone.now()
    if person.pk == agreement.supervisor_id:
        agreement.supervisor_confirmed_at = now
    elif person.pk == agreement.supervisee_id:
        agreement.supervisee_confirmed_at = now
    else:
        raise ValueError("Only the two people in a supervision agreement confirm it.")
    agreement.save(update_fields=["supervisor_confirmed_at", "supervisee_confirmed_at", "updated_at"])
    return agreement
