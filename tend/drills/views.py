from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from tend.coaching import panel
from tend.core import access, autosave, autosave_http
from tend.drills import diary, reviews, services
from tend.drills.forms import CriteriaForm, DiaryForm, RatingForm, ReplyForm, ReviewForm, ShareForm
from tend.drills.models import DrillAttempt, PracticeWeek
from tend.safety.services import screen_own_writing


def _reply_form(attempt: DrillAttempt, data=None) -> ReplyForm:
    return ReplyForm(data, instance=attempt, initial={"base_version": attempt.version})


def _content(attempt: DrillAttempt):
    skill = services.skill_by_id(attempt.skill_id)
    drill = services.drill_in(skill, attempt.drill_id) if skill else None
    if drill is None:  # the content changed under an old attempt
        raise Http404
    return skill, drill


def skill_list(request: HttpRequest) -> HttpResponse:
    rows = services.progress(request.user)
    today = timezone.localdate()
    due = sorted((row for row in rows if row.review.is_due(today)), key=lambda row: row.review.due)
    return render(request, "drills/skill_list.html", {"rows": rows, "due": due, "today": today})


@require_POST
def mixed(request: HttpRequest) -> HttpResponse:
    """Mixed practice: the most overdue skill, else one not yet tried, else the least advanced."""
    skill = services.mixed_practice_skill(services.progress(request.user), timezone.localdate())
    return redirect("drills:attempt", services.start_attempt(request.user, skill).pk)


@require_POST
def practise(request: HttpRequest, skill_id: str) -> HttpResponse:
    skill = services.skill_by_id(skill_id)
    if skill is None:
        raise Http404
    return redirect("drills:attempt", services.start_attempt(request.user, skill).pk)


def _attempt_context(attempt: DrillAttempt, **extra) -> dict:
    skill, drill = _content(attempt)
    context = {"attempt": attempt, "skill": skill, "drill": drill,
               "next_level": services.next_level(attempt.level, attempt.difficulty) if attempt.difficulty else None}
    context.setdefault("criteria_form", CriteriaForm(criteria=skill.mastery_criteria))
    return {**context, **extra}


def _owner_context(attempt: DrillAttempt, **extra) -> dict:
    has_cohort = reviews.trainee_cohort(attempt.owner) is not None
    share_form = ShareForm(initial={"visibility": attempt.visibility, "anonymous": attempt.anonymous_to_cohort,
                                    "label_consent": attempt.label_consent}, has_cohort=has_cohort)
    given = [(review, reviews.compare(attempt, review)) for review in attempt.reviews.select_related("reviewer")]
    return _attempt_context(attempt, share_form=share_form, reviews=given, **extra)


