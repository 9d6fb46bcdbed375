"""Reads of the journal. Encrypted text can only be searched after decryption, so search
runs over the person's own entries in Python."""

from tend.core import access
from tend.core.models import Visibility
from tend.journal.models import JournalEntry


def own_entries(user, *, query: str = "", tag: str = "") -> list[JournalEntry]:
    entries = list(JournalEntry.objects.live().filter(owner=user))
    if query:
        entries = [entry for entry in entries if entry.matches(query)]
    if tag:
        entries = [entry for entry in entries if tag.casefold() in (t.casefold() for t in entry.tag_list)]
    return entries


def all_tags(entries: list[JournalEntry]) -> list[str]:
    return sorted({tag for entry in entries for tag in entry.tag_list}, key=str.casefold)


def shared_with(user) -> list[JournalEntry]:
    """Entries other people chose to share with this person (as their supervisor)."""
    return list(
        access.visible_to(user, JournalEntry.objects.live().exclude(owner=user))
        .filter(visibility=Visibility.SUPERVISOR)
        .select_related("owner")
    )


def export_rows(user) -> list[dict]:
    return [
        {
            "id": entry.pk,
            "date": entry.entry_date.isoformat(),
            "title": entry.title,
            "tags": entry.tag_list,
            "visibility": entry.visibility,
            "body": entry.body,
            "created_at": entry.created_at.isoformat(),
            "updated_at": entry.updated_at.isoformat(),
            "version": entry.version,
        }
        for entry in JournalEntry.objects.live().filter(owner=user).order_by("entry_date", "created_at")
    ]
