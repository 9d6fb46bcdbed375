"""The weekly deliberate-practice diary: the week's drills, an autosaved reflection, a PDF."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tend.drills import diary, services
from tend.drills.models import DrillAttempt, PracticeWeek


def test_parse_week_gives_a_monday_and_never_the_future():
    today = date(2026, 11, 25)  # a Wednesday
    assert diary.parse_week(None, today) == date(2026, 11, 23)
    assert diary.parse_week("2026-11-12", today) == date(2026, 11, 9)
    assert diary.parse_week("2027-01-01", today) == date(2026, 11, 23)
    assert diary.parse_week("not a date", today) == date(2026, 11, 23)


def test_the_week_lists_its_drills_and_the_reflection_autosaves_privately(client, personas):
    trainee = personas.trainee
    skill = services.skills()[0]
    this_week = services.start_attempt(trainee, skill)
    old = services.start_attempt(trainee, skill)
    DrillAttempt.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=21))
    client.force_login(trainee)
    page = client.get(reverse("drills:diary"))
    rows = page.context["week"].rows
    assert [r.attempt.pk for r in rows] == [this_week.pk]
    entry = PracticeWeek.objects.get(owner=trainee)
    saved = client.post(reverse("drills:diary_autosave", args=[entry.pk]),
                        {"base_version": entry.version, "save_id": "s1", "learned": "Slowing down helped zqlearned"})
    assert saved.status_code == 200 and saved.json()["status"] == "saved"
    entry.refresh_from_db()
    assert entry.learned == "Slowing down helped zqlearned"
    client.force_login(personas.supervisor)
    assert client.post(reverse("drills:diary_autosave", args=[entry.pk]), {"learned": "x"}).status_code == 404
    assert "zqlearned" not in client.get(reverse("drills:diary")).content.decode()


def test_the_reflection_is_screened_for_the_writer(client, personas):
    client.force_login(personas.trainee)
    client.get(reverse("drills:diary"))
    entry = PracticeWeek.objects.get(owner=personas.trainee)
    response = client.post(reverse("drills:diary_autosave", args=[entry.pk]),
                           {"base_version": entry.version, "save_id": "s1", "learned": "I want to end my life."})
    assert response.json()["risk"] == "high"


def test_the_pdf_has_the_weeks_practice_and_reflection(personas):
    trainee = personas.trainee
    skill = services.skills()[0]
    attempt = services.start_attempt(trainee, skill)
    DrillAttempt.objects.filter(pk=attempt.pk).update(score=2.8, difficulty="good", reply="My reply zqreply")
    start = diary.week_start(timezone.localdate())
    PracticeWeek.objects.create(owner=trainee, week_start=start, learned="Pausing first zqlearned")
    week = diary.week_for(trainee, start)
    html = diary.render_html(week, trainee, include_replies=False)
    assert skill.title in html and "2.8 / 4" in html and "Pausing first zqlearned" in html and "zqreply" not in html
    assert "zqreply" in diary.render_html(week, trainee, include_replies=True)
    assert diary.render_pdf(week, trainee).startswith(b"%PDF")


@pytest.mark.parametrize("query", ["", "?replies=1"])
def test_the_pdf_downloads(client, trainee, query):
    client.force_login(trainee)
    response = client.get(reverse("drills:diary_pdf") + query)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
