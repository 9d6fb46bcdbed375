"""The practice flow: next level from self-ratings, owner-only access, autosave, feedback score, query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from tend.drills import services
from tend.drills.models import DrillAttempt

JUDGEMENTAL = "Honestly, you brought this on yourself."


@pytest.fixture
def skill():
    return services.skills()[0]


@pytest.fixture
def attempt(trainee, skill):
    return services.start_attempt(trainee, skill)


@pytest.mark.parametrize(("level", "difficulty", "expected"), [
    ("beginner", "too_easy", "intermediate"), ("intermediate", "too_easy", "advanced"), ("advanced", "too_easy", "advanced"),
    ("intermediate", "good", "intermediate"), ("intermediate", "too_hard", "beginner"), ("beginner", "too_hard", "beginner"),
    ("advanced", None, "advanced"),
])
def test_next_level_follows_the_self_rating(level, difficulty, expected):
    assert services.next_level(level, difficulty) == expected


def test_practice_starts_at_beginner_prefers_new_drills_and_moves_up_after_too_easy(client, trainee, skill):
    client.force_login(trainee)
    first = DrillAttempt.objects.get(pk=client.post(reverse("drills:practise", args=[skill.id])).url.split("/")[-2])
    assert first.level == "beginner" and first.visibility == "private"
    second = services.start_attempt(trainee, skill)
    assert second.level == "beginner" and second.drill_id != first.drill_id  # not yet attempted preferred
    response = client.post(reverse("drills:rate", args=[second.pk]), {"difficulty": "too_easy", "reaction_strength": 3})
    assert response.status_code == 302
    second.refresh_from_db()
    assert (second.difficulty, second.reaction_strength) == ("too_easy", 3)
    page = client.get(reverse("drills:attempt", args=[second.pk]))
    assert "Continue at intermediate level" in page.content.decode()
    assert services.start_attempt(trainee, skill).level == "intermediate"


def test_skill_list_shows_all_sixteen_skills_with_progress(client, trainee, attempt):
    DrillAttempt.objects.filter(pk=attempt.pk).update(score=2.5)
    client.force_login(trainee)
    response = client.get(reverse("drills:skills"))
    rows = response.context["rows"]
    assert len(rows) == 16
    assert (rows[0].attempts, rows[0].level, rows[0].scores) == (1, "beginner", [2.5])
    assert all(r.attempts == 0 for r in rows[1:])


@pytest.mark.parametrize("name", ["drills:attempt", "drills:autosave", "drills:feedback", "drills:rate"])
def test_someone_elses_attempt_is_not_found(client, personas, attempt, name):
    for other in (personas.other_trainee, personas.supervisor, personas.admin):
        client.force_login(other)
        url = reverse(name, args=[attempt.pk])
        response = client.get(url) if name == "drills:attempt" else client.post(url, {"reply": "x", "base_version": 1, "difficulty": "good"})
        assert response.status_code == 404


def test_a_reply_autosaves_encrypted(client, trainee, attempt):
    client.force_login(trainee)
    url = reverse("drills:autosave", args=[attempt.pk])
    response = client.post(url, {"base_version": 1, "save_id": "a", "reply": "That sounds so heavy."})
    assert response.status_code == 200 and response.json()["version"] == 2
    assert client.post(url, {"base_version": 1, "save_id": "b", "reply": "stale"}).status_code == 409
    attempt.refresh_from_db()
    assert attempt.reply == "That sounds so heavy."
    with connection.cursor() as cursor:
        cursor.execute("SELECT reply FROM drills_drillattempt WHERE id = %s", [attempt.pk])
        assert "heavy" not in cursor.fetchone()[0]


def test_feedback_stores_the_score_highlights_and_reveals_the_self_check(client, trainee, attempt, skill):
    client.force_login(trainee)
    response = client.post(reverse("drills:feedback", args=[attempt.pk]), {"reply": f"I hear you. {JUDGEMENTAL}"})
    text = response.content.decode()
    attempt.refresh_from_db()
    assert attempt.score is not None and attempt.score < 2
    assert "<mark>" in text and "Two model replies" in text and escape(skill.mastery_criteria[0]) in text
    assert "Save my rating" in text


def test_the_attempt_page_runs_a_constant_number_of_queries(client, trainee, skill, attempt):
    client.force_login(trainee)
    url = reverse("drills:attempt", args=[attempt.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for _ in range(10):
        DrillAttempt.objects.create(owner=trainee, skill_id=skill.id, drill_id=attempt.drill_id, level="beginner", score=2.0, difficulty="good")
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)
    with CaptureQueriesContext(connection) as list_few:
        client.get(reverse("drills:skills"))
    DrillAttempt.objects.create(owner=trainee, skill_id=services.skills()[3].id, drill_id="x", level="beginner")
    with CaptureQueriesContext(connection) as list_many:
        client.get(reverse("drills:skills"))
    assert len(list_many) == len(list_few)


def test_a_stale_tab_keeps_its_reply_and_the_writer_chooses_on_the_compare_page(client, trainee, attempt):
    client.force_login(trainee)
    url = reverse("drills:autosave", args=[attempt.pk])
    assert client.post(url, {"base_version": 1, "save_id": "a", "reply": "First tab"}).status_code == 200
    stale = client.post(url, {"base_version": 1, "save_id": "b", "reply": "Second tab zqkept"})
    assert stale.status_code == 409
    compare = client.get(stale.json()["conflict_url"])
    page = compare.content.decode()
    assert "First tab" in page and "Second tab zqkept" in page
    assert client.post(stale.json()["conflict_url"], {"keep": "mine"}).status_code == 302
    attempt.refresh_from_db()
    assert attempt.reply == "Second tab zqkept"
