"""Certificates a person issues to themselves once the organisation's rules are met, and the
rules themselves (one row, edited by admins)."""

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CompletionRule(models.Model):
    """What a person must have done for the certificate of completion. A singleton (pk=1)."""

    certificate_title = models.CharField(
        _("certificate title"), max_length=200, default="Compassion Focused Therapy: foundation training",
        help_text=_("What the certificate of completion is for, as printed on it."),
    )
    modules_required = models.PositiveSmallIntegerField(
        _("modules completed"), null=True, blank=True,
        help_text=_("How many modules must be completed (their knowledge check passed). Leave empty for every "
                    "module in the curriculum."),
    )
    practice_hours = models.DecimalField(
        _("practice hours"), max_digits=6, decimal_places=2, default=Decimal("10"),
        validators=[MinValueValidator(0)], help_text=_("Hours of personal practice logged in the practice diary."),
    )
    supervision_hours = models.DecimalField(
        _("supervision hours"), max_digits=6, decimal_places=2, default=Decimal("0"),
        validators=[MinValueValidator(0)], help_text=_("Hours of confirmed supervision recorded in Tend. 0: not required."),
    )
    competencies_signed_off = models.PositiveSmallIntegerField(
        _("competencies signed off"), default=0,
        help_text=_("How many competencies a supervisor must have signed off. 0: not required."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("completion rule")
        verbose_name_plural = _("completion rules")

    def __str__(self) -> str:
        return str(_("Rules for the certificate of completion"))

    def save(self, *args, **kwargs):
        self.pk = 1  # one set of rules for the organisation
        super().save(*args, **kwargs)

    @classmethod
    def load(cls) -> "CompletionRule":
        rule, _created = cls.objects.get_or_create(pk=1)
        return rule


class CertificateKind(models.TextChoices):
    COMPLETION = "completion", _("Certificate of completion")
    MODULE = "module", _("Certificate of attendance: module")
    LIVE = "live", _("Certificate of attendance: live session")


class Certificate(models.Model):
    """One issued certificate. Its uid is public (on the PDF, in the QR code and the credential);
    what it says is copied at issue time so later edits elsewhere never change it."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates")
    kind = models.CharField(max_length=20, choices=CertificateKind.choices)
    subject_ref = models.CharField(max_length=150)  # "programme", "module:<slug>", "live:<id>"
    title = models.CharField(max_length=200)
    recipient_name = models.CharField(max_length=120)
    achieved_on = models.DateField()
    hours = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    issued_at = models.DateTimeField(default=timezone.now)
    site_url = models.CharField(max_length=200)  # the issuing site's root, e.g. https://tend.example.org/
    credential_jwt = models.TextField(blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.CharField(
        _("reason for revoking"), max_length=300, blank=True,
        help_text=_("Filling this in revokes the certificate. The reason is shown on the public verification page."),
    )

    class Meta:
        ordering = ["-issued_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["owner", "subject_ref"], name="one_certificate_per_subject")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title} ({self.uid})"

    def get_absolute_url(self) -> str:
        return reverse("certificates:detail", args=[self.uid])

    @property
    def heading(self) -> str:
        """What the printed certificate calls itself."""
        if self.kind == CertificateKind.COMPLETION:
            return str(_("Certificate of completion"))
        return str(_("Certificate of attendance"))

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def verify_url(self) -> str:
        return self.site_url.rstrip("/") + reverse("certificates:verify") + f"?id={self.uid}"

    @property
    def credential_id(self) -> str:
        return f"urn:uuid:{self.uid}"
