"""Compassionate letters a person writes to themselves: private by default, autosaved, versioned."""

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tend.core.crypto import EncryptedTextField
from tend.core.models import AutosavedItem, OwnedItem, Visibility


class Perspective(models.TextChoices):
    COMPASSIONATE_SELF = "compassionate_self", _("From my compassionate self")
    COMPASSIONATE_OTHER = "compassionate_other", _("From an ideal compassionate other")
    FRIEND = "friend", _("As I would write to a friend")


QUALITIES = [
    ("care", _("Care for my well-being")),
    ("sensitivity", _("Sensitivity to what I'm going through")),
    ("sympathy", _("Sympathy: being moved by it")),
    ("distress_tolerance", _("Staying with the distress")),
    ("understanding", _("Understanding why this is hard")),
    ("non_judgement", _("No judgement")),
    ("warmth", _("Warmth in the tone")),
    ("next_step", _("A kind, helpful next step")),
]


class Letter(OwnedItem, AutosavedItem):
    title = EncryptedTextField(_("what this letter is about"), blank=True)
    perspective = models.CharField(_("perspective"), max_length=30, choices=Perspective.choices, default=Perspective.COMPASSIONATE_SELF)
    body = EncryptedTextField(_("your letter"), blank=True)
    checklist = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    SHARE_CHOICES = [(Visibility.PRIVATE, Visibility.PRIVATE.label), (Visibility.SUPERVISOR, Visibility.SUPERVISOR.label)]
    SNAPSHOT_EVERY = timedelta(minutes=10)

    class Meta:
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return f"Letter {self.pk}"

    @property
    def display_title(self) -> str:
        return self.title.strip() or str(_("Untitled letter"))


class LetterVersion(models.Model):
    """A snapshot of a letter: taken on every explicit save, and while writing at most every 10 minutes."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField()
    title = EncryptedTextField(blank=True)
    body = EncryptedTextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    @property
    def owner_id(self):  # lets the access module treat a version like its letter
        return self.letter.owner_id
