"""For cron: `manage.py send_notification_digests --frequency daily` (e.g. every morning) and
`--frequency weekly` (e.g. Monday mornings). Queues the work for `manage.py db_worker`; with
--now it sends in this process instead."""

from django.core.management.base import BaseCommand

from tend.notifications import services, tasks
from tend.notifications.models import EmailDigest


class Command(BaseCommand):
    help = "Queue (or, with --now, send) the daily or weekly notification summary emails."

    def add_arguments(self, parser):
        parser.add_argument("--frequency", required=True, choices=[EmailDigest.DAILY, EmailDigest.WEEKLY])
        parser.add_argument("--now", action="store_true", help="send in this process instead of queueing for the worker")

    def handle(self, *args, frequency, now, **options):
        if now:
            sent = services.send_digests(frequency)
            self.stdout.write(f"Sent {sent} {frequency} notification email(s).")
            return
        result = tasks.send_digests.enqueue(frequency)
        self.stdout.write(f"Queued the {frequency} notification emails (task {result.id}); `manage.py db_worker` sends them.")
