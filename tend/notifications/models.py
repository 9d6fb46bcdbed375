from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """An in-app notice. The title says *that* something happened, never what anyone wrote:
    emails and lists show it, and the private text stays behind the link."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=40)
    title = models.CharField(_("title"), max_length=200)
    url = models.CharField(_("link"), max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            # The digest run looks for what is still unread and not yet emailed.
            models.Index(fields=["emailed_at", "read_at"], name="notification_pending_idx"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_unread(self) -> bool:
        return self.read_at is None


class EmailDigest(models.TextChoices):
    IMMEDIATE = "immediate", _("Straight away, one email per notification")
    DAILY = "daily", _("Once a day, a summary")
    WEEKLY = "weekly", _("Once a week, a summary")
    OFF = "off", _("Never — I'll look on Tend")


class NotificationPreference(models.Model):
    """How a person wants to hear about notifications by email. Created the first time they save
    their choice; until then they get the default (a daily summary)."""

    DEFAULT_EMAIL_DIGEST = EmailDigest.DAILY

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference")
    email_digest = models.CharField(
        _("Email me about new notifications"), max_length=10, choices=EmailDigest.choices, default=DEFAULT_EMAIL_DIGEST
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.user_id}: {self.email_digest}"
