"""Audit receivers for account events. They record identifiers only, never content."""

from allauth.mfa.signals import authenticator_added, authenticator_removed
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone

from tend.core import audit
from tend.core.audit import AuditEvent
from tend.core.middleware import SIGNED_IN_AT

User = get_user_model()


@receiver(user_logged_in)
def on_sign_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT] = timezone.now().isoformat()
    audit.record(AuditEvent.Kind.SIGN_IN, request=request, actor=user, subject_user=user)


@receiver(user_logged_out)
def on_sign_out(sender, request, user, **kwargs):
    if user is not None:
        audit.record(AuditEvent.Kind.SIGN_OUT, request=request, actor=user, subject_user=user)


@receiver(user_login_failed)
def on_sign_in_failed(sender, credentials, request=None, **kwargs):
    # The attempted address is kept only when it belongs to an account, as that account's id.
    email = (credentials or {}).get("email") or (credentials or {}).get("username") or ""
    target = User.objects.filter(email__iexact=email).first() if email else None
    audit.record(AuditEvent.Kind.SIGN_IN_FAILED, request=request, actor=None, subject_user=target)


@receiver(authenticator_added)
def on_mfa_added(sender, request, user, authenticator, **kwargs):
    audit.record(AuditEvent.Kind.MFA_ADDED, request=request, actor=user, subject_user=user, type=authenticator.type)


@receiver(authenticator_removed)
def on_mfa_removed(sender, request, user, authenticator, **kwargs):
    audit.record(AuditEvent.Kind.MFA_REMOVED, request=request, actor=user, subject_user=user, type=authenticator.type)


@receiver(pre_save, sender=User)
def remember_previous_role(sender, instance, **kwargs):
    instance._previous_role = (
        User.objects.filter(pk=instance.pk).values_list("role", flat=True).first() if instance.pk else None
    )


@receiver(post_save, sender=User)
def on_role_change(sender, instance, created, **kwargs):
    previous = getattr(instance, "_previous_role", None)
    if not created and previous is not None and previous != instance.role:
        audit.record(
            AuditEvent.Kind.ROLE_CHANGED, subject_user=instance, previous=previous, new=instance.role
        )
