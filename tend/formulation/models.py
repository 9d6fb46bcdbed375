"""Threat-based (four-area) formulations: for oneself or for a case vignette. Private by default,
autosaved, versioned; every area is encrypted at rest."""

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tend.core.crypto import EncryptedTextField
from tend.core.models import AutosavedItem, OwnedItem, Visibility


class Subject(models.TextChoices):
    MYSELF = "myself", _("For myself")
    VIGNETTE = "vignette", _("For a case vignette")


# The long text areas, in the order of the formulation: (field, area, part).
AREAS = [
    ("influences", _("Historical influences"), ""),
    ("threats_external", _("Key threats and fears"), _("External")),
    ("threats_internal", _("Key threats and fears"), _("Internal")),
    ("safety_external", _("Safety strategies"), _("External")),
    ("safety_internal", _("Safety strategies"), _("Internal")),
    ("consequences_external", _("Unintended consequences"), _("External")),
    ("consequences_internal", _("Unintended consequences"), _("Internal")),
    ("makes_sense", _("A compassionate re-reading"), ""),
]
TEXT_FIELDS = [name for name, _area, _part in AREAS]
CASE_LABEL_MAX = 80


class FormulationText(models.Model):
    """The fields a formulation and each of its versions hold."""

    influences = EncryptedTextField(_("Historical influences"), blank=True)
    threats_external = EncryptedTextField(_("External threats and fears"), blank=True)
    threats_internal = EncryptedTextField(_("Internal threats and fears"), blank=True)
    safety_external = EncryptedTextField(_("External safety strategies"), blank=True)
    safety_internal = EncryptedTextField(_("Internal safety strategies"), blank=True)
    consequences_external = EncryptedTextField(_("External unintended consequences"), blank=True)
    consequences_internal = EncryptedTextField(_("Internal unintended consequences"), blank=True)
    makes_sense = EncryptedTextField(_("It makes sense that…"), blank=True)

    class Meta:
        abstract = True

    def has_text(self) -> bool:
        return any(getattr(self, name).strip() for name in TEXT_FIELDS)

    def all_text(self) -> str:
        return "\n".join(getattr(self, name) for name in TEXT_FIELDS)


class Formulation(OwnedItem, AutosavedItem, FormulationText):
    subject = models.CharField(_("Who is this formulation about?"), max_length=10, choices=Subject.choices, default=Subject.MYSELF)
    case_label = EncryptedTextField(_("A short label for the case"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    SHARE_CHOICES = [(Visibility.PRIVATE, Visibility.PRIVATE.label), (Visibility.SUPERVISOR, Visibility.SUPERVISOR.label)]
    SNAPSHOT_EVERY = timedelta(minutes=10)

    class Meta:
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return f"Formulation {self.pk}"

    @property
    def display_title(self) -> str:
        if self.subject == Subject.VIGNETTE:
            label = self.case_label.strip()
            return str(_("Case: %(label)s") % {"label": label}) if label else str(_("A case vignette"))
        return str(_("My formulation"))


class FormulationVersion(FormulationText):
    """A snapshot: taken on every explicit save, and while writing at most every 10 minutes."""

    formulation = models.ForeignKey(Formulation, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField()
    subject = models.CharField(max_length=10, choices=Subject.choices, default=Subject.MYSELF)
    case_label = EncryptedTextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    @property
    def owner_id(self):  # lets the access module treat a version like its formulation
        return self.formulation.owner_id
