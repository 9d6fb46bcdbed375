"""Soothing rhythm breathing: a person's saved patterns and the sessions they practised.

Both are private to their owner; nobody else (supervisor, trainer, admin) sees them."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tend.breathing.rhythm import Rhythm


class BreathingPattern(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=80)
    inhale_seconds = models.DecimalField(_("breathe in (seconds)"), max_digits=3, decimal_places=1)
    hold_in_seconds = models.DecimalField(_("pause after breathing in (seconds)"), max_digits=3, decimal_places=1)
    exhale_seconds = models.DecimalField(_("breathe out (seconds)"), max_digits=3, decimal_places=1)
    hold_out_seconds = models.DecimalField(_("pause after breathing out (seconds)"), max_digits=3, decimal_places=1)
    allow_shorter_exhale = models.BooleanField(_("allow a shorter out-breath"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [models.UniqueConstraint(fields=["owner", "name"], name="breathing_pattern_unique_name")]

    def __str__(self) -> str:
        return f"Breathing pattern {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("breathing:pattern_edit", args=[self.pk])

    @property
    def rhythm(self) -> Rhythm:
        return Rhythm(self.inhale_seconds, self.hold_in_seconds, self.exhale_seconds, self.hold_out_seconds)


class BreathingSession(models.Model):
    """One practice, stored when it ends (finished, stopped early, or left for something else)."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    started_at = models.DateTimeField()
    duration_seconds = models.PositiveIntegerField()
    # {"name", "inhale", "hold_in", "exhale", "hold_out", "breaths_per_minute", "mode", "on_ramp", ...}
    pattern = models.JSONField(default=dict)
    completed = models.BooleanField(default=False)
    # The browser's id for the session: a retried save is acknowledged, not stored twice.
    client_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "client_id"], condition=~models.Q(client_id=""), name="breathing_session_unique_client_id"
            )
        ]

    def __str__(self) -> str:
        return f"Breathing session {self.pk}"

    @property
    def minutes(self) -> float:
        return round(self.duration_seconds / 60, 1)
