"""Supervision: review marks and comments on shared items, supervision logs, competency rating
events (append-only) and the supervision agreement between a supervisor and a supervisee.

Items are referred to by a short kind ("letter") and id rather than a foreign key, so one table
covers journal entries, letters, formulations and drill replies (see items.py)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tend.core.crypto import EncryptedTextField


class ItemKind(models.TextChoices):
    JOURNAL = "journal", _("reflection")
    LETTER = "letter", _("letter")
    FORMULATION = "formulation", _("formulation")
    DRILL = "drill", _("drill reply")


class EvidenceKind(models.TextChoices):
    JOURNAL = "journal", _("reflection")
    LETTER = "letter", _("letter")
    FORMULATION = "formulation", _("formulation")
    DRILL = "drill", _("drill reply")
    LOG = "log", _("supervision log")


class ItemComment(models.Model):
    """A supervisor's comment on a shared item, on the whole of it or on one quoted passage."""

    item_kind = models.CharField(max_length=20, choices=ItemKind.choices)
    item_id = models.PositiveBigIntegerField()
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    body = EncryptedTextField(_("your comment"))
    # The passage quoted from the owner's writing (their words, so encrypted) and where it was.
    quote = EncryptedTextField(_("passage"), blank=True)
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["item_kind", "item_id"]), models.Index(fields=["owner", "created_at"])]

    def __str__(self) -> str:
        return f"Comment {self.pk} on {self.item_kind} {self.item_id}"


class CommentReply(models.Model):
    """A short reply under a comment: the owner answering their supervisor, or the supervisor
    answering back. Seen by exactly those who see the comment; the owner's words are theirs, so
    encrypted like the comment."""

    comment = models.ForeignKey(ItemComment, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    body = EncryptedTextField(_("your reply"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Reply {self.pk} to comment {self.comment_id}"


class ItemReview(models.Model):
    """This supervisor has reviewed this item (as it stood at `version`)."""

    item_kind = models.CharField(max_length=20, choices=ItemKind.choices)
    item_id = models.PositiveBigIntegerField()
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    version = models.PositiveIntegerField(default=0)
    reviewed_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item_kind", "item_id", "reviewer"], name="one_review_mark_per_reviewer")]

    def __str__(self) -> str:
        return f"Review of {self.item_kind} {self.item_id}"


class SessionFormat(models.TextChoices):
    INDIVIDUAL = "individual", _("Individual")
    GROUP = "group", _("Group")


class LogStatus(models.TextChoices):
    AWAITING = "awaiting", _("Waiting for the supervisee to confirm")
    CONFIRMED = "confirmed", _("Confirmed")
    CORRECTION = "correction", _("Correction asked for")


class SupervisionLog(models.Model):
    """One supervision session, written by the supervisor and confirmed by the supervisee.
    Only confirmed logs count towards CPD hours."""

    supervisor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    supervisee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    date = models.DateField(_("date"))
    duration_minutes = models.PositiveSmallIntegerField(_("length (minutes)"))
    format = models.CharField(_("individual or group"), max_length=20, choices=SessionFormat.choices,
                              default=SessionFormat.INDIVIDUAL)
    topics = EncryptedTextField(_("topics"))
    agreed_actions = EncryptedTextField(_("agreed actions"), blank=True)
    status = models.CharField(max_length=20, choices=LogStatus.choices, default=LogStatus.AWAITING)
    correction_note = EncryptedTextField(_("what needs correcting"), blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["supervisee", "status", "date"]), models.Index(fields=["supervisor", "date"])]

    def __str__(self) -> str:
        return f"Supervision log {self.pk} ({self.date})"

    @property
    def is_confirmed(self) -> bool:
        return self.status == LogStatus.CONFIRMED

    @property
    def display_title(self) -> str:
        from django.utils.formats import date_format

        values = {"date": date_format(self.date, "j F Y"), "format": self.get_format_display().lower()}
        return str(_("Supervision on %(date)s (%(format)s)") % values)


class Level(models.TextChoices):
    NOT_YET = "not_yet", _("Not yet")
    DEVELOPING = "developing", _("Developing")
    COMPETENT = "competent", _("Competent")
    PROFICIENT = "proficient", _("Proficient")


SIGN_OFF_LEVELS = (Level.COMPETENT, Level.PROFICIENT)


class AppendOnly(models.Model):
    """Rows that are history: written once, never changed or deleted one by one."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise ValueError(f"{type(self).__name__} is append-only: add a new row instead of changing one.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError(f"{type(self).__name__} is append-only: rows are never deleted one by one.")


class CompetencyEvent(AppendOnly):
    """One rating of one competency: the supervisee's self-rating, the supervisor's rating, or the
    supervisor's sign-off. The profile shows the latest of each; the history shows them all."""

    class Kind(models.TextChoices):
        SELF_RATING = "self", _("Self-rating")
        SUPERVISOR_RATING = "supervisor", _("Supervisor's rating")
        SIGN_OFF = "sign_off", _("Signed off")

    trainee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    competency_id = models.CharField(max_length=100)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    level = models.CharField(_("rating"), max_length=20, choices=Level.choices)
    note = EncryptedTextField(_("note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["trainee", "competency_id", "created_at"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.level} for {self.competency_id}"


class CompetencyEvidence(AppendOnly):
    """An item of the supervisee's linked to a rating as evidence (shown only while still shared)."""

    event = models.ForeignKey(CompetencyEvent, on_delete=models.CASCADE, related_name="evidence")
    item_kind = models.CharField(max_length=20, choices=EvidenceKind.choices)
    item_id = models.PositiveBigIntegerField()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"Evidence {self.item_kind} {self.item_id}"


class SupervisionAgreement(models.Model):
    """What a supervisor and supervisee agree about how supervision works. Both confirm it;
    any change to the text clears both confirmations."""

    supervisor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    supervisee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    expectations = models.TextField(_("what we expect of each other"))
    confidentiality = models.TextField(_("confidentiality"))
    frequency = models.TextField(_("how often we meet"))
    supervisor_confirmed_at = models.DateTimeField(null=True, blank=True)
    supervisee_confirmed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["supervisor", "supervisee"], name="one_agreement_per_pair")]

    def __str__(self) -> str:
        return f"Supervision agreement {self.pk}"

    @property
    def fully_confirmed(self) -> bool:
        return bool(self.supervisor_confirmed_at and self.supervisee_confirmed_at)
