from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tend.core import access, audit
from tend.core.audit import AuditEvent
from tend.safety.services import screen_own_writing
from tend.supervision import defaults, selectors, services
from tend.supervision.forms import (
    AgreementForm,
    CommentForm,
    LogForm,
    LogResponseForm,
    ReplyForm,
    SelfRatingForm,
    SupervisorRatingForm,
)
from tend.supervision.items import KINDS, text_of
from tend.supervision.models import ItemComment, SupervisionAgreement, SupervisionLog


def _people():
    return get_user_model().objects.all()


def _kind_or_404(kind: str):
    if kind not in KINDS:
        raise Http404
    return KINDS[kind]


# --- Home and the owner's feedback page ------------------------------------------------------------


def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    context = {
        "rows": selectors.supervisor_home(user),
        "module_count": selectors.live_module_count(),
        "my_supervisors": [a.supervisor for a in user.supervisors_assigned.select_related("supervisor")],
    }
    return render(request, "supervision/home.html", context)


def feedback(request: HttpRequest) -> HttpResponse:
    return render(request, "supervision/feedback.html", {"groups": selectors.feedback_for_owner(request.user)})


# --- Review of one shared item ----------------------------------------------------------------------


def _item_page(request, kind, item, form, status=200, *, failed_reply=None):
    """The review page. `failed_reply` is a (comment pk, bound ReplyForm) that did not save, shown
    open under its comment with what was typed."""
    is_owner = item.owner_id == request.user.pk
    text = text_of(item)
    review = selectors.review_text(text, selectors.comments_on(kind.slug, item.pk))
    may_reply = services.can_reply(item)
    for comment in review.comments:
        if failed_reply and failed_reply[0] == comment.pk:
            comment.reply_form = failed_reply[1]
        elif may_reply:
            comment.reply_form = ReplyForm(comment_pk=comment.pk)
    context = {
        "kind": kind, "item": item, "title": kind.title(item), "text": text, "text_html": review.html,
        "is_owner": is_owner, "context_text": kind.context(item), "comments": review.comments, "form": form,
        "may_reply": may_reply,
        "reviewed": None if is_owner else selectors.review_marks(request.user).get((kind.slug, item.pk)),
        "version": getattr(item, "version", 0), "owner_url": kind.owner_url(item),
    }
    return render(request, "supervision/item.html", context, status=status)


