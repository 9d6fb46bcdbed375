from django.core.management.base import BaseCommand

from tend.journal.services import purge_deleted


class Command(BaseCommand):
    help = "Permanently remove journal entries whose undo window has passed (run from cron)."

    def handle(self, *args, **options):
        self.stdout.write(f"{purge_deleted()} deleted entries removed for good.")
