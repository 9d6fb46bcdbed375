from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tend.cohorts.models import Cohort
from tend.core import access
from tend.learn import pdf, scoring, search, selectors, services
from tend.learn.forms import CohortCurriculumForm, ModuleReleaseForm
from tend.learn.models import CohortCurriculum, Figure, GlossaryTerm, Lesson, Module, ModuleRelease, ReflectionPrompt


def overview(request: HttpRequest) -> HttpResponse:
    states = selectors.module_states(request.user)
    return render(request, "learn/overview.html", {"states": states, "continue": selectors.continue_learning(request.user)})


def _module_or_404(slug: str) -> Module:
    return get_object_or_404(Module.objects.live(), slug=slug)


def _unlocked_module(request, slug: str):
    """The module and its state, or a redirect to its page when it is still locked."""
    module = _module_or_404(slug)
    state = selectors.state_of(request.user, module)
    if not state.unlocked:
        messages.info(request, state.locked_reason or _("This module is not open yet."))
        return module, state, redirect("learn:module", module.slug)
    return module, state, None


def module_detail(request: HttpRequest, slug: str) -> HttpResponse:
    module = _module_or_404(slug)
    module.my_progress = request.user.module_progress.filter(module=module).first()
    state = selectors.state_of(request.user, module)
    lessons = list(module.lessons.live())
    completed = set(request.user.lesson_progress.filter(lesson__in=lessons, completed_at__isnull=False).values_list("lesson_id", flat=True))
    prompts = list(module.reflection_prompts.live())
    answered = dict(request.user.reflections.filter(prompt__in=prompts, entry__deleted_at__isnull=True).values_list("prompt_id", "entry_id"))
    context = {
        "module": module, "state": state, "lessons": lessons, "completed_ids": completed,
        "question_count": module.questions.live().count(), "prompts": prompts, "answered": answered,
        "attempts": module.attempts.filter(user=request.user)[:5],
    }
    return render(request, "learn/module.html", context)


def lesson_detail(request: HttpRequest, slug: str, lesson_slug: str) -> HttpResponse:
    lesson = get_object_or_404(
        Lesson.objects.live().select_related("module"), module__slug=slug, module__archived_at__isnull=True, slug=lesson_slug
    )
    module = lesson.module
    state = selectors.state_of(request.user, module)
    if not state.unlocked:
        messages.info(request, state.locked_reason or _("This module is not open yet."))
        return redirect("learn:module", module.slug)
    services.lesson_viewed(user=request.user, lesson=lesson)
    context = {"module": module, "lesson": lesson, **selectors.lesson_context(request.user, lesson)}
    return render(request, "learn/lesson.html", context)


@require_POST
def lesson_complete(request: HttpRequest, slug: str, lesson_slug: str) -> HttpResponse:
    module, state, locked = _unlocked_module(request, slug)
    if locked:
        return locked
    lesson = get_object_or_404(Lesson.objects.live(), module=module, slug=lesson_slug)
    done = request.POST.get("completed", "1") == "1"
    services.lesson_complete(user=request.user, lesson=lesson, completed=done)
    following = Lesson.objects.live().filter(module=module, position__gt=lesson.position).first()
    if done and following:
        return redirect("learn:lesson", module.slug, following.slug)
    if done:
        messages.success(request, _("Lesson complete. The knowledge check is next."))
    return redirect("learn:module", module.slug) if done else redirect("learn:lesson", module.slug, lesson.slug)


@require_POST
def lesson_position(request: HttpRequest, slug: str, lesson_slug: str) -> JsonResponse:
    lesson = get_object_or_404(Lesson.objects.live(), module__slug=slug, slug=lesson_slug, module__archived_at__isnull=True)
    try:
        position = float(request.POST.get("position", ""))
    except ValueError:
        return JsonResponse({"error": "position must be a number between 0 and 1"}, status=400)
    services.lesson_position(user=request.user, lesson=lesson, position=position)
    return JsonResponse({"saved": True})


