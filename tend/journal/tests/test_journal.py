import json
from datetime import date, timedelta

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tend.core.audit import AuditEvent
from tend.core.crypto import DecryptionError
from tend.core.models import Visibility
from tend.journal.models import JournalEntry

SECRET = "I felt ashamed after the session with my client"


@pytest.fixture
def entry(trainee):
    return JournalEntry.objects.create(owner=trainee, title="After supervision", body=SECRET, tags="shame, sessions")


def raw_row(entry) -> tuple:
    with connection.cursor() as cursor:
        cursor.execute("SELECT title, body, tags FROM journal_journalentry WHERE id = %s", [entry.pk])
        return cursor.fetchone()


def test_the_database_holds_no_plaintext(entry):
    stored = " ".join(raw_row(entry))
    assert "ashamed" not in stored and "supervision" not in stored and "sessions" not in stored
    assert JournalEntry.objects.get(pk=entry.pk).body == SECRET


def test_tampered_ciphertext_is_refused_not_misread(entry):
    title, body, tags = raw_row(entry)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE journal_journalentry SET body = %s WHERE id = %s", [body[:-4] + "AAAA", entry.pk])
    with pytest.raises(DecryptionError):
        JournalEntry.objects.get(pk=entry.pk)


def test_reencrypt_moves_every_value_to_the_newest_key(entry, settings):
    old_keys = list(settings.TEND_ENCRYPTION_KEYS)
    new_key = Fernet.generate_key().decode()
    settings.TEND_ENCRYPTION_KEYS = [new_key, *old_keys]
    call_command("reencrypt", stdout=open("/dev/null", "w"))
    settings.TEND_ENCRYPTION_KEYS = [new_key]  # the old key is retired
    assert JournalEntry.objects.get(pk=entry.pk).body == SECRET
    assert Fernet(new_key.encode()).decrypt(raw_row(entry)[1].encode()).decode() == SECRET


def test_new_entry_is_private_and_opens_the_editor(client, trainee):
    client.force_login(trainee)
    response = client.post(reverse("journal:create"))
    entry = JournalEntry.objects.get(owner=trainee)
    assert response["Location"] == reverse("journal:edit", args=[entry.pk])
    assert entry.visibility == Visibility.PRIVATE
    editor = client.get(response["Location"])
    assert b'data-autosave-url="/journal/' in editor.content


def test_plain_save_without_javascript_works_and_keeps_text_on_error(client, trainee, entry):
    client.force_login(trainee)
    url = reverse("journal:edit", args=[entry.pk])
    bad = client.post(url, {"base_version": 1, "title": "x" * 300, "body": "keep me", "entry_date": "2026-11-02", "tags": "", "visibility": "private"})
    assert bad.status_code == 400
    assert b"keep me" in bad.content and b"under 200 characters" in bad.content
    good = client.post(url, {"base_version": 1, "save_id": "s1", "title": "New", "body": "kept", "entry_date": "2026-11-02", "tags": "a", "visibility": "supervisor"})
    assert good.status_code == 302
    entry.refresh_from_db()
    assert (entry.title, entry.body, entry.visibility, entry.version) == ("New", "kept", "supervisor", 2)


def test_search_finds_words_in_title_body_and_tags(client, trainee, entry):
    JournalEntry.objects.create(owner=trainee, title="Breathing", body="soothing rhythm felt slow")
    client.force_login(trainee)
    found = client.get(reverse("journal:list"), {"q": "ASHAMED"})
    assert b"After supervision" in found.content and b"Breathing" not in found.content
    by_tag = client.get(reverse("journal:list"), {"tag": "sessions"})
    assert b"After supervision" in by_tag.content and b"Breathing" not in by_tag.content


def test_search_never_shows_other_peoples_entries(client, personas, entry):
    client.force_login(personas.cohort_peer)
    response = client.get(reverse("journal:list"), {"q": "ashamed"})
    assert b"After supervision" not in response.content


def test_markdown_is_rendered_and_sanitised(client, trainee):
    entry = JournalEntry.objects.create(owner=trainee, body="**kind** <script>alert(1)</script> [x](javascript:alert(1))")
    client.force_login(trainee)
    html = client.get(reverse("journal:detail", args=[entry.pk])).content.decode()
    assert "<strong>kind</strong>" in html
    assert "<script>alert" not in html and "javascript:" not in html


def test_delete_can_be_undone_then_is_purged_after_the_window(client, trainee, entry, settings):
    client.force_login(trainee)
    response = client.post(reverse("journal:delete", args=[entry.pk]))
    assert b"Undo" in response.content
    assert b"After supervision" not in client.get(reverse("journal:list")).content
    client.post(reverse("journal:restore", args=[entry.pk]))
    assert b"After supervision" in client.get(reverse("journal:list")).content
    client.post(reverse("journal:delete", args=[entry.pk]))
    JournalEntry.objects.filter(pk=entry.pk).update(deleted_at=timezone.now() - timedelta(seconds=settings.TEND_JOURNAL_UNDO_SECONDS + 1))
    client.get(reverse("journal:list"))
    assert not JournalEntry.objects.filter(pk=entry.pk).exists()


def test_export_gives_all_own_entries_as_json_and_markdown(client, trainee, entry, personas):
    JournalEntry.objects.create(owner=personas.cohort_peer, title="Not mine", body="peer text")
    client.force_login(trainee)
    data = json.loads(client.get(reverse("journal:export_json")).content)
    assert [row["body"] for row in data["entries"]] == [SECRET]
    markdown = client.get(reverse("journal:export_markdown"))
    assert markdown["Content-Disposition"].startswith("attachment")
    assert SECRET in markdown.content.decode() and "peer text" not in markdown.content.decode()


def test_supervisor_reads_a_shared_entry_and_the_access_is_audited(client, personas, entry):
    entry.visibility = Visibility.SUPERVISOR
    entry.save()
    client.force_login(personas.supervisor)
    assert b"After supervision" in client.get(reverse("journal:shared_with_me")).content
    assert SECRET.encode() in client.get(reverse("journal:detail", args=[entry.pk])).content
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.SHARED_ENTRY_VIEWED)
    assert (event.actor_id, event.subject_user_id, event.object_id) == (personas.supervisor.pk, personas.trainee.pk, str(entry.pk))
    assert SECRET not in json.dumps(event.detail)


@pytest.mark.parametrize("who", ["trainer", "admin", "other_supervisor", "cohort_peer"])
def test_private_entries_are_404_for_everyone_else_and_the_denial_is_audited(client, personas, entry, who):
    client.force_login(getattr(personas, who))
    assert client.get(reverse("journal:detail", args=[entry.pk])).status_code == 404
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.PERMISSION_DENIED, object_id=str(entry.pk)).exists()


def test_django_admin_never_shows_journal_text(client, personas, entry):
    client.force_login(personas.admin)
    listing = client.get(reverse("admin:journal_journalentry_changelist"))
    page = client.get(reverse("admin:journal_journalentry_change", args=[entry.pk]))
    assert listing.status_code == 200 and page.status_code == 200
    for response in (listing, page):
        assert b"ashamed" not in response.content and b"After supervision" not in response.content


def test_journal_list_query_count_stays_constant_as_entries_grow(client, trainee):
    client.force_login(trainee)

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("journal:list")).status_code == 200
        return len(ctx)

    JournalEntry.objects.create(owner=trainee, body="one", entry_date=date(2026, 1, 1))
    queries()  # warm-up: the first request of a session does one-off work
    few = queries()
    JournalEntry.objects.bulk_create([JournalEntry(owner=trainee, body=f"entry {n}", tags="t") for n in range(30)])
    assert queries() == few
