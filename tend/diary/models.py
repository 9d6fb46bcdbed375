"""The practice diary: every practice, logged by the tools or by hand, private to the person."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tend.core.crypto import EncryptedTextField


class Tool(models.TextChoices):
    BREATHING = "breathing", _("Soothing rhythm breathing")
    MINDFUL = "mindful", _("Mindful breathing or body scan")
    IMAGERY = "imagery", _("Compassionate imagery")
    LETTER = "letter", _("Compassionate letter")
    CIRCLES = "circles", _("Three circles")
    FORMULATION = "formulation", _("Formulation")
    OTHER = "other", _("Something else")


def _rating(label):
    return models.PositiveSmallIntegerField(label, null=True, blank=True, validators=[MinValueValidator(0), MaxValueValidator(10)])


class PracticeLog(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_logs")
    tool = models.CharField(_("practice"), max_length=20, choices=Tool.choices)
    started_at = models.DateTimeField(_("when"), default=timezone.now)
    duration_seconds = models.PositiveIntegerField(_("how long (seconds)"), default=0)
    details = models.JSONField(default=dict, blank=True)  # e.g. the breathing pattern
    automatic = models.BooleanField(default=False)
    threat_before = _rating(_("threat before"))
    threat_after = _rating(_("threat after"))
    drive_before = _rating(_("drive before"))
    drive_after = _rating(_("drive after"))
    soothing_before = _rating(_("soothing before"))
    soothing_after = _rating(_("soothing after"))
    notes = EncryptedTextField(_("notes"), blank=True)

    class Meta:
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["owner", "started_at"])]

    def __str__(self) -> str:
        return f"{self.get_tool_display()} on {self.started_at:%Y-%m-%d}"

    @property
    def minutes(self) -> int:
        return round(self.duration_seconds / 60)

    @property
    def soothing_change(self) -> int | None:
        if self.soothing_before is None or self.soothing_after is None:
            return None
        return self.soothing_after - self.soothing_before
