"""Queues today's measure reminders (run once a day, e.g. from cron; `manage.py db_worker` sends them)."""

from datetime import date

from django.core.management.base import BaseCommand
from django.utils import timezone

from tend.questionnaires.services import enqueue_reminders


class Command(BaseCommand):
    help = "Queue email reminders for measures due today."

    def add_arguments(self, parser):
        parser.add_argument("--date", type=date.fromisoformat, help="the day to remind for (default: today)")

    def handle(self, *args, **options):
        queued = enqueue_reminders(options["date"] or timezone.localdate())
        self.stdout.write(f"Queued {queued} reminder(s).")
