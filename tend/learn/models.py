"""The curriculum (loaded from content files) and each learner's progress through it.

Content rows are keyed on the stable ids written in the files, so reloading changed content
never loses anyone's progress, attempts or reflections; removed content is archived, not deleted.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ContentQuerySet(models.QuerySet):
    def live(self):
        return self.filter(archived_at__isnull=True)

    def annotate_lesson_count(self):
        return self.annotate(
            lesson_count=models.Count("lessons", filter=models.Q(lessons__archived_at__isnull=True))
        )


class Module(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    summary = models.TextField()
    learning_objectives = models.JSONField(default=list)
    estimated_hours = models.DecimalField(max_digits=5, decimal_places=2)
    cpd_hours = models.DecimalField(max_digits=5, decimal_places=2)
    prerequisite_slugs = models.JSONField(default=list)
    references = models.JSONField(default=list)  # [{"key", "citation", "doi"}]
    practice_assignments = models.JSONField(default=list)  # [{"id", "title", "practice", "description"}]
    pass_mark = models.PositiveIntegerField(default=80)
    source_path = models.CharField(max_length=300)
    archived_at = models.DateTimeField(null=True, blank=True)

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("learn:module", args=[self.slug])

    def practice_assignment(self, key: str) -> dict | None:
        return next((p for p in self.practice_assignments if p["id"] == key), None)


class Lesson(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="lessons")
    position = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    estimated_minutes = models.PositiveIntegerField()
    objectives = models.JSONField(default=list)
    body_markdown = models.TextField()
    body_html = models.TextField()
    body_text = models.TextField()  # plain text for search
    word_count = models.PositiveIntegerField(default=0)
    archived_at = models.DateTimeField(null=True, blank=True)

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["module__number", "position"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("learn:lesson", args=[self.module.slug, self.slug])


class Question(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("Choose one")
        MULTIPLE = "multiple", _("Choose all that apply")

    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="questions")
    key = models.SlugField(max_length=80)
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=10, choices=Kind.choices)
    prompt = models.TextField()
    revisit_lesson_slug = models.SlugField(max_length=80, blank=True)
    options = models.JSONField(default=list)  # [{"id", "text", "correct", "explanation"}]
    archived_at = models.DateTimeField(null=True, blank=True)

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["module", "key"], name="question_key_unique_in_module")]

    def __str__(self) -> str:
        return f"{self.module.slug}/{self.key}"

    @property
    def correct_ids(self) -> set[str]:
        return {option["id"] for option in self.options if option["correct"]}


class ReflectionPrompt(models.Model):
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="reflection_prompts")
    key = models.SlugField(max_length=80)
    position = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    prompt = models.TextField()
    archived_at = models.DateTimeField(null=True, blank=True)

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["module", "key"], name="reflection_key_unique_in_module")]

    def __str__(self) -> str:
        return self.title


class Figure(models.Model):
    """An SVG figure shipped in a module's content folder, checked at load time."""

    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="figures")
    name = models.CharField(max_length=120)
    svg = models.TextField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["module", "name"], name="figure_name_unique_in_module")]


class GlossaryTerm(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    term = models.CharField(max_length=120)
    definition = models.TextField()
    aliases = models.JSONField(default=list)
    archived_at = models.DateTimeField(null=True, blank=True)

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["term"]

    def __str__(self) -> str:
        return self.term


# --- Learner state -------------------------------------------------------------------------


class LessonProgress(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_progress")
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="progress")
    last_viewed_at = models.DateTimeField(auto_now=True)
    scroll_position = models.FloatField(default=0)  # 0–1, the fraction of the lesson read
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "lesson"], name="one_progress_per_lesson")]


class QuizAttempt(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts")
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="attempts")
    answers = models.JSONField(default=dict)  # question key -> [option ids]
    score = models.PositiveIntegerField()  # percentage
    passed = models.BooleanField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]


class ModuleProgress(models.Model):
    """One row per person and module, kept up to date so overviews need no per-lesson queries."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_progress")
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="progress")
    lessons_completed = models.PositiveIntegerField(default=0)
    best_score = models.PositiveIntegerField(null=True, blank=True)
    passed_check_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    last_lesson = models.ForeignKey(Lesson, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "module"], name="one_progress_per_module")]


class Reflection(models.Model):
    """Links a journal entry to the module prompt it answers; the entry stays private by default."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reflections")
    prompt = models.ForeignKey(ReflectionPrompt, on_delete=models.CASCADE, related_name="reflections")
    entry = models.OneToOneField("journal.JournalEntry", on_delete=models.CASCADE, related_name="reflection")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "prompt"], name="one_reflection_per_prompt")]


# --- Unlock rules per cohort ---------------------------------------------------------------


class CohortCurriculum(models.Model):
    class Mode(models.TextChoices):
        OPEN = "open", _("All modules open")
        SEQUENTIAL = "sequential", _("In order: each module opens when the one before is complete")
        DATED = "dated", _("On dates the trainer sets")

    cohort = models.OneToOneField("cohorts.Cohort", on_delete=models.CASCADE, related_name="curriculum")
    mode = models.CharField(_("how modules open"), max_length=12, choices=Mode.choices, default=Mode.OPEN)


class ModuleRelease(models.Model):
    cohort = models.ForeignKey("cohorts.Cohort", on_delete=models.CASCADE, related_name="module_releases")
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="releases")
    opens_on = models.DateField(_("opens on"))
    due_on = models.DateField(_("due by"), null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["cohort", "module"], name="one_release_per_module_per_cohort")]
