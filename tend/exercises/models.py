"""Group exercises: a trainer sets a prompt for the cohort; each person answers privately and
chooses whether to share their answer with the cohort."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tend.core.crypto import EncryptedTextField
from tend.core.models import AutosavedItem, OwnedItem, Visibility


class Exercise(models.Model):
    cohort = models.ForeignKey("cohorts.Cohort", on_delete=models.CASCADE, related_name="exercises")
    title = models.CharField(_("title"), max_length=200)
    prompt = models.TextField(_("prompt"), max_length=5000)
    due_on = models.DateField(_("due date"), null=True, blank=True)
    is_open = models.BooleanField(_("open for answers"), default=True)
    ready_prompt_id = models.CharField(max_length=100, blank=True)  # the ready-made prompt it started from
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("exercises:detail", args=[self.cohort_id, self.pk])


class Answer(OwnedItem, AutosavedItem):
    """One person's answer to one exercise: private unless they share it with the exercise's cohort."""

    SHARE_CHOICES = [
        (Visibility.PRIVATE, _("Only me")),
        (Visibility.COHORT, _("Share with my cohort")),
    ]

    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="answers")
    body = EncryptedTextField(_("your answer"), blank=True)
    # Whether anything is written, kept beside the encrypted text so counts need no decryption.
    has_text = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["exercise", "owner"], name="one_answer_per_person_per_exercise")]

    def __str__(self) -> str:
        return f"Answer {self.pk} to exercise {self.exercise_id}"

    @property
    def is_shared(self) -> bool:
        return self.visibility == Visibility.COHORT
