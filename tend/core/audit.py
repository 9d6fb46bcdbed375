"""The append-only audit log: who did what, when, from where. Never any content."""

from django.db import models


class AuditEvent(models.Model):
    class Kind(models.TextChoices):
        SIGN_IN = "sign_in"
        SIGN_IN_FAILED = "sign_in_failed"
        SIGN_OUT = "sign_out"
        MFA_ADDED = "mfa_added"
        MFA_REMOVED = "mfa_removed"
        ROLE_CHANGED = "role_changed"
        PERMISSION_DENIED = "permission_denied"
        SHARED_ENTRY_VIEWED = "shared_entry_viewed"
        INVITATION_SENT = "invitation_sent"
        INVITATION_ACCEPTED = "invitation_accepted"
        NUDGE_SENT = "nudge_sent"
        EXPORT_KEY_ROTATED = "export_key_rotated"

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    kind = models.CharField(max_length=40, choices=Kind.choices)
    # Plain ids rather than foreign keys: the log outlives the rows it mentions.
    actor_id = models.BigIntegerField(null=True, blank=True)
    subject_user_id = models.BigIntegerField(null=True, blank=True)
    object_type = models.CharField(max_length=60, blank=True)
    object_id = models.CharField(max_length=60, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at"]
        app_label = "core"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.kind}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Audit events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Audit events are append-only.")


def client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None


def record(kind: str, *, request=None, actor=None, subject_user=None, obj=None, **detail) -> AuditEvent:
    """Append one event. `detail` must hold identifiers and reasons only, never user content."""
    if actor is None and request is not None and getattr(request, "user", None) is not None:
        actor = request.user if request.user.is_authenticated else None
    return AuditEvent.objects.create(
        kind=kind,
        actor_id=getattr(actor, "pk", None),
        subject_user_id=getattr(subject_user, "pk", None),
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        ip_address=client_ip(request),
        detail=detail,
    )


def record_after_view(request, kind: str, **fields) -> None:
    """Queue an event to be written after the view's transaction ends, so it is kept even when
    the view's writes roll back (a denied request raises Http404 inside ATOMIC_REQUESTS)."""
    if request is None:
        return
    pending = getattr(request, "_tend_pending_audit", None)
    if pending is None:
        pending = request._tend_pending_audit = []
    pending.append((kind, fields))


class PendingAuditMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        for kind, fields in getattr(request, "_tend_pending_audit", []):
            record(kind, request=request, **fields)
        return response
