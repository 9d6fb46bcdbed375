"""The notification email: a count, the titles and links back to Tend. Titles say *that*
something happened (by contract they never quote anyone's writing), so nothing private is sent."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext

DEFAULT_SITE_URL = "http://127.0.0.1:8000"
MAX_LISTED = 20  # a long backlog is summarised as "and N more" rather than listed in full


def site_url() -> str:
    return getattr(settings, "TEND_SITE_URL", DEFAULT_SITE_URL).rstrip("/")


def absolute(path: str) -> str:
    return site_url() + path


def build_message(user, notifications: list) -> EmailMultiAlternatives:
    """One email telling `user` about `notifications` (newest first)."""
    count = len(notifications)
    organisation = getattr(settings, "TEND_ORGANISATION_NAME", "Tend")
    with translation.override(getattr(user, "language", None) or settings.LANGUAGE_CODE):
        subject = ngettext(
            "You have %(count)d new notification on %(organisation)s",
            "You have %(count)d new notifications on %(organisation)s",
            count,
        ) % {"count": count, "organisation": organisation}
        context = {
            "user": user,
            "organisation": organisation,
            "count": count,
            "items": [
                {"title": n.title, "link": absolute(reverse("notifications:open", args=[n.pk]))}
                for n in notifications[:MAX_LISTED]
            ],
            "more": max(0, count - MAX_LISTED),
            "list_link": absolute(reverse("notifications:list")),
            "preferences_link": absolute(reverse("notifications:preferences")),
        }
        text = render_to_string("notifications/email/digest.txt", context)
        html = render_to_string("notifications/email/digest.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [user.email])
    message.attach_alternative(html, "text/html")
    return message
