"""People who use Tend: one account per email address, with a role and a profile."""

import zoneinfo

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    TRAINEE = "trainee", _("Trainee")
    SUPERVISOR = "supervisor", _("Supervisor")
    TRAINER = "trainer", _("Trainer")
    ADMIN = "admin", _("Administrator")


class ProfessionalRole(models.TextChoices):
    CLINICAL_PSYCHOLOGIST = "clinical_psychologist", _("Clinical psychologist")
    COUNSELLING_PSYCHOLOGIST = "counselling_psychologist", _("Counselling psychologist")
    COUNSELLOR = "counsellor", _("Counsellor")
    PSYCHOTHERAPIST = "psychotherapist", _("Psychotherapist")
    CBT_THERAPIST = "cbt_therapist", _("CBT therapist")
    MENTAL_HEALTH_NURSE = "mental_health_nurse", _("Mental health nurse")
    PSYCHIATRIST = "psychiatrist", _("Psychiatrist")
    SOCIAL_WORKER = "social_worker", _("Social worker")
    TRAINEE_PSYCHOLOGIST = "trainee_psychologist", _("Trainee psychologist")
    OTHER = "other", _("Other")


TIME_ZONE_CHOICES = [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **fields):
        fields.update(is_staff=True, is_superuser=True, role=Role.ADMIN)
        return self.create_user(email, password, **fields)


class User(AbstractUser):
    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(_("display name"), max_length=80)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.TRAINEE)
    professional_role = models.CharField(
        _("professional role"), max_length=40, choices=ProfessionalRole.choices, blank=True
    )
    registration_body = models.CharField(_("professional registration body"), max_length=120, blank=True)
    registration_number = models.CharField(_("registration number"), max_length=60, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, choices=TIME_ZONE_CHOICES, default="Europe/London")
    language = models.CharField(_("preferred language"), max_length=10, default="en")

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]
    objects = UserManager()

    class Meta:
        ordering = ["display_name"]

    def __str__(self) -> str:
        return self.display_name or self.email

    def get_short_name(self) -> str:
        return self.display_name

    def get_full_name(self) -> str:
        return self.display_name

    @property
    def is_trainer(self) -> bool:
        return self.role == Role.TRAINER

    @property
    def is_admin_role(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def is_supervisor(self) -> bool:
        return self.role == Role.SUPERVISOR
