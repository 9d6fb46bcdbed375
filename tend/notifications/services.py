"""Creating notifications, marking them read, saving email choices and sending the emails.
Other apps call notify(); nothing else writes Notification rows."""

import logging

from django.db import transaction
from django.utils import timezone

from tend.notifications import emails, selectors
from tend.notifications.models import EmailDigest, Notification, NotificationPreference

logger = logging.getLogger(__name__)


def notify(recipient, *, kind: str, title: str, url: str, actor=None) -> Notification | None:
    """Tell `recipient` that something happened. `title` must not quote anyone's private writing
    (it may appear in an email); `url` leads to the item, where access is checked again.
    Nobody is notified about their own action."""
    if actor is not None and actor.pk == recipient.pk:
        return None
    notification = Notification.objects.create(recipient=recipient, actor=actor, kind=kind, title=title[:200], url=url)
    if selectors.wants_immediate_email(recipient):
        # After commit: the worker must find the row, and a rolled-back action sends nothing.
        transaction.on_commit(lambda: _enqueue_immediate(notification.pk))
    return notification


def _enqueue_immediate(notification_id: int) -> None:
    from tend.notifications.tasks import send_immediate

    send_immediate.enqueue(notification_id)


# --- Reading ---------------------------------------------------------------------------------


def mark_read(notification: Notification) -> None:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=notification.read_at)


def mark_all_read(user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())


def save_email_digest(user, email_digest: str) -> NotificationPreference:
    preference, _ = NotificationPreference.objects.update_or_create(user=user, defaults={"email_digest": email_digest})
    return preference


# --- Emails ------------------------------------------------------------------------------------


def _claim(ids) -> list[Notification]:
    """Stamps emailed_at on those of `ids` still unread and unsent, and returns exactly those: two
    workers running at once can never both claim (and so both send) the same notification."""
    claimed_at = timezone.now()
    Notification.objects.filter(pk__in=list(ids), read_at__isnull=True, emailed_at__isnull=True).update(
        emailed_at=claimed_at
    )
    return list(Notification.objects.filter(pk__in=list(ids), emailed_at=claimed_at).order_by("-created_at", "-pk"))


def _send(user, notifications: list[Notification]) -> bool:
    """Sends one email; if it fails, the claim is released so a later run tries again."""
    try:
        emails.build_message(user, notifications).send()
    except Exception:
        Notification.objects.filter(
            pk__in=[n.pk for n in notifications], emailed_at=notifications[0].emailed_at
        ).update(emailed_at=None)
        raise
    return True


def send_immediate_email(notification_id: int) -> bool:
    """The email for one notification, if its recipient still wants immediate emails and has not
    read it yet. Returns whether an email was sent."""
    notification = selectors.pending_email().filter(pk=notification_id).select_related("recipient").first()
    if notification is None or selectors.email_digest_for(notification.recipient) != EmailDigest.IMMEDIATE:
        return False
    claimed = _claim([notification.pk])
    return bool(claimed) and _send(notification.recipient, claimed)


def send_digest_to(user, frequency: str) -> bool:
    """One summary email of everything `user` has not read or been emailed about."""
    if selectors.email_digest_for(user) != frequency:
        return False
    claimed = _claim(selectors.pending_email().filter(recipient=user).values_list("pk", flat=True))
    return bool(claimed) and _send(user, claimed)


def send_digests(frequency: str) -> int:
    """Summary emails for everyone on `frequency` (daily or weekly) with something pending.
    One person's failed email does not stop the others; returns how many were sent."""
    if frequency not in (EmailDigest.DAILY, EmailDigest.WEEKLY):
        raise ValueError(f"digests are daily or weekly, not {frequency!r}")
    from tend.accounts.models import User

    sent = 0
    for user in User.objects.filter(pk__in=list(selectors.recipients_due(frequency))):
        try:
            sent += send_digest_to(user, frequency)
        except Exception as error:  # logged without the address or any content
            logger.warning("Notification digest for user %s failed: %s", user.pk, type(error).__name__)
    return sent
