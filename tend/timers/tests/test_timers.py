import json

import pytest
from django.urls import reverse

from tend.diary.models import PracticeLog
from tend.timers.models import MindfulSession

pytestmark = pytest.mark.django_db

URL = "/practise/timers/"


def record_data(**changes) -> dict:
    data = {"client_id": "client-0001", "kind": "body_scan", "started_at": "2026-11-20T10:00:00+00:00",
            "planned_seconds": "600", "duration_seconds": "540", "bells_every": "5", "completed": ""}
    return data | changes


def test_the_timer_page_offers_both_practices_a_settling_note_and_bells(client, trainee):
    client.force_login(trainee)
    response = client.get(reverse("timers:timer"))
    assert response.status_code == 200
    html = response.content.decode()
    for text in ("Mindful breathing", "Body scan", "Settling in", "noticing it has wandered is the practice",
                 'min="1" max="60"', "Gentle bells", 'data-speed="1"', reverse("timers:record")):
        assert text in html, text
    assert "<script>" not in html and "style=" not in html  # the strict CSP: everything in static files


def test_query_values_are_checked_and_speed_is_clamped(client, trainee):
    client.force_login(trainee)
    html = client.get(URL, {"kind": "body_scan", "minutes": "90", "bells": "on", "bells_every": "7",
                            "speed": "99999"}).content.decode()
    assert 'id="kind-body_scan" name="kind" value="body_scan" aria-describedby="kind-body_scan-help" checked' in html
    assert 'value="60"' in html and 'data-speed="600"' in html
    assert 'id="bells" name="bells" value="on" aria-describedby="bells-help" checked' in html
    assert '<option value="5" selected>' in html  # 7 is not offered: the default stands
    for bad in ("nan", "abc", "-3", "0.5"):
        assert 'data-speed="1"' in client.get(URL, {"speed": bad}).content.decode()
    assert 'value="10"' in client.get(URL, {"minutes": "x"}).content.decode()
    assert 'value="1"' in client.get(URL, {"minutes": "0"}).content.decode()


def test_a_finished_sitting_is_logged_once_with_its_kind_and_bells(client, trainee):
    client.force_login(trainee)
    first = client.post(reverse("timers:record"), record_data())
    assert first.status_code == 201, first.content
    again = client.post(reverse("timers:record"), record_data())  # a retry of the same save
    assert again.status_code == 200 and again.json()["status"] == "already-saved"
    log = PracticeLog.objects.get(owner=trainee)
    assert (log.tool, log.duration_seconds, log.automatic) == ("mindful", 540, True)
    assert log.details == {"kind": "body_scan", "bells_every": 5}
    assert first.json()["diary_url"] == again.json()["diary_url"] == reverse("diary:edit", args=[log.pk])
    session = MindfulSession.objects.get(owner=trainee)
    assert (session.planned_seconds, session.duration_seconds, session.completed, session.practice_log) == (
        600, 540, False, log)


def test_json_body_bells_off_and_a_sped_up_run_say_so(client, trainee):
    client.force_login(trainee)
    body = {"client_id": "abcdefgh-1", "kind": "mindful", "started_at": "2026-11-20T10:00:00Z", "planned_seconds": 60,
            "duration_seconds": 60, "bells_every": 0, "completed": True, "speed": 30}
    response = client.post(reverse("timers:record"), json.dumps(body), content_type="application/json")
    assert response.status_code == 201, response.content
    log = PracticeLog.objects.get(owner=trainee)
    assert log.details == {"kind": "mindful", "bells_every": 0, "speed": 30}
    assert MindfulSession.objects.get(owner=trainee).completed


def test_nothing_practised_is_stored_but_not_put_in_the_diary(client, trainee):
    client.force_login(trainee)
    response = client.post(reverse("timers:record"), record_data(duration_seconds="0"))
    assert response.status_code == 201 and response.json()["diary_url"] == ""
    assert not PracticeLog.objects.exists()


def test_the_same_client_id_from_two_people_is_two_sittings(client, trainee, personas):
    client.force_login(trainee)
    assert client.post(reverse("timers:record"), record_data()).status_code == 201
    client.force_login(personas.other_trainee)
    assert client.post(reverse("timers:record"), record_data()).status_code == 201
    assert PracticeLog.objects.filter(owner=personas.other_trainee).count() == 1
    assert PracticeLog.objects.filter(owner=trainee).count() == 1


@pytest.mark.parametrize(
    "changes",
    [
        {"kind": "yoga"},
        {"client_id": ""},
        {"client_id": "x" * 65},
        {"duration_seconds": "700"},  # more than was planned
        {"planned_seconds": "3660"},  # over an hour
        {"planned_seconds": "30"},  # under a minute
        {"duration_seconds": "-1"},
        {"bells_every": "61"},
        {"started_at": "2999-01-01T00:00:00+00:00"},
        {"speed": "0.5"},
    ],
)
def test_bad_records_are_refused_and_nothing_is_logged(client, trainee, changes):
    client.force_login(trainee)
    response = client.post(reverse("timers:record"), record_data(**changes))
    assert response.status_code == 400 and response.json()["status"] == "invalid"
    assert not PracticeLog.objects.exists() and not MindfulSession.objects.exists()


def test_broken_json_is_refused(client, trainee):
    client.force_login(trainee)
    for body in ("{not json", "[1, 2]"):
        response = client.post(reverse("timers:record"), body, content_type="application/json")
        assert response.status_code == 400


def test_record_needs_a_post_and_a_signed_in_person(client, trainee):
    assert client.post(reverse("timers:record"), record_data()).status_code == 302  # to sign in
    client.force_login(trainee)
    assert client.get(reverse("timers:record")).status_code == 405
    assert not PracticeLog.objects.exists()


def test_the_diary_link_is_the_owners_alone(client, trainee, personas):
    client.force_login(trainee)
    diary_url = client.post(reverse("timers:record"), record_data()).json()["diary_url"]
    assert client.get(diary_url).status_code == 200
    client.force_login(personas.supervisor)
    assert client.get(diary_url).status_code == 404
