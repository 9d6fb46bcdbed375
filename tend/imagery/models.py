import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def recording_path(instance: "ScriptRecording", filename: str) -> str:
    """A random name under imagery/recordings/: the uploader's file name never reaches the disk."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"imagery/recordings/{uuid.uuid4().hex}.{extension}"


class ScriptRecording(models.Model):
    """A trainer's own recording of a guided-imagery script, stored in the default storage and
    served only to signed-in users through imagery:recording (never from a public media URL)."""

    script_id = models.SlugField(max_length=100, db_index=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    file = models.FileField(upload_to=recording_path, max_length=200)
    original_name = models.CharField(max_length=200, blank=True)
    content_type = models.CharField(max_length=50)
    size = models.PositiveBigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("script recording")

    def __str__(self) -> str:
        return f"{self.script_id}: {self.original_name or self.file.name}"