def item(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """GET: the owner or their supervisor reads the item and its comments. POST: the supervisor comments."""
    kind = _kind_or_404(kind)
    queryset = kind.queryset().select_related("owner")
    shared = access.get_supervision_item_or_404(request, queryset, reviewer_only=request.method == "POST", pk=pk)
    if shared.owner_id != request.user.pk and request.method == "GET":
        audit.record(AuditEvent.Kind.SHARED_ENTRY_VIEWED, request=request, subject_user=shared.owner, obj=shared)
    if request.method != "POST":
        return _item_page(request, kind, shared, CommentForm())
    form = CommentForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.add_comment(shared, request.user, body=data["body"], quote=data["quote"],
                                 start=data["start"], end=data["end"])
        except services.PassageNotFound:
            form.add_error("quote", _("That passage is not in the text as it stands now. Copy the words exactly, "
                                      "or leave this empty to comment on the whole item."))
        else:
            messages.success(request, _("Comment added. %(name)s will see it.") % {"name": shared.owner.display_name})
            return redirect("supervision:item", kind.slug, shared.pk)
    return _item_page(request, kind, shared, form, status=400)


@require_POST
def reply(request: HttpRequest, kind: str, pk: int, comment_pk: int) -> HttpResponse:
    """The owner or their supervisor replies under one comment on a shared item."""
    kind = _kind_or_404(kind)
    shared = access.get_supervision_item_or_404(request, kind.queryset().select_related("owner"), pk=pk)
    comment = get_object_or_404(ItemComment, item_kind=kind.slug, item_id=shared.pk, pk=comment_pk)
    form = ReplyForm(request.POST, comment_pk=comment.pk)
    if form.is_valid():
        body = form.cleaned_data["body"]
        try:
            services.add_reply(shared, comment, request.user, body=body)
        except services.ReplyNotAllowed:
            form.add_error("body", _("This item is private now, so your supervisor cannot read a reply. "
                                     "Share it with your supervisor again to carry on the conversation."))
        else:
            if shared.owner_id == request.user.pk:
                screen_own_writing(request, text=body, source="supervision", item_key=f"reply-{comment.pk}")
            messages.success(request, _("Reply sent."))
            return redirect(f"{reverse('supervision:item', args=[kind.slug, shared.pk])}#comment-{comment.pk}")
    return _item_page(request, kind, shared, CommentForm(), status=400, failed_reply=(comment.pk, form))


@require_POST
def mark_reviewed(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    kind = _kind_or_404(kind)
    shared = access.get_supervision_item_or_404(request, kind.queryset(), reviewer_only=True, pk=pk)
    services.mark_reviewed(shared, request.user)
    messages.success(request, _("Marked as reviewed."))
    return redirect("supervision:home")


# --- Supervision logs ------------------------------------------------------------------------------------


def logs(request: HttpRequest) -> HttpResponse:
    return render(request, "supervision/logs.html", selectors.logs_for(request.user))


def log_new(request: HttpRequest, trainee_pk: int) -> HttpResponse:
    supervisee = access.get_supervisee_or_404(request, _people(), pk=trainee_pk)
    form = LogForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        log = services.create_log(request.user, supervisee, form.cleaned_data)
        messages.success(request, _("Log saved. %(name)s has been asked to confirm it.") % {"name": supervisee.display_name})
        return redirect("supervision:log", log.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "supervision/log_form.html", {"form": form, "supervisee": supervisee}, status=status)


def log_edit(request: HttpRequest, pk: int) -> HttpResponse:
    queryset = SupervisionLog.objects.select_related("supervisee")
    log = access.get_supervision_log_or_404(request, queryset, role="supervisor", pk=pk)
    form = LogForm(request.POST or None, instance=log)
    if request.method == "POST" and form.is_valid():
        services.update_log(log, form.cleaned_data)
        messages.success(request, _("Log updated and sent back to %(name)s to confirm.") % {"name": log.supervisee.display_name})
        return redirect("supervision:log", log.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "supervision/log_form.html", {"form": form, "supervisee": log.supervisee, "log": log}, status=status)


def log_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: either side reads the log. POST: the supervisee confirms it or asks for a correction."""
    queryset = SupervisionLog.objects.select_related("supervisor", "supervisee")
    role = "supervisee" if request.method == "POST" else None
    log = access.get_supervision_log_or_404(request, queryset, role=role, pk=pk)
    form = LogResponseForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            if form.cleaned_data["action"] == "confirm":
                services.confirm_log(log)
                messages.success(request, _("Thank you: the log is confirmed and counts towards your CPD hours."))
            else:
                note = form.cleaned_data["note"]
                screen_own_writing(request, text=note, source="supervision", item_key=f"log-{log.pk}")
                services.ask_for_correction(log, note)
                messages.success(request, _("Your supervisor has been asked to correct the log."))
            return redirect("supervision:log", log.pk)
        return render(request, "supervision/log.html", {"log": log, "form": form}, status=400)
    return render(request, "supervision/log.html", {"log": log, "form": form})


# --- Competency profile --------------------------------------------------------------------------------------


def _trainee_for(request, trainee_pk: int):
    return access.get_supervisee_or_404(request, _people(), allow_self=True, pk=trainee_pk)


def profile(request: HttpRequest, trainee_pk: int) -> HttpResponse:
    trainee = _trainee_for(request, trainee_pk)
    framework = selectors.framework()
    context = {"trainee": trainee, "is_self": trainee.pk == request.user.pk, "areas": selectors.profile(trainee),
               "sources": framework.sources}
    return render(request, "supervision/profile.html", context)


def _with_evidence(events, options) -> list:
    """Each event's linked evidence that the viewer may still open, and how many links they may not."""
    visible = {o.value: o for o in options}
    for event in events:
        keys = [f"{e.item_kind}:{e.item_id}" for e in event.evidence.all()]
        event.shown_evidence = [visible[k] for k in keys if k in visible]
        event.hidden_evidence = len(keys) - len(event.shown_evidence)
    return events


def competency(request: HttpRequest, trainee_pk: int, competency_id: str) -> HttpResponse:
    """GET: the history of one competency. POST: a self-rating from the trainee, or a rating or
    sign-off from their supervisor (each a new row; nothing is overwritten)."""
    trainee = _trainee_for(request, trainee_pk)
    found = selectors.framework().competency(competency_id)
    if found is None:
        raise Http404
    is_self = trainee.pk == request.user.pk
    options = selectors.evidence_options(request.user, trainee)
    form_class = SelfRatingForm if is_self else SupervisorRatingForm
    kwargs = {} if is_self else {"evidence_options": options}
    form = form_class(request.POST or None, **kwargs)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if is_self:
            screen_own_writing(request, text=data["note"], source="supervision", item_key=f"competency-{competency_id}")
            services.rate_self(trainee, competency_id, level=data["level"], note=data["note"])
            messages.success(request, _("Your self-rating is saved. Your supervisor can see it."))
        else:
            services.rate_as_supervisor(request.user, trainee, competency_id, level=data["level"], note=data["note"],
                                        sign_off=data["sign_off"], evidence=form.evidence_pairs())
            messages.success(request, _("Competency signed off.") if data["sign_off"] else _("Rating saved."))
        return redirect("supervision:competency", trainee.pk, competency_id)
    context = {
        "trainee": trainee, "is_self": is_self, "competency": found, "area": selectors.framework().area(found.area_id),
        "events": _with_evidence(selectors.history(trainee, competency_id), options), "form": form,
    }
    return render(request, "supervision/competency.html", context, status=400 if request.method == "POST" else 200)


# --- Supervision agreement ------------------------------------------------------------------------------------


def agreement(request: HttpRequest, person_pk: int) -> HttpResponse:
    """GET: either side reads the agreement. POST: the person confirms it as it stands."""
    supervisor, supervisee = access.get_supervision_pair_or_404(request, _people(), person_pk)
    found = services.agreement_for(supervisor, supervisee) if request.method == "POST" else None
    if found is not None:
        services.confirm_agreement(found, request.user)
        messages.success(request, _("You have confirmed the agreement."))
        return redirect("supervision:agreement", person_pk)
    shown = SupervisionAgreement.objects.filter(supervisor=supervisor, supervisee=supervisee).first()
    context = {"agreement": shown, "defaults": defaults.agreement_text(), "supervisor": supervisor,
               "supervisee": supervisee, "is_supervisor": request.user.pk == supervisor.pk, "person_pk": person_pk}
    return render(request, "supervision/agreement.html", context)


def agreement_edit(request: HttpRequest, person_pk: int) -> HttpResponse:
    supervisee = access.get_supervisee_or_404(request, _people(), pk=person_pk)
    found = services.agreement_for(request.user, supervisee)
    form = AgreementForm(request.POST or None, instance=found)
    if request.method == "POST" and form.is_valid():
        services.edit_agreement(found, form.cleaned_data)
        messages.success(request, _("Agreement saved. If you changed it, you both need to confirm it again."))
        return redirect("supervision:agreement", person_pk)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "supervisee": supervisee, "person_pk": person_pk}
    return render(request, "supervision/agreement_edit.html", context, status=status)
