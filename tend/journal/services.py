"""Writes to the journal."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from tend.journal.models import JournalEntry


def entry_create(*, owner) -> JournalEntry:
    return JournalEntry.objects.create(owner=owner)


def purge_deleted(*, owner=None) -> int:
    """Permanently removes entries whose undo window has passed."""
    cutoff = timezone.now() - timedelta(seconds=settings.TEND_JOURNAL_UNDO_SECONDS)
    entries = JournalEntry.objects.filter(deleted_at__lt=cutoff)
    if owner is not None:
        entries = entries.filter(owner=owner)
    count, _ = entries.delete()
    return count
