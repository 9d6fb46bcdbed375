import pytest
from django.db import connection
from django.urls import reverse

from tend.core.models import ConflictCopy
from tend.letters.models import Letter, LetterVersion

KIND = "Dear me, of course today hurt. You cared, and your threat system went into overdrive. Tomorrow, one small step: ask for help."


def autosave(client, letter, body, version, save_id, **extra):
    return client.post(reverse("letters:autosave", args=[letter.pk]), {
        "base_version": version, "save_id": save_id, "title": "After supervision", "perspective": "compassionate_self",
        "body": body, "visibility": "private", **extra,
    })


@pytest.fixture
def letter(trainee):
    return Letter.objects.create(owner=trainee)


def test_writing_autosaves_encrypted_and_keeps_the_checklist(client, trainee, letter):
    client.force_login(trainee)
    response = autosave(client, letter, KIND, 1, "a", checklist=["warmth", "next_step"])
    assert response.status_code == 200 and response.json()["version"] == 2
    letter.refresh_from_db()
    assert letter.body == KIND and letter.checklist == ["warmth", "next_step"] and letter.visibility == "private"
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM letters_letter WHERE id = %s", [letter.pk])
        assert "threat system" not in cursor.fetchone()[0]


def test_a_stale_tab_keeps_its_text_and_gets_the_shared_conflict_page(client, trainee, letter):
    client.force_login(trainee)
    autosave(client, letter, "first tab", 1, "a")
    stale = autosave(client, letter, "second tab", 1, "b")
    assert stale.status_code == 409
    assert ConflictCopy.objects.count() == 1
    page = client.get(stale.json()["conflict_url"])
    assert b"first tab" in page.content and b"second tab" in page.content


def test_versions_are_kept_on_saving(client, trainee, letter):
    client.force_login(trainee)
    autosave(client, letter, "draft one", 1, "a")
    client.post(reverse("letters:edit", args=[letter.pk]), {
        "base_version": 2, "save_id": "b", "title": "T", "perspective": "friend", "body": "draft two", "visibility": "private",
    })
    assert list(LetterVersion.objects.values_list("body", flat=True)) == ["draft two", "draft one"]
    assert b"draft one" in client.get(reverse("letters:versions", args=[letter.pk])).content


def test_feedback_panel_on_the_letter_as_written(client, trainee, letter):
    client.force_login(trainee)
    response = client.post(reverse("letters:feedback", args=[letter.pk]), {"body": "You pathetic idiot. You should have known better."})
    assert b"Feedback on what you wrote" in response.content and b"Harsh self-attack" in response.content
    assert b"discuss with your supervisor" in response.content
    assert b"Write a few sentences first" in client.post(reverse("letters:feedback", args=[letter.pk]), {"body": "  "}).content


def test_sharing_with_the_supervisor_and_nobody_else(client, personas):
    letter = Letter.objects.create(owner=personas.trainee, body="kind words", visibility="supervisor")
    for who, status in [("supervisor", 200), ("trainer", 404), ("cohort_peer", 404), ("admin", 404)]:
        client.force_login(getattr(personas, who))
        assert client.get(reverse("letters:detail", args=[letter.pk])).status_code == status, who
    client.force_login(personas.supervisor)
    assert client.get(reverse("letters:edit", args=[letter.pk])).status_code == 404


def test_risky_words_in_a_letter_bring_support(client, trainee, letter):
    client.force_login(trainee)
    assert autosave(client, letter, "Dear me, I have been saving my tablets.", 1, "a").json()["risk"] == "high"


def test_saving_a_letter_logs_the_writing_to_the_diary_once(client, trainee, letter):
    from tend.diary.models import PracticeLog

    client.force_login(trainee)
    for version in (1, 2):
        client.post(reverse("letters:edit", args=[letter.pk]), {
            "base_version": version, "save_id": f"s{version}", "title": "", "perspective": "friend", "body": "kind words", "visibility": "private",
        })
    assert PracticeLog.objects.filter(owner=trainee, tool="letter").count() == 1
