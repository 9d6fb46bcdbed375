from django.utils import timezone

from tend.letters.models import Letter, LetterVersion


def letter_create(*, owner) -> Letter:
    return Letter.objects.create(owner=owner)


def snapshot(letter: Letter, *, force: bool = False) -> LetterVersion | None:
    """Keeps a version when asked, or when the last one is older than Letter.SNAPSHOT_EVERY."""
    letter.refresh_from_db()
    last = letter.versions.order_by("-created_at").first()
    if last and last.version == letter.version:
        return None
    if not force and last and timezone.now() - last.created_at < Letter.SNAPSHOT_EVERY:
        return None
    if not (letter.title or letter.body):
        return None
    return LetterVersion.objects.create(letter=letter, version=letter.version, title=letter.title, body=letter.body)
