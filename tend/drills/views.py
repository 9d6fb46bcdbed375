from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from tend.coaching import panel
from tend.core import access, autosave_http
from tend.drills import services
from tend.drills.forms import RatingForm, ReplyForm
from tend.drills.models import DrillAttempt


def _reply_form(attempt: DrillAttempt, data=None) -> ReplyForm:
    return ReplyForm(data, instance=attempt, initial={"base_version": attempt.version})


def _content(attempt: DrillAttempt):
    skill = services.skill_by_id(attempt.skill_id)
    drill = services.drill_in(skill, attempt.drill_id) if skill else None
    if drill is None:  # the content changed under an old attempt
        raise Http404
    return skill, drill


def skill_list(request: HttpRequest) -> HttpResponse:
    return render(request, "drills/skill_list.html", {"rows": services.progress(request.user)})


@require_POST
def practise(request: HttpRequest, skill_id: str) -> HttpResponse:
    skill = services.skill_by_id(skill_id)
    if skill is None:
        raise Http404
    return redirect("drills:attempt", services.start_attempt(request.user, skill).pk)


def _attempt_context(attempt: DrillAttempt, **extra) -> dict:
    skill, drill = _content(attempt)
    return {"attempt": attempt, "skill": skill, "drill": drill,
            "next_level": services.next_level(attempt.level, attempt.difficulty) if attempt.difficulty else None, **extra}


def attempt_page(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = access.get_own_or_404(request, DrillAttempt.objects.all(), pk=pk)
    context = _attempt_context(attempt, form=_reply_form(attempt), rating_form=RatingForm(instance=attempt))
    return render(request, "drills/attempt.html", context)


@require_POST
def attempt_autosave(request: HttpRequest, pk: int) -> JsonResponse:
    attempt = access.get_own_or_404(request, DrillAttempt.objects.all(), pk=pk)
    # Replies are written to a fictional client, not about the writer: no safety screening.
    return autosave_http.autosave_response(
        request, attempt, _reply_form(attempt, request.POST),
        conflict_url=lambda conflict_pk: reverse("drills:attempt", args=[attempt.pk]),  # reload shows the saved reply
        screen=lambda values: None,
    )


@require_POST
def attempt_feedback(request: HttpRequest, pk: int) -> HttpResponse:
    """The feedback panel on the reply as it stands; stores the overall score, then reveals the self-check."""
    attempt = access.get_own_or_404(request, DrillAttempt.objects.all(), pk=pk)
    skill, drill = _content(attempt)
    text = request.POST.get("reply", attempt.reply)
    if not text.strip():
        return render(request, "drills/_feedback_empty.html")
    built = panel.build("response", context=drill.statement, text=text, context_risk=drill.risk_cues)
    DrillAttempt.objects.filter(pk=attempt.pk).update(score=built.feedback.overall)
    attempt.score = built.feedback.overall
    context = _attempt_context(attempt, panel=built, rating_form=RatingForm(instance=attempt))
    return render(request, "drills/_feedback.html", context)


@require_POST
def attempt_rate(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = access.get_own_or_404(request, DrillAttempt.objects.all(), pk=pk)
    form = RatingForm(request.POST, instance=attempt)
    if form.is_valid():
        DrillAttempt.objects.filter(pk=attempt.pk).update(**form.cleaned_data)
        return redirect(reverse("drills:attempt", args=[attempt.pk]) + "#next-step")
    context = _attempt_context(attempt, form=_reply_form(attempt), rating_form=form)
    return render(request, "drills/attempt.html", context, status=400)

