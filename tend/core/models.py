"""Shared building blocks: visibility of owned items, autosave versions, conflict copies, audit."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from tend.core.audit import AuditEvent  # noqa: F401  (model registration)
from tend.core.crypto import EncryptedTextField


class Visibility(models.TextChoices):
    PRIVATE = "private", _("Only me")
    SUPERVISOR = "supervisor", _("Me and my supervisor")
    COHORT = "cohort", _("My cohort and its trainers")


class OwnedItem(models.Model):
    """Something a person wrote. Who else may see it is decided only by tend.core.access."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    visibility = models.CharField(
        _("who can see this"), max_length=20, choices=Visibility.choices, default=Visibility.PRIVATE
    )
    shared_cohort = models.ForeignKey(
        "cohorts.Cohort", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        abstract = True


class AutosavedItem(models.Model):
    """Optimistic concurrency for autosave: each save names the version it was based on."""

    version = models.PositiveIntegerField(default=1)
    last_save_id = models.CharField(max_length=64, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class ConflictCopy(models.Model):
    """Text from a stale tab or device, kept before the conflict is reported so nothing is lost."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    base_version = models.PositiveIntegerField()
    save_id = models.CharField(max_length=64)
    # JSON of the fields the stale tab sent, encrypted like the item itself.
    fields_json = EncryptedTextField()
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["content_type", "object_id", "resolved_at"])]

    def __str__(self) -> str:
        return f"Conflict copy {self.pk} (base version {self.base_version})"
