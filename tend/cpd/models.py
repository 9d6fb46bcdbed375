"""CPD: the organisation's categories and the activities a person records by hand.

Everything else on the ledger (modules, practice, drills, live sessions, supervision) is
computed from the other apps through the `cpd` hook; only external activities are stored here.
"""

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tend.core.crypto import EncryptedTextField


class CpdCategory(models.Model):
    """A heading hours are totalled under, managed by the organisation's admins."""

    key = models.SlugField(_("key"), max_length=40, unique=True,
                           help_text=_("Used by Tend's own sources: formal_learning, self_directed, supervision, practice."))
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("CPD category")
        verbose_name_plural = _("CPD categories")

    def __str__(self) -> str:
        return self.name


def evidence_path(instance: "ExternalActivity", filename: str) -> str:
    """A random name: the uploader's file name never reaches the disk."""
    return f"cpd/evidence/{uuid.uuid4().hex}.{instance.evidence_extension}"


class EvidenceType(models.TextChoices):
    PDF = "application/pdf", "PDF"
    PNG = "image/png", "PNG"
    JPEG = "image/jpeg", "JPEG"


EXTENSIONS = {EvidenceType.PDF: "pdf", EvidenceType.PNG: "png", EvidenceType.JPEG: "jpg"}


class ExternalActivity(models.Model):
    """Learning done outside Tend (a workshop, a conference, reading), private to its owner."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cpd_activities")
    title = models.CharField(_("what you did"), max_length=200)
    date = models.DateField(_("date"))
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=2,
                                validators=[MinValueValidator(Decimal("0.25")), MaxValueValidator(Decimal("200"))])
    category = models.ForeignKey(CpdCategory, on_delete=models.PROTECT, related_name="+", verbose_name=_("category"))
    reflection = EncryptedTextField(_("reflection"), blank=True)
    evidence = models.FileField(upload_to=evidence_path, max_length=200, blank=True)
    evidence_type = models.CharField(max_length=30, choices=EvidenceType.choices, blank=True)
    evidence_size = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Autosave (tend.core.autosave): each save names the version it was based on.
    version = models.PositiveIntegerField(default=1)
    last_save_id = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["owner", "date"])]

    def __str__(self) -> str:
        return f"External activity {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("cpd:edit", args=[self.pk])

    @property
    def evidence_extension(self) -> str:
        return EXTENSIONS.get(self.evidence_type, "bin")

    @property
    def evidence_download_name(self) -> str:
        return f"cpd-evidence-{self.date:%Y-%m-%d}-{self.pk}.{self.evidence_extension}"
