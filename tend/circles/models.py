"""Three-circles snapshots: a reflective picture of how big threat, drive and soothing feel.

Every snapshot is kept (a history, never overwritten). The sizes are 0-10 and describe how it
feels to the person, not a validated score. Notes are personal writing and encrypted at rest.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from tend.core.crypto import EncryptedTextField
from tend.core.models import OwnedItem

SIZE_MIN, SIZE_MAX = 0, 10


class Circle(models.TextChoices):
    THREAT = "threat", _("Threat")
    DRIVE = "drive", _("Drive")
    SOOTHING = "soothing", _("Soothing")


CIRCLE_HINTS = {
    Circle.THREAT: _("Threat and self-protection: anxiety, anger, disgust; fight, flight or freeze."),
    Circle.DRIVE: _("Drive and resource-seeking: wanting, achieving, excitement, getting things done."),
    Circle.SOOTHING: _("Soothing, contentment and connection: safeness, calm, feeling cared for."),
}

# The three notes kept for each circle, in the order they are asked.
NOTE_KINDS = [
    ("activates", _("What activates it")),
    ("feels", _("What it feels like")),
    ("do", _("What I do")),
]


def _size(verbose_name, *, null=False):
    return models.PositiveSmallIntegerField(
        verbose_name, null=null, blank=null,
        validators=[MinValueValidator(SIZE_MIN), MaxValueValidator(SIZE_MAX)],
    )


class Snapshot(OwnedItem):
    """One picture of the three circles at a moment in time. Private to its owner."""

    title = EncryptedTextField(_("a few words for this picture"), blank=True)
    threat_now = _size(_("threat, this week"))
    drive_now = _size(_("drive, this week"))
    soothing_now = _size(_("soothing, this week"))
    # "How I'd like it": optional, all three or none.
    threat_wish = _size(_("threat, as I'd like it"), null=True)
    drive_wish = _size(_("drive, as I'd like it"), null=True)
    soothing_wish = _size(_("soothing, as I'd like it"), null=True)

    threat_activates = EncryptedTextField(blank=True)
    threat_feels = EncryptedTextField(blank=True)
    threat_do = EncryptedTextField(blank=True)
    drive_activates = EncryptedTextField(blank=True)
    drive_feels = EncryptedTextField(blank=True)
    drive_do = EncryptedTextField(blank=True)
    soothing_activates = EncryptedTextField(blank=True)
    soothing_feels = EncryptedTextField(blank=True)
    soothing_do = EncryptedTextField(blank=True)

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Three-circles snapshot {self.pk}"

    @property
    def display_title(self) -> str:
        return self.title.strip() or str(_("Three circles"))

    def sizes(self, which: str = "now") -> dict[str, int | None]:
        return {circle.value: getattr(self, f"{circle.value}_{which}") for circle in Circle}

    @property
    def has_wish(self) -> bool:
        return all(value is not None for value in self.sizes("wish").values())

    def notes(self) -> list[dict]:
        """[{circle, label, notes: [(kind label, text)]}] for the circles that have any notes."""
        result = []
        for circle in Circle:
            items = [(label, getattr(self, f"{circle.value}_{kind}").strip()) for kind, label in NOTE_KINDS]
            items = [(label, text) for label, text in items if text]
            if items:
                result.append({"circle": circle.value, "label": circle.label, "notes": items})
        return result

    def all_text(self) -> str:
        return "\n".join([self.title] + [getattr(self, f"{c.value}_{k}") for c in Circle for k, _l in NOTE_KINDS])
