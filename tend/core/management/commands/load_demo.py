"""Demo data for trying Tend locally: one cohort and one person in each role. Idempotent."""

import os
from datetime import date, timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from tend.accounts.models import Role, User
from tend.cohorts.models import Cohort, CohortRole, Membership, SupervisorAssignment
from tend.core.hooks import call_all

DEMO_PASSWORD = "compassion"
DEMO_PEOPLE = [
    ("trainee@example.com", "Alex Rivera", Role.TRAINEE, CohortRole.TRAINEE),
    ("trainee2@example.com", "Sam Okafor", Role.TRAINEE, CohortRole.TRAINEE),
    ("supervisor@example.com", "Dr Priya Nair", Role.SUPERVISOR, CohortRole.SUPERVISOR),
    ("trainer@example.com", "Jo Bennett", Role.TRAINER, CohortRole.TRAINER),
    ("admin@example.com", "Morgan Lee", Role.ADMIN, None),
]


class Command(BaseCommand):
    help = "Create the demo cohort and demo logins (local mode only). Safe to run repeatedly."

    @transaction.atomic
    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("Demo data is refused under TEND_ENV=production.")
        cohort, _ = Cohort.objects.get_or_create(
            name="Demo cohort: Foundations of CFT",
            defaults={
                "description": "A demonstration cohort for trying Tend.",
                "starts_on": date.today() - timedelta(days=14),
                "ends_on": date.today() + timedelta(days=180),
            },
        )
        people = {}
        for email, name, role, cohort_role in DEMO_PEOPLE:
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User.objects.create_user(
                    email, DEMO_PASSWORD, display_name=name, role=role,
                    is_staff=role == Role.ADMIN, is_superuser=role == Role.ADMIN,
                )
            EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
            if cohort_role:
                Membership.objects.get_or_create(cohort=cohort, user=user, defaults={"role": cohort_role})
            people[email] = user
        SupervisorAssignment.objects.get_or_create(
            cohort=cohort, trainee=people["trainee@example.com"],
            defaults={"supervisor": people["supervisor@example.com"]},
        )
        # Each app adds its own demo data in its demo.py: def load(people, cohort) (idempotent).
        call_all("demo", "load", people=people, cohort=cohort)
        port = os.environ.get("PORT", "8000")
        self.stdout.write(self.style.SUCCESS(f"Demo data is ready. Sign in at http://127.0.0.1:{port} with:"))
        for email, name, role, _ in DEMO_PEOPLE:
            self.stdout.write(f"  {email:<26} password: {DEMO_PASSWORD}   ({role.label})")
        self.stdout.write("Supervisor, trainer and admin are asked to set up two-factor authentication at first sign-in.")
