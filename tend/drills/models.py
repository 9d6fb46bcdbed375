"""A trainee's attempt at one deliberate-practice drill: private by default, autosaved."""

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
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["owner", "skill_id", "created_at"])]

    def __str__(self) -> str:
        return f"Drill attempt {self.pk} ({self.drill_id})"
