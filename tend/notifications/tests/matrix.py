"""Notifications in the permission matrix: each person sees only their own; one that is not
yours answers 404."""

from django.urls import reverse

from tend.core.tests.policy_table import Case, owner_only, require_post, signed_in
from tend.journal.models import JournalEntry
from tend.notifications.models import Notification


def _notification(s):
    return {"pk": s.notifications_notification.pk}


POLICY = {
    "notifications:list": signed_in(),
    "notifications:mark_all_read": require_post(signed_in()),
    "notifications:preferences": Case(signed_in(), data=lambda s: {"email_digest": "weekly"}),
    # Opening follows the link (a redirect, "ok") for the recipient only.
    "notifications:open": Case(owner_only(), kwargs=_notification),
    "notifications:mark_read": Case(require_post(owner_only()), kwargs=_notification),
}

OWNED_OBJECT_URLS = {"notifications:open", "notifications:mark_read"}

# The title is not private writing, but a notification is for its recipient's eyes only.
PRIVATE_TEXT = ("zqnotificationtitle", "zqnotificationlinked")


def samples(p) -> dict:
    entry = JournalEntry.objects.create(owner=p.trainee, title="zqnotificationlinked", body="zqnotificationlinked")
    notification = Notification.objects.create(
        recipient=p.trainee, actor=p.supervisor, kind="comment",
        title="Your supervisor left a comment zqnotificationtitle", url=reverse("journal:detail", args=[entry.pk]),
    )
    return {"notifications_notification": notification}
