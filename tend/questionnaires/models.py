"""Measures: wording imported under an organisation's licence, cohort schedules, a person's
answers and scores, their consent to aggregates and research, and their self-care plan."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tend.core.crypto import EncryptedTextField
from tend.core.models import AutosavedItem, OwnedItem, Visibility


class InstrumentWording(models.Model):
    """One item's wording of a published instrument, imported by the organisation under its own
    licence (`manage.py import_instrument_wording`). Never shipped in the repository."""

    definition_id = models.CharField(max_length=80)
    version = models.CharField(max_length=40)
    item_number = models.PositiveSmallIntegerField()
    text = models.TextField()
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["definition_id", "version", "item_number"], name="one_wording_per_item")
        ]
        ordering = ["definition_id", "version", "item_number"]

    def __str__(self) -> str:
        return f"{self.definition_id} {self.version} item {self.item_number}"


class Occasion(models.TextChoices):
    BASELINE = "baseline", _("Baseline")
    MIDPOINT = "midpoint", _("Mid-point")
    END = "end", _("End")
    FOLLOW_UP = "follow_up", _("Follow-up")
    WEEKLY = "weekly", _("Weekly check-in")


class MeasureSchedule(models.Model):
    """A measure a cohort is asked to complete: once on a date (baseline, mid-point, end,
    follow-up), or every week from `opens_on` until `until`."""

    cohort = models.ForeignKey("cohorts.Cohort", on_delete=models.CASCADE, related_name="measure_schedules")
    definition_id = models.CharField(_("measure"), max_length=80)
    occasion = models.CharField(_("when"), max_length=20, choices=Occasion.choices)
    opens_on = models.DateField(_("date (first week for weekly check-ins)"))
    until = models.DateField(_("last week (weekly check-ins)"), null=True, blank=True)
    send_reminders = models.BooleanField(_("email a reminder on the day"), default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["opens_on", "pk"]

    def __str__(self) -> str:
        return f"{self.definition_id} ({self.occasion}) for {self.cohort}"

    @property
    def is_weekly(self) -> bool:
        return self.occasion == Occasion.WEEKLY

    def due_dates(self) -> list:
        """Every date this measure is due: one for a single occasion, each week for check-ins."""
        if not self.is_weekly:
            return [self.opens_on]
        last = self.until or self.cohort.ends_on
        dates, day = [], self.opens_on
        while day <= last:
            dates.append(day)
            day += timezone.timedelta(days=7)
        return dates

    def occasion_for(self, day) -> "object | None":
        """The due date whose window contains `day` (a weekly check-in's week), or None."""
        due = [d for d in self.due_dates() if d <= day]
        if not due:
            return None
        latest = due[-1]
        if self.is_weekly and (day - latest).days >= 7:
            return None
        return latest


class MeasureResponse(models.Model):
    """One person's answers to one administration of a measure. Private to that person: others
    only ever see scores in aggregates, and only with the person's consent."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    definition_id = models.CharField(max_length=80)
    definition_version = models.CharField(max_length=40)
    schedule = models.ForeignKey(MeasureSchedule, null=True, blank=True, on_delete=models.SET_NULL, related_name="responses")
    cohort = models.ForeignKey("cohorts.Cohort", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    occasion = models.CharField(max_length=20, choices=Occasion.choices, blank=True)
    due_on = models.DateField(null=True, blank=True)
    answers = models.JSONField(default=dict)  # {"item number": value}
    scores = models.JSONField(default=dict)  # {score id: value}, set on completion
    care_flag = models.BooleanField(default=False)  # crossed a compassion-fatigue threshold; shown to the owner only
    started_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["completed_at", "started_at"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "schedule", "due_on"], name="one_response_per_due_date",
                                    condition=models.Q(schedule__isnull=False)),
        ]
        indexes = [
            models.Index(fields=["owner", "definition_id", "completed_at"]),
            models.Index(fields=["schedule", "due_on", "completed_at"]),
        ]

    def __str__(self) -> str:
        return f"Response {self.pk} to {self.definition_id}"

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None


class ScoreValue(models.Model):
    """A completed response's scores, one row each, so cohort summaries are one aggregate query.
    `shared` mirrors the owner's consent (kept in step by services.set_consent); on an end-of-course
    row, `baseline_value` is the same person's baseline score, so paired change needs no self-join."""

    response = models.ForeignKey(MeasureResponse, on_delete=models.CASCADE, related_name="score_values")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    schedule = models.ForeignKey(MeasureSchedule, null=True, on_delete=models.CASCADE, related_name="score_values")
    due_on = models.DateField(null=True)
    score_id = models.CharField(max_length=80)
    value = models.FloatField()
    shared = models.BooleanField(default=False)
    baseline_value = models.FloatField(null=True, blank=True)

    class Meta:
        indexes = [
            # Covering (on PostgreSQL): a cohort summary reads the index alone.
            models.Index(fields=["schedule", "shared", "due_on", "score_id"], include=["value", "baseline_value"],
                         name="questionnaires_summary_idx"),
            models.Index(fields=["owner", "score_id"], name="questionnaires_owner_score_idx"),
        ]


class MeasureConsent(models.Model):
    """Whether a person's scores may enter cohort aggregates and research exports. No row, or
    False, means private: the default."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="measure_consent")
    share_scores = models.BooleanField(_("let my scores count in cohort summaries and research exports"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Measures consent {self.pk}"


def new_export_secret() -> str:
    return secrets.token_hex(32)


class ExportKey(models.Model):
    """The secret behind a cohort's pseudonymised research ids: the same person gets the same id
    in every export made with this key, and nobody can reverse it without the key."""

    cohort = models.OneToOneField("cohorts.Cohort", on_delete=models.CASCADE, related_name="measure_export_key")
    secret = models.CharField(max_length=64, default=new_export_secret)
    created_at = models.DateTimeField(auto_now_add=True)


class SelfCarePlan(OwnedItem, AutosavedItem):
    """A person's own self-care plan. Private unless they share it with their supervisor."""

    routines = EncryptedTextField(_("Routines that keep me steady"), blank=True)
    boundaries = EncryptedTextField(_("Boundaries I want to keep"), blank=True)
    supports = EncryptedTextField(_("People and things that support me"), blank=True)
    warning_signs = EncryptedTextField(_("My early-warning signs"), blank=True)
    who_to_talk_to = EncryptedTextField(_("Who I will talk to, and when"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    FIELDS = ["routines", "boundaries", "supports", "warning_signs", "who_to_talk_to"]
    SHARE_CHOICES = [(Visibility.PRIVATE, Visibility.PRIVATE.label), (Visibility.SUPERVISOR, Visibility.SUPERVISOR.label)]

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner"], name="one_self_care_plan_per_person")]

    def __str__(self) -> str:
        return f"Self-care plan {self.pk}"

    def all_text(self) -> str:
        return "\n".join(getattr(self, name) for name in self.FIELDS)
