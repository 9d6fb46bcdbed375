from django.utils import timezone

from datetime import timedelta

from tend.diary.models import PracticeLog
from tend.diary.services import practice_log
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


def log_writing(letter: Letter) -> None:
    """The first time a letter is saved and closed, the writing goes into the practice diary."""
    if PracticeLog.objects.filter(owner_id=letter.owner_id, tool="letter", details__letter=letter.pk).exists():
        return
    minutes = min(timezone.now() - letter.created_at, timedelta(hours=1))
    practice_log(owner=letter.owner, tool="letter", started_at=letter.created_at,
                 duration_seconds=int(minutes.total_seconds()), details={"letter": letter.pk})
