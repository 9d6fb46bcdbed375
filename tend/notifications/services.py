"""Creating notifications. Other apps call notify(); nothing else writes Notification rows."""

from tend.notifications.models import Notification


def notify(recipient, *, kind: str, title: str, url: str, actor=None) -> Notification | None:
    """Tell `recipient` that something happened. `title` must not quote anyone's private writing
    (it may appear in an email); `url` leads to the item, where access is checked again.
    Nobody is notified about their own action."""
    if actor is not None and actor.pk == recipient.pk:
        return None
    return Notification.objects.create(recipient=recipient, actor=actor, kind=kind, title=title[:200], url=url)
