"""Live sessions a cohort's trainers schedule, who attended them, and each person's calendar feed.

Times are stored in UTC; `time_zone` remembers the zone the trainer scheduled in, so the edit
form shows the same wall-clock time they typed. Everyone else sees times in their own zone.
"""

import secrets
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core import signing
from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tend.accounts.models import TIME_ZONE_CHOICES

https_only = URLValidator(schemes=["https"], message=_("Enter a link that starts with https://"), code="https_only")


class LiveSession(models.Model):
    cohort = models.ForeignKey("cohorts.Cohort", on_delete=models.CASCADE, related_name="live_sessions")
    title = models.CharField(_("title"), max_length=160)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(_("time zone"), max_length=64, choices=TIME_ZONE_CHOICES)
    meeting_url = models.URLField(_("meeting link"), max_length=500, blank=True, validators=[https_only])
    materials = models.TextField(_("materials"), blank=True)  # Markdown: links and text
    notes = models.TextField(_("notes after the session"), blank=True)  # Markdown
    recording_url = models.URLField(_("recording link"), max_length=500, blank=True, validators=[https_only])
    sequence = models.PositiveIntegerField(default=0)  # iCalendar SEQUENCE: bumped on every change
    cancelled_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["cohort", "starts_at"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_at__gt=models.F("starts_at")), name="live_session_ends_after_start")
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("live:detail", args=[self.pk])

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()

    @property
    def is_past(self) -> bool:
        return self.ends_at <= timezone.now()

    @property
    def duration(self) -> timedelta:
        return self.ends_at - self.starts_at

    @property
    def duration_minutes(self) -> int:
        return int(self.duration.total_seconds() // 60)

    @property
    def hours(self) -> Decimal:
        return (Decimal(self.duration.total_seconds()) / Decimal(3600)).quantize(Decimal("0.01"), ROUND_HALF_UP)

    @property
    def uid(self) -> str:
        """Stable for the life of the session, so calendars update the event rather than adding one."""
        return f"live-session-{self.pk}@tend"


class Attendance(models.Model):
    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="attendance")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="live_attendance")
    present = models.BooleanField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "user"], name="one_attendance_per_session")]

    def __str__(self) -> str:
        return f"{self.user} {'present' if self.present else 'absent'} at {self.session}"


FEED_SALT = "tend.live.calendar-feed"


class CalendarFeed(models.Model):
    """A person's secret calendar address. The token in the URL is signed with SECRET_KEY over the
    person's id and a random key kept here; resetting replaces the key, so old URLs stop working."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed")
    key = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Calendar feed of {self.user}"

    @staticmethod
    def new_key() -> str:
        return secrets.token_hex(16)

    @classmethod
    def for_user(cls, user) -> "CalendarFeed":
        feed, _ = cls.objects.get_or_create(user=user, defaults={"key": cls.new_key()})
        return feed

    def reset(self) -> None:
        self.key = self.new_key()
        self.save(update_fields=["key", "created_at"])

    @property
    def token(self) -> str:
        return signing.Signer(salt=FEED_SALT, sep=".").sign(f"{self.user_id}.{self.key}")

    @classmethod
    def find(cls, token: str) -> "CalendarFeed | None":
        try:
            user_id, key = signing.Signer(salt=FEED_SALT, sep=".").unsign(token).split(".", 1)
        except (signing.BadSignature, ValueError):
            return None
        feed = cls.objects.select_related("user").filter(user_id=user_id).first() if user_id.isdigit() else None
        if feed is None or not secrets.compare_digest(feed.key, key) or not feed.user.is_active:
            return None
        return feed
