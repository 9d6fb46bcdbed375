"""Reads: a person's notifications, their unread count, their email choice, and what is due to be emailed."""

from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet

from tend.notifications.models import EmailDigest, Notification, NotificationPreference


def notifications_for(user) -> QuerySet:
    """The person's own notifications, unread first, then newest first."""
    is_read = ExpressionWrapper(Q(read_at__isnull=False), output_field=BooleanField())
    return (
        Notification.objects.filter(recipient=user)
        .select_related("actor")
        .order_by(is_read.asc(), "-created_at", "-pk")
    )


def unread_count(user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def email_digest_for(user) -> str:
    """The person's chosen email frequency; the default until they choose."""
    chosen = NotificationPreference.objects.filter(user=user).values_list("email_digest", flat=True).first()
    return chosen or NotificationPreference.DEFAULT_EMAIL_DIGEST


def wants_immediate_email(user) -> bool:
    return NotificationPreference.objects.filter(user=user, email_digest=EmailDigest.IMMEDIATE).exists()


def pending_email() -> QuerySet:
    """Notifications nobody has read or been emailed about yet, for people who can receive email."""
    return Notification.objects.filter(
        read_at__isnull=True, emailed_at__isnull=True, recipient__is_active=True
    ).exclude(recipient__email="")


def recipients_due(frequency: str) -> QuerySet:
    """Ids of the people on `frequency` with something pending. People who never chose are on the
    default (daily)."""
    chose = Q(recipient__notification_preference__email_digest=frequency)
    if frequency == NotificationPreference.DEFAULT_EMAIL_DIGEST:
        chose |= Q(recipient__notification_preference__isnull=True)
    return pending_email().filter(chose).values_list("recipient_id", flat=True).distinct().order_by("recipient_id")
