"""The shared autosave rules: saved, replayed (idempotent retry), conflict (text kept)."""

import json
import threading

import pytest
from django.db import connection, connections
from django.urls import reverse

from tend.core import autosave
from tend.core.models import ConflictCopy
from tend.journal.models import JournalEntry


@pytest.fixture
def entry(trainee):
    return JournalEntry.objects.create(owner=trainee, body="first")


def test_a_save_on_the_current_version_is_written(entry):
    outcome = autosave.save_version(entry, base_version=1, save_id="a", values={"body": "second"})
    assert (outcome.status, outcome.version) == ("saved", 2)
    entry.refresh_from_db()
    assert (entry.body, entry.version, entry.last_save_id) == ("second", 2, "a")


def test_a_retried_save_that_already_committed_is_acknowledged_not_repeated(entry):
    autosave.save_version(entry, base_version=1, save_id="a", values={"body": "second"})
    retry = autosave.save_version(entry, base_version=1, save_id="a", values={"body": "second"})
    assert (retry.status, retry.version) == ("replayed", 2)
    assert ConflictCopy.objects.count() == 0
    entry.refresh_from_db()
    assert entry.version == 2


def test_a_stale_save_is_kept_as_a_conflict_copy_before_answering(entry):
    autosave.save_version(entry, base_version=1, save_id="tab-a", values={"body": "from tab A"})
    outcome = autosave.save_version(entry, base_version=1, save_id="tab-b", values={"body": "from tab B"})
    assert outcome.status == "conflict"
    assert outcome.version == 2
    entry.refresh_from_db()
    assert entry.body == "from tab A"
    copy = ConflictCopy.objects.get()
    assert json.loads(copy.fields_json)["body"] == "from tab B"
    assert copy.base_version == 1


def test_autosave_endpoint_answers_json_and_409_for_a_stale_tab(client, trainee, entry):
    client.force_login(trainee)
    url = reverse("journal:autosave", args=[entry.pk])
    fields = {"title": "T", "entry_date": "2026-11-01", "tags": "", "visibility": "private"}
    first = client.post(url, {**fields, "base_version": 1, "save_id": "x1", "body": "one"})
    assert first.status_code == 200 and first.json()["status"] == "saved" and first.json()["version"] == 2
    stale = client.post(url, {**fields, "base_version": 1, "save_id": "x2", "body": "two"})
    assert stale.status_code == 409
    assert stale.json()["conflict_url"].startswith(f"/journal/{entry.pk}/conflicts/")
    conflict_page = client.get(stale.json()["conflict_url"])
    assert b"one" in conflict_page.content and b"two" in conflict_page.content


def test_autosave_rejects_oversized_text_without_touching_the_entry(client, trainee, entry, settings):
    settings.TEND_AUTOSAVE_MAX_CHARS = 10
    client.force_login(trainee)
    response = client.post(
        reverse("journal:autosave", args=[entry.pk]),
        {"base_version": 1, "save_id": "big", "body": "x" * 11, "title": "", "entry_date": "2026-11-01", "tags": "", "visibility": "private"},
    )
    assert response.status_code == 400
    assert "longer than" in response.json()["errors"]["body"][0]
    entry.refresh_from_db()
    assert entry.body == "first"


@pytest.mark.django_db(transaction=True)
def test_concurrent_saves_from_one_base_version_let_exactly_one_win(trainee):
    """Twenty writers race from version 1: one is saved, nineteen become conflict copies."""
    if connection.vendor != "postgresql":
        pytest.skip("Row-lock races are exercised on PostgreSQL; SQLite serialises writers.")
    entry = JournalEntry.objects.create(owner=trainee, body="start")
    outcomes, barrier = [], threading.Barrier(20)

    def writer(n):
        barrier.wait()
        try:
            outcomes.append(autosave.save_version(entry, base_version=1, save_id=f"w{n}", values={"body": f"text {n}"}))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(o.status for o in outcomes).count("saved") == 1
    assert ConflictCopy.objects.count() == 19
    kept = {json.loads(c.fields_json)["body"] for c in ConflictCopy.objects.all()} | {JournalEntry.objects.get().body}
    assert kept == {f"text {n}" for n in range(20)}