def knowledge_check(request: HttpRequest, slug: str) -> HttpResponse:
    module, state, locked = _unlocked_module(request, slug)
    if locked:
        return locked
    questions = list(module.questions.live())
    if not questions:
        raise Http404
    context = {"module": module, "questions": questions, "state": state}
    if request.method == "POST":
        answers = {q.key: request.POST.getlist(f"q-{q.key}") for q in questions}
        attempt, result = services.check_submit(user=request.user, module=module, answers=answers)
        by_key = {r.key: r for r in result.results}
        revisit_slugs = {q.revisit_lesson_slug for q in questions if not by_key[q.key].correct}
        context |= {
            "result": result, "attempt": attempt, "by_key": by_key,
            "revisit": Lesson.objects.live().filter(module=module, slug__in=revisit_slugs),
        }
        template = "learn/check_result.html" if request.htmx else "learn/check.html"
        return render(request, template, context)
    return render(request, "learn/check.html", context)


@require_POST
def check_question(request: HttpRequest, slug: str, question_key: str) -> HttpResponse:
    """Feedback on one answer straight away, with every option's explanation. Nothing is recorded:
    an attempt is recorded when the whole check is submitted."""
    module, state, locked = _unlocked_module(request, slug)
    if locked:
        return locked
    question = get_object_or_404(module.questions.live(), key=question_key)
    chosen = request.POST.getlist(f"q-{question.key}")
    result = scoring.score([{"key": question.key, "options": question.options}], {question.key: chosen}, 100).results[0]
    return render(request, "learn/question_feedback.html", {"q": question, "r": result})


@require_POST
def reflect(request: HttpRequest, slug: str, prompt_key: str) -> HttpResponse:
    module = _module_or_404(slug)
    prompt = get_object_or_404(ReflectionPrompt.objects.live(), module=module, key=prompt_key)
    entry = services.reflection_open(user=request.user, prompt=prompt)
    return redirect("journal:edit", entry.pk)


def practice(request: HttpRequest, slug: str, practice_key: str) -> HttpResponse:
    module = _module_or_404(slug)
    assignment = module.practice_assignment(practice_key)
    if assignment is None:
        raise Http404
    return render(request, "learn/practice.html", {"module": module, "assignment": assignment})


def module_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    module, state, locked = _unlocked_module(request, slug)
    if locked:
        return locked
    response = HttpResponse(pdf.module_pdf(module, request), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="tend-{module.number:02d}-{module.slug}.pdf"'
    return response


def figure(request: HttpRequest, slug: str, name: str) -> HttpResponse:
    item = get_object_or_404(Figure, module__slug=slug, name=name)
    response = HttpResponse(item.svg, content_type="image/svg+xml")
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    return response


def glossary(request: HttpRequest) -> HttpResponse:
    return render(request, "learn/glossary.html", {"terms": GlossaryTerm.objects.live()})


def search_view(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    results = search.search(query) if query else []
    template = "learn/search_results.html" if request.htmx else "learn/search.html"
    return render(request, template, {"query": query, "results": results})


def cohort_progress(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = access.get_cohort_or_404(request, Cohort.objects.all(), manage=True, pk=pk)
    return render(request, "learn/cohort_progress.html", {"cohort": cohort, **selectors.cohort_grid(cohort)})


def cohort_release(request: HttpRequest, pk: int) -> HttpResponse:
    """The trainer chooses how modules open for this cohort, and sets dates when they are dated."""
    cohort = access.get_cohort_or_404(request, Cohort.objects.all(), manage=True, pk=pk)
    curriculum = CohortCurriculum.objects.get_or_create(cohort=cohort)[0]
    modules = list(Module.objects.live())
    releases = {r.module_id: r for r in ModuleRelease.objects.filter(cohort=cohort)}
    mode_form = CohortCurriculumForm(request.POST or None, instance=curriculum)
    date_forms = [
        (m, ModuleReleaseForm(request.POST or None, instance=releases.get(m.pk), prefix=f"m{m.pk}")) for m in modules
    ]
    if request.method == "POST":
        filled = [(m, f) for m, f in date_forms if f.has_changed() or f.instance.pk]
        if mode_form.is_valid() and all(f.is_valid() for _, f in filled if f.data.get(f"{f.prefix}-opens_on")):
            mode_form.save()
            for module, form in filled:
                if not form.data.get(f"{form.prefix}-opens_on"):
                    if form.instance.pk:
                        form.instance.delete()
                    continue
                release = form.save(commit=False)
                release.cohort, release.module = cohort, module
                release.save()
            messages.success(request, _("Module schedule saved."))
            return redirect("learn:cohort_release", cohort.pk)
    return render(request, "learn/cohort_release.html", {"cohort": cohort, "mode_form": mode_form, "date_forms": date_forms})