def attempt_page(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = access.get_own_or_404(request, DrillAttempt.objects.all(), pk=pk)
    context = _owner_context(attempt, form=_reply_form(attempt), rating_form=RatingForm(instance=attempt))
    return render(request, "drills/attempt.html", context)


@require_POST
def attempt_autosave(request: HttpRequest, pk: int) -> JsonResponse:
    attempt = access.get_own_or_404(request, DrillAttempt.objects.all(), pk=pk)
    # Replies are written to a fictional client, not about the writer: no safety screening.
    return autosave_http.autosave_response(
        request, attempt, _reply_form(attempt, request.POST),
        conflict_url=lambda conflict_pk: reverse("drills:conflict", args=[attempt.pk, conflict_pk]),
        screen=lambda values: None,
    )


def attempt_conflict(request: HttpRequest, pk: int, conflict_pk: int) -> HttpResponse:
    """Two tabs wrote different replies: compare them and keep one, or combine them."""
    attempt = access.get_own_or_404(request, DrillAttempt.objects.all(), pk=pk)
    copy = access.get_own_or_404(request, autosave.open_conflicts(attempt), pk=conflict_pk)
    return autosave_http.conflict_page(request, attempt, copy, edit_url=reverse("drills:attempt", args=[attempt.pk]),
                                       screen=lambda values: None, field="reply")


@require_POST
def attempt_feedback(request: HttpRequest, pk: int) -> HttpResponse:
    """The feedback panel on the reply as it stands; stores the overall score, then reveals the self-check."""
    attempt = access.get_own_or_404(request, DrillAttempt.objects.all(), pk=pk)
    skill, drill = _content(attempt)
    text = request.POST.get("reply", attempt.reply)
    if not text.strip():
        return render(request, "drills/_feedback_empty.html")
    built = panel.build("response", context=drill.statement, text=text, context_risk=drill.risk_cues)
    DrillAttempt.objects.filter(pk=attempt.pk).update(score=built.feedback.overall, engine_flags=built.feedback.flags)
    attempt.score, attempt.engine_flags = built.feedback.overall, built.feedback.flags
    context = _attempt_context(attempt, panel=built, rating_form=RatingForm(instance=attempt))
    return render(request, "drills/_feedback.html", context)


@require_POST
def attempt_rate(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = access.get_own_or_404(request, DrillAttempt.objects.all(), pk=pk)
    form = RatingForm(request.POST, instance=attempt)
    skill, _drill = _content(attempt)
    criteria = CriteriaForm(request.POST, criteria=skill.mastery_criteria)
    if form.is_valid() and criteria.is_valid():
        met = len(criteria.cleaned_data["criteria"]) if "criteria_shown" in request.POST else None
        DrillAttempt.objects.filter(pk=attempt.pk).update(**form.cleaned_data, criteria_met=met)
        return redirect(reverse("drills:attempt", args=[attempt.pk]) + "#next-step")
    context = _owner_context(attempt, form=_reply_form(attempt), rating_form=form, criteria_form=criteria)
    return render(request, "drills/attempt.html", context, status=400)


@require_POST
def attempt_share(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = access.get_own_or_404(request, DrillAttempt.objects.all(), pk=pk)
    form = ShareForm(request.POST, has_cohort=reviews.trainee_cohort(request.user) is not None)
    if not form.is_valid():
        context = _owner_context(attempt, form=_reply_form(attempt), rating_form=RatingForm(instance=attempt), share_form=form)
        return render(request, "drills/attempt.html", context, status=400)
    reviews.share(attempt, visibility=form.cleaned_data["visibility"], anonymous=form.cleaned_data["anonymous"],
                  label_consent=form.cleaned_data["label_consent"])
    messages.success(request, _("Sharing saved."))
    return redirect(reverse("drills:attempt", args=[attempt.pk]) + "#share")


def shared_with_me(request: HttpRequest) -> HttpResponse:
    """Replies others shared with this person for review (as their supervisor or cohort member)."""
    shared = (
        access.visible_to(request.user, DrillAttempt.objects.exclude(owner=request.user))
        .exclude(visibility="private").select_related("owner").order_by("-shared_at", "-pk")[:100]
    )
    mine = set(
        reviews.DrillReview.objects.filter(reviewer=request.user, attempt__in=[a.pk for a in shared])
        .values_list("attempt_id", flat=True)
    )
    titles = {s.id: s.title for s in services.skills()}
    supervised = reviews.supervised_by(request.user)
    rows = [(a, titles.get(a.skill_id, a.skill_id), reviews.author_label(a, request.user, supervised), a.pk in mine)
            for a in shared]
    return render(request, "drills/shared.html", {"rows": rows})


def review(request: HttpRequest, pk: int) -> HttpResponse:
    """A supervisor or cohort member rates a shared reply on the rubric and leaves a comment."""
    attempt = access.get_visible_or_404(request, DrillAttempt.objects.select_related("owner"), pk=pk)
    if attempt.owner_id == request.user.pk:
        return redirect("drills:attempt", attempt.pk)
    existing = attempt.reviews.filter(reviewer=request.user).first()
    initial = {"overall": existing.overall, "flags": existing.flags, "comment": existing.comment} if existing else None
    form = ReviewForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            reviews.save_review(attempt, request.user, **form.cleaned_data)
            messages.success(request, _("Your review is saved. The writer can see it now."))
            return redirect("drills:review", attempt.pk)
    agreement = reviews.compare(attempt, existing) if existing else None
    context = _attempt_context(attempt, review_form=form, existing=existing, agreement=agreement,
                               author=reviews.author_label(attempt, request.user))
    return render(request, "drills/review.html", context, status=400 if form.errors else 200)


@require_safe
def label_export(request: HttpRequest) -> StreamingHttpResponse:
    """For the organisation's admins: consented human ratings as pseudonymised JSON lines."""
    if not request.user.is_admin_role:
        raise PermissionDenied
    response = StreamingHttpResponse(reviews.label_export_lines(), content_type="application/x-ndjson; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="drill-review-labels.jsonl"'
    return response


def diary_week(request: HttpRequest) -> HttpResponse:
    start = diary.parse_week(request.GET.get("week"), timezone.localdate())
    week = diary.week_for(request.user, start, create_entry=True)
    form = DiaryForm(instance=week.entry, initial={"base_version": week.entry.version})
    is_current = start == diary.week_start(timezone.localdate())
    return render(request, "drills/diary.html", {"week": week, "form": form, "is_current": is_current})


def _screen_diary(request, entry: PracticeWeek, values: dict) -> str:
    return screen_own_writing(request, text=values.get("learned", ""), source="drill_diary",
                              item_key=str(entry.pk), next_page=False)


@require_POST
def diary_autosave(request: HttpRequest, pk: int) -> JsonResponse:
    entry = access.get_own_or_404(request, PracticeWeek.objects.all(), pk=pk)
    form = DiaryForm(request.POST, instance=entry)
    return autosave_http.autosave_response(
        request, entry, form,
        conflict_url=lambda conflict_pk: reverse("drills:diary_conflict", args=[entry.pk, conflict_pk]),
        screen=lambda values: _screen_diary(request, entry, values),
    )


def diary_conflict(request: HttpRequest, pk: int, conflict_pk: int) -> HttpResponse:
    entry = access.get_own_or_404(request, PracticeWeek.objects.all(), pk=pk)
    copy = access.get_own_or_404(request, autosave.open_conflicts(entry), pk=conflict_pk)
    edit_url = reverse("drills:diary") + f"?week={entry.week_start.isoformat()}"
    return autosave_http.conflict_page(request, entry, copy, edit_url=edit_url, field="learned",
                                       screen=lambda values: _screen_diary(request, entry, values))


@require_safe
def diary_pdf(request: HttpRequest) -> HttpResponse:
    start = diary.parse_week(request.GET.get("week"), timezone.localdate())
    week = diary.week_for(request.user, start)
    include_replies = request.GET.get("replies") == "1"
    response = HttpResponse(diary.render_pdf(week, request.user, include_replies=include_replies), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="practice-diary-{start.isoformat()}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response

