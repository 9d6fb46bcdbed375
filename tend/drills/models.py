"""A trainee's attempt at one deliberate-practice drill: private by default, autosaved; shared for
review only when the trainee chooses. Reviews by people, and the weekly practice diary."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from tend.core.crypto import EncryptedTextField
from tend.core.models import AutosavedItem, OwnedItem


class Difficulty(models.TextChoices):
    TOO_EASY = "too_easy", _("Too easy")
    GOOD = "good", _("Good challenge")
    TOO_HARD = "too_hard", _("Too hard")


class DrillAttempt(OwnedItem, AutosavedItem):
    skill_id = models.CharField(max_length=100)
    drill_id = models.CharField(max_length=100)
    level = models.CharField(max_length=20)
    reply = EncryptedTextField(_("your reply"), blank=True)
    difficulty = models.CharField(_("how hard was it"), max_length=20, choices=Difficulty.choices, null=True, blank=True)
    reaction_strength = models.PositiveSmallIntegerField(_("how strong was your reaction"), null=True, blank=True)
    score = models.FloatField(null=True, blank=True)  # overall feedback score (0–4), stored when feedback is asked for
    engine_flags = models.JSONField(default=list, blank=True)  # the engine's flags with that score, for comparing with reviewers
    criteria_met = models.PositiveSmallIntegerField(_("mastery criteria met"), null=True, blank=True)
    shared_at = models.DateTimeField(null=True, blank=True)
    anonymous_to_cohort = models.BooleanField(_("hide my name from my cohort"), default=False)
    label_consent = models.BooleanField(
        _("let reviewers' ratings of this reply help calibrate Tend's feedback"), default=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["owner", "skill_id", "created_at"])]

    def __str__(self) -> str:
        return f"Drill attempt {self.pk} ({self.drill_id})"


class DrillReview(models.Model):
    """A person's rating of a shared reply, on the same rubric as the engine (overall 0–4, flags)."""

    attempt = models.ForeignKey(DrillAttempt, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    overall = models.PositiveSmallIntegerField(_("overall rating"), validators=[MaxValueValidator(4)])
    flags = models.JSONField(default=list, blank=True)
    comment = EncryptedTextField(_("comment"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["attempt", "reviewer"], name="one_review_per_reviewer")]

    def __str__(self) -> str:
        return f"Review of drill attempt {self.attempt_id}"


class PracticeWeek(OwnedItem, AutosavedItem):
    """A week of the deliberate-practice diary: what the trainee learned (their own reflection)."""

    week_start = models.DateField()  # a Monday
    learned = EncryptedTextField(_("what I learned this week"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "week_start"], name="one_practice_week_per_owner")]

    def __str__(self) -> str:
        return f"Practice week of {self.week_start}"
