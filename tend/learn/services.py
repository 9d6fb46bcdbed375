"""Writes of learner progress."""

from django.db import transaction
from django.utils import timezone

from tend.journal.models import JournalEntry
from tend.learn import scoring
from tend.learn.models import Lesson, LessonProgress, Module, ModuleProgress, QuizAttempt, Reflection, ReflectionPrompt


def _refresh_module_progress(user, module: Module, **changes) -> ModuleProgress:
    progress, _ = ModuleProgress.objects.get_or_create(user=user, module=module)
    for name, value in changes.items():
        setattr(progress, name, value)
    live_lessons = module.lessons.live().count()
    progress.lessons_completed = LessonProgress.objects.filter(
        user=user, lesson__module=module, lesson__archived_at__isnull=True, completed_at__isnull=False
    ).count()
    needs_check = module.questions.live().exists()
    done = progress.lessons_completed >= live_lessons and (not needs_check or progress.passed_check_at is not None)
    if done and progress.completed_at is None:
        progress.completed_at = timezone.now()
    progress.save()
    return progress


def lesson_viewed(*, user, lesson: Lesson) -> None:
    """Remembers the lesson as the place to continue from (usually two UPDATEs, no reads)."""
    now = timezone.now()
    if not LessonProgress.objects.filter(user=user, lesson=lesson).update(last_viewed_at=now):
        LessonProgress.objects.get_or_create(user=user, lesson=lesson)
    if not ModuleProgress.objects.filter(user=user, module_id=lesson.module_id).update(last_lesson=lesson, updated_at=now):
        ModuleProgress.objects.get_or_create(user=user, module_id=lesson.module_id, defaults={"last_lesson": lesson})


def lesson_position(*, user, lesson: Lesson, position: float) -> None:
    LessonProgress.objects.update_or_create(
        user=user, lesson=lesson, defaults={"scroll_position": min(max(position, 0.0), 1.0)}
    )


@transaction.atomic
def lesson_complete(*, user, lesson: Lesson, completed: bool = True) -> ModuleProgress:
    progress, _ = LessonProgress.objects.get_or_create(user=user, lesson=lesson)
    progress.completed_at = timezone.now() if completed else None
    progress.save(update_fields=["completed_at", "last_viewed_at"])
    return _refresh_module_progress(user, lesson.module, last_lesson=lesson)


@transaction.atomic
def check_submit(*, user, module: Module, answers: dict[str, list[str]]) -> tuple[QuizAttempt, scoring.CheckResult]:
    questions = [{"key": q.key, "options": q.options} for q in module.questions.live()]
    result = scoring.score(questions, answers, module.pass_mark)
    attempt = QuizAttempt.objects.create(
        user=user, module=module, answers={r.key: r.chosen for r in result.results}, score=result.score, passed=result.passed
    )
    progress = ModuleProgress.objects.filter(user=user, module=module).first()
    best = max(result.score, progress.best_score or 0) if progress else result.score
    changes = {"best_score": best}
    if result.passed and (progress is None or progress.passed_check_at is None):
        changes["passed_check_at"] = timezone.now()
    _refresh_module_progress(user, module, **changes)
    return attempt, result


@transaction.atomic
def reflection_open(*, user, prompt: ReflectionPrompt) -> JournalEntry:
    """The person's journal entry for this prompt, created (private) the first time."""
    existing = Reflection.objects.filter(user=user, prompt=prompt, entry__deleted_at__isnull=True).select_related("entry").first()
    if existing:
        return existing.entry
    Reflection.objects.filter(user=user, prompt=prompt).delete()  # its entry was deleted for good
    entry = JournalEntry.objects.create(
        owner=user, title=f"{prompt.module.title}: {prompt.title}", tags="reflection, " + prompt.module.slug
    )
    Reflection.objects.create(user=user, prompt=prompt, entry=entry)
    return entry
