from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tend.cohorts.models import Cohort
from tend.core import access, autosave, autosave_http
from tend.core.posted import invalid
from tend.exercises import prompts, selectors, services
from tend.exercises.forms import AnswerForm, ExerciseForm
from tend.exercises.models import Answer, Exercise

CLOSED = gettext_lazy("This exercise has been closed by the trainer, so answers can no longer be changed. Your text is still in this page to copy.")


def _cohort(request, cohort_pk: int, *, manage: bool = False) -> Cohort:
    return access.get_cohort_or_404(request, Cohort.objects.all(), manage=manage, pk=cohort_pk)


def _exercise(request, cohort, exercise_pk: int) -> Exercise:
    return access.get_exercise_or_404(request, cohort, Exercise.objects.select_related("cohort"), pk=exercise_pk)


def exercise_list(request: HttpRequest, cohort_pk: int) -> HttpResponse:
    cohort = _cohort(request, cohort_pk)
    exercises = list(selectors.exercises_with_counts(cohort))
    mine = selectors.own_answers(request.user, exercises)
    for exercise in exercises:
        exercise.my_answer = mine.get(exercise.pk)
    context = {"cohort": cohort, "exercises": exercises, "can_manage": access.can_manage_cohort(request.user, cohort)}
    return render(request, "exercises/list.html", context)


def exercise_new(request: HttpRequest, cohort_pk: int) -> HttpResponse:
    cohort = _cohort(request, cohort_pk, manage=True)
    ready = prompts.ready_prompt(request.POST.get("ready_prompt") or request.GET.get("prompt", ""))
    initial = {"title": ready.title, "prompt": ready.text} if ready else {}
    form = ExerciseForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        exercise = services.exercise_create(cohort=cohort, created_by=request.user,
                                            ready_prompt_id=ready.id if ready else "", **form.cleaned_data)
        messages.success(request, _("The exercise is set. Everyone in the cohort can now answer it."))
        return redirect(exercise.get_absolute_url())
    context = {"cohort": cohort, "form": form, "ready": ready, "ready_prompts": prompts.ready_prompts()}
    return render(request, "exercises/form.html", context, status=400 if form.is_bound else 200)


def exercise_edit(request: HttpRequest, cohort_pk: int, exercise_pk: int) -> HttpResponse:
    cohort = _cohort(request, cohort_pk, manage=True)
    exercise = _exercise(request, cohort, exercise_pk)
    form = ExerciseForm(request.POST or None, instance=exercise)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Exercise updated."))
        return redirect(exercise.get_absolute_url())
    return render(request, "exercises/form.html", {"cohort": cohort, "form": form, "exercise": exercise},
                  status=400 if form.is_bound else 200)


def _answer_form(exercise: Exercise, answer: Answer | None, data=None) -> AnswerForm:
    version = answer.version if answer else 1
    return AnswerForm(data, instance=answer, exercise=exercise, initial={"base_version": version})


def _detail_context(request, cohort, exercise, *, form=None) -> dict:
    answer = Answer.objects.filter(exercise=exercise, owner=request.user).first()
    can_answer = access.can_answer_exercise(request.user, exercise)
    if form is None and can_answer:
        form = _answer_form(exercise, answer)
        if not exercise.is_open:  # closed: the answer can be read, not changed
            for field in form.fields.values():
                field.disabled = True
    return {
        "cohort": cohort, "exercise": exercise, "answer": answer, "can_answer": can_answer,
        "form": form,
        "shared": selectors.shared_answers(request.user, exercise),
        "counts": selectors.counts(exercise), "can_manage": access.can_manage_cohort(request.user, cohort),
    }


def exercise_detail(request: HttpRequest, cohort_pk: int, exercise_pk: int) -> HttpResponse:
    cohort = _cohort(request, cohort_pk)
    exercise = _exercise(request, cohort, exercise_pk)
    return render(request, "exercises/detail.html", _detail_context(request, cohort, exercise))


def _answerable(request, cohort_pk: int, exercise_pk: int) -> tuple[Cohort, Exercise]:
    cohort = _cohort(request, cohort_pk)
    exercise = _exercise(request, cohort, exercise_pk)
    if not access.can_answer_exercise(request.user, exercise):
        raise Http404
    return cohort, exercise


@require_POST
def answer_save(request: HttpRequest, cohort_pk: int, exercise_pk: int) -> HttpResponse:
    """The answer form sent without JavaScript (or the final "Save")."""
    cohort, exercise = _answerable(request, cohort_pk, exercise_pk)
    answer = services.answer_for(exercise, request.user)
    form = _answer_form(exercise, answer, request.POST)
    if not exercise.is_open:
        form.is_valid()
        form.add_error(None, CLOSED)
    if not form.is_valid():
        return render(request, "exercises/detail.html", _detail_context(request, cohort, exercise, form=form), status=400)
    outcome = autosave.save_version(answer, base_version=form.cleaned_data["base_version"],
                                    save_id=form.cleaned_data["save_id"], values=form.saved_values())
    services.screen_answer(request, answer, form.saved_values())
    if outcome.status == "conflict":
        messages.warning(request, _("Another tab saved a different answer first. Both are kept: choose which to keep."))
        return redirect("exercises:conflict", cohort.pk, exercise.pk, outcome.conflict.pk)
    elif form.saved_values()["visibility"] == "cohort":
        messages.success(request, _("Answer saved and shared with your cohort."))
    else:
        messages.success(request, _("Answer saved. Only you can see it."))
    return redirect(exercise.get_absolute_url())


@require_POST
def answer_autosave(request: HttpRequest, cohort_pk: int, exercise_pk: int) -> JsonResponse:
    cohort, exercise = _answerable(request, cohort_pk, exercise_pk)
    if not exercise.is_open:
        return invalid({"__all__": [CLOSED]})
    answer = services.answer_for(exercise, request.user)
    return autosave_http.autosave_response(
        request, answer, _answer_form(exercise, answer, request.POST),
        conflict_url=lambda conflict_pk: reverse("exercises:conflict", args=[cohort.pk, exercise.pk, conflict_pk]),
        screen=lambda values: services.screen_answer(request, answer, values, next_page=False),
    )


def answer_conflict(request: HttpRequest, cohort_pk: int, exercise_pk: int, conflict_pk: int) -> HttpResponse:
    """Two tabs wrote different answers: compare them and keep one, or combine them."""
    cohort, exercise = _answerable(request, cohort_pk, exercise_pk)
    answer = access.get_own_or_404(request, Answer.objects.all(), exercise=exercise)
    copy = access.get_own_or_404(request, autosave.open_conflicts(answer), pk=conflict_pk)
    return autosave_http.conflict_page(request, answer, copy, edit_url=exercise.get_absolute_url(),
                                       screen=lambda values: services.screen_answer(request, answer, values))
