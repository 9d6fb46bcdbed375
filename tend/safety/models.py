"""Support for anyone whose writing suggests they may be at risk, and counts for the organisation.

Only the organisation's crisis contacts and the bare fact that a screen fired are stored: never
the text, never who wrote it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CrisisContact(models.Model):
    """A helpline or service the organisation wants people to see, in its own country and words."""

    name = models.CharField(_("name"), max_length=120)
    description = models.CharField(_("who it is for"), max_length=240, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    text = models.CharField(_("text or SMS"), max_length=80, blank=True)
    web = models.URLField(_("website"), blank=True)
    hours = models.CharField(_("opening hours"), max_length=120, blank=True)
    order = models.PositiveIntegerField(default=0)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class ScreenEvent(models.Model):
    """That a screen fired, at what level, on what kind of writing, on which day. Nothing else."""

    class Level(models.TextChoices):
        HIGH = "high", _("High")
        POSSIBLE = "possible", _("Possible")

    day = models.DateField(db_index=True)
    level = models.CharField(max_length=10, choices=Level.choices)
    source = models.CharField(max_length=30)  # e.g. "journal"

    class Meta:
        ordering = ["-day"]
