"""Mindful breathing and body-scan timers: the sessions a person sat, private to them.

Nobody else (supervisor, trainer, admin) sees these; the practice diary holds the same practice as
a log the person can add before/after ratings to."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

MIN_MINUTES = 1
MAX_MINUTES = 60
DEFAULT_MINUTES = 10
BELL_CHOICES_MINUTES = (1, 2, 3, 5, 10, 15, 20, 30)
DEFAULT_BELLS_EVERY = 5


class Kind(models.TextChoices):
    MINDFUL = "mindful", _("Mindful breathing")
    BODY_SCAN = "body_scan", _("Body scan")


class MindfulSession(models.Model):
    """One sitting, stored when it ends (finished, or ended early)."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    started_at = models.DateTimeField()
    planned_seconds = models.PositiveIntegerField()
    duration_seconds = models.PositiveIntegerField()  # time actually practised, pauses left out
    bells_every = models.PositiveSmallIntegerField(default=0)  # minutes between bells; 0 = no bells
    completed = models.BooleanField(default=False)
    speed = models.FloatField(default=1)  # >1 only for sped-up test runs, said so in the record
    # The browser's id for the session: a retried save is acknowledged, not stored (or logged) twice.
    client_id = models.CharField(max_length=64)
    practice_log = models.ForeignKey("diary.PracticeLog", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "client_id"], name="timers_session_unique_client_id"),
        ]

    def __str__(self) -> str:
        return f"Mindful session {self.pk}"
