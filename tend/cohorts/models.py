"""Cohorts: groups of people training together, their trainers, supervisors and invitations."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Cohort(models.Model):
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("start date"))
    ends_on = models.DateField(_("end date"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "name"]

    def __str__(self) -> str:
        return self.name


class CohortRole(models.TextChoices):
    TRAINEE = "trainee", _("Trainee")
    SUPERVISOR = "supervisor", _("Supervisor")
    TRAINER = "trainer", _("Trainer")


class Membership(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=CohortRole.choices, default=CohortRole.TRAINEE)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["cohort", "user"], name="one_membership_per_cohort")]
        ordering = ["role", "user__display_name"]

    def __str__(self) -> str:
        return f"{self.user} in {self.cohort} ({self.role})"


class SupervisorAssignment(models.Model):
    """Within a cohort, this supervisor supervises this trainee (and may see what they share)."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="supervisor_assignments")
    trainee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="supervisors_assigned")
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="supervisees_assigned"
    )
    assigned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["cohort", "trainee"], name="one_supervisor_per_trainee_per_cohort")
        ]

    def __str__(self) -> str:
        return f"{self.supervisor} supervises {self.trainee} in {self.cohort}"


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def default_expiry():
    return timezone.now() + timedelta(days=settings.TEND_INVITATION_DAYS)


class Invitation(models.Model):
    """A single-use, expiring link that lets one email address join one cohort in one role.

    Only a hash of the token is stored, so a database reader cannot use pending invitations.
    """

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=20, choices=CohortRole.choices, default=CohortRole.TRAINEE)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=default_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation for {self.email} to {self.cohort}"

    @classmethod
    def issue(cls, **fields) -> tuple["Invitation", str]:
        token = secrets.token_urlsafe(32)
        invitation = cls.objects.create(token_hash=_hash_token(token), **fields)
        return invitation, token

    @classmethod
    def find(cls, token: str) -> "Invitation | None":
        return cls.objects.select_related("cohort").filter(token_hash=_hash_token(token)).first()

    @property
    def status(self) -> str:
        if self.accepted_at:
            return "accepted"
        if self.revoked_at:
            return "revoked"
        if self.expires_at <= timezone.now():
            return "expired"
        return "pending"

    @property
    def is_usable(self) -> bool:
        return self.status == "pending"


class Announcement(models.Model):
    """A trainer's message to the whole cohort, shown on the cohort space (Markdown, sanitised)."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="announcements")
    title = models.CharField(_("title"), max_length=160)
    body = models.TextField(_("message"), help_text=_("Markdown works: **bold**, lists, [links](https://…)."))
    pinned = models.BooleanField(_("pin to the top"), default=False)
    posted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-pinned", "-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title


NUDGE_INTERVAL = timedelta(days=7)


class Nudge(models.Model):
    """A kind email a trainer sent to a quiet trainee. Kept so nobody gets more than one a week,
    whichever of their cohorts it comes from; only who, when and where, never the message."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="nudges")
    trainee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="nudges_received")
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        indexes = [models.Index(fields=["trainee", "sent_at"])]

    def __str__(self) -> str:
        return f"Nudge to {self.trainee} in {self.cohort} on {self.sent_at:%Y-%m-%d}"

    @property
    def next_allowed_at(self):
        return self.sent_at + NUDGE_INTERVAL
