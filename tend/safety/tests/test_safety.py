from django.urls import reverse

from tend.journal.models import JournalEntry
from tend.safety.models import CrisisContact, ScreenEvent

HIGH = "I have been saving my tablets and I know how I'd do it."
POSSIBLE = "Everyone would be better off without me."


def autosave(client, entry, body, save_id="s1", version=1):
    return client.post(reverse("journal:autosave", args=[entry.pk]), {
        "base_version": version, "save_id": save_id, "title": "", "body": body,
        "entry_date": "2026-11-20", "tags": "", "visibility": "private",
    })


def test_saving_never_waits_on_the_screen_and_the_answer_says_the_level(client, trainee):
    entry = JournalEntry.objects.create(owner=trainee)
    client.force_login(trainee)
    response = autosave(client, entry, HIGH)
    assert response.status_code == 200 and response.json()["risk"] == "high"
    entry.refresh_from_db()
    assert entry.body == HIGH  # saved in full
    assert autosave(client, entry, "A calm day at placement.", "s2", 2).json()["risk"] == "none"


def test_only_the_fact_is_counted_once_per_entry_and_level(client, trainee):
    entry = JournalEntry.objects.create(owner=trainee)
    client.force_login(trainee)
    autosave(client, entry, HIGH, "a", 1)
    autosave(client, entry, HIGH + " Still.", "b", 2)
    autosave(client, entry, POSSIBLE, "c", 3)
    assert sorted(ScreenEvent.objects.values_list("level", flat=True)) == ["high", "possible"]
    assert [field.name for field in ScreenEvent._meta.fields] == ["id", "day", "level", "source"]  # no text, no person


def test_a_plain_save_shows_the_support_panel_on_the_next_page_once(client, trainee):
    entry = JournalEntry.objects.create(owner=trainee)
    client.force_login(trainee)
    response = client.post(reverse("journal:edit", args=[entry.pk]), {
        "base_version": 1, "save_id": "p1", "title": "", "body": HIGH, "entry_date": "2026-11-20", "tags": "", "visibility": "private",
    }, follow=True)
    assert b"have to hold this alone" in response.content and b"Find A Helpline" in response.content
    assert b"have to hold this alone" not in client.get(reverse("journal:list")).content


def test_a_possible_level_gets_a_gentle_check_in(client, trainee):
    entry = JournalEntry.objects.create(owner=trainee)
    client.force_login(trainee)
    response = client.post(reverse("journal:edit", args=[entry.pk]), {
        "base_version": 1, "save_id": "p1", "title": "", "body": POSSIBLE, "entry_date": "2026-11-20", "tags": "", "visibility": "private",
    }, follow=True)
    assert b"Checking in with you" in response.content and b"alertdialog" not in response.content


def test_nobody_else_sees_anything(client, personas):
    entry = JournalEntry.objects.create(owner=personas.trainee, visibility="supervisor")
    client.force_login(personas.trainee)
    client.post(reverse("journal:edit", args=[entry.pk]), {
        "base_version": 1, "save_id": "p1", "title": "", "body": HIGH, "entry_date": "2026-11-20", "tags": "", "visibility": "supervisor",
    })
    client.force_login(personas.supervisor)
    page = client.get(reverse("journal:detail", args=[entry.pk]))
    assert b"have to hold this alone" not in page.content and b"Checking in" not in page.content


def test_support_page_lists_the_organisations_contacts_for_anyone(client, db):
    CrisisContact.objects.create(name="Our staff wellbeing line", phone="0800 000 000", hours="9–5 weekdays", order=1)
    page = client.get(reverse("safety:support"))
    assert page.status_code == 200
    assert b"Our staff wellbeing line" in page.content and b"tel:0800000000" in page.content and b"Find A Helpline" in page.content


def test_the_safety_report_is_for_admins_and_shows_counts_only(client, personas):
    ScreenEvent.objects.create(day="2026-11-18", level="high", source="journal")
    client.force_login(personas.trainer)
    assert client.get(reverse("safety:report")).status_code == 403
    client.force_login(personas.admin)
    page = client.get(reverse("safety:report"))
    assert page.status_code == 200 and b"<td>1</td>" in page.content
    assert "Read these counts as a floor" in page.content.decode()


def test_the_safety_report_says_whether_the_screen_uses_embeddings(client, personas, monkeypatch):
    client.force_login(personas.admin)
    monkeypatch.setenv("TEND_FEEDBACK_EMBEDDINGS", "0")
    assert "runs without sentence embeddings" in client.get(reverse("safety:report")).content.decode()
    monkeypatch.setattr("tend.feedback.embeddings.available", lambda: True)
    assert "compares the meaning of sentences" in client.get(reverse("safety:report")).content.decode()


def test_every_page_has_a_get_support_link(client, trainee):
    client.force_login(trainee)
    for name in ("home", "journal:list", "learn:overview"):
        assert b'href="/support/"' in client.get(reverse(name)).content


def test_with_no_contacts_configured_the_international_directory_is_shown(client, db):
    CrisisContact.objects.all().delete()
    assert b"Find A Helpline" in client.get(reverse("safety:support")).content
    CrisisContact.objects.create(name="Our staff line", phone="0800 111 111")
    page = client.get(reverse("safety:support")).content
    assert b"Our staff line" in page and b"Find A Helpline" not in page
