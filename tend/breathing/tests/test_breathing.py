import json
from datetime import timedelta
from decimal import Decimal as D

import pytest
from django.urls import reverse
from django.utils import timezone

from tend.breathing import rhythm
from tend.breathing.forms import BreathingPatternForm
from tend.breathing.models import BreathingPattern, BreathingSession
from tend.core.audit import AuditEvent

pytestmark = pytest.mark.django_db


def pattern_data(**changes) -> dict:
    data = {"name": "Evening", "inhale_seconds": "4", "hold_in_seconds": "1", "exhale_seconds": "6",
            "hold_out_seconds": "1"}
    return data | changes


@pytest.fixture
def pattern(trainee):
    return BreathingPattern.objects.create(owner=trainee, name="Morning", inhale_seconds=D("4"), hold_in_seconds=D("0"),
                                           exhale_seconds=D("6"), hold_out_seconds=D("0"))


# --- The rules of a pattern ------------------------------------------------------------------


def test_the_default_is_about_five_and_a_half_breaths_a_minute():
    default = rhythm.DEFAULT_RHYTHM
    assert (default.inhale, default.hold_in, default.exhale, default.hold_out) == (4, 1, 5, 1)
    assert default.breaths_per_minute == pytest.approx(5.45, abs=0.01)
    assert rhythm.validate(default) == {}


@pytest.mark.parametrize(
    ("phases", "ok"),
    [
        ((3, 0, 3, 0), True),  # 10 a minute: the fastest allowed
        ((2.5, 0, 3, 0), False),  # 10.9 a minute
        ((8, 2, 8, 2), True),  # 3 a minute: the slowest allowed
        ((8, 2, 8, 2.5), False),  # 2.9 a minute
    ],
)
def test_overall_rate_must_be_three_to_ten_breaths_a_minute(phases, ok):
    errors = rhythm.validate(rhythm.Rhythm(*(D(str(p)) for p in phases)))
    assert (errors == {}) is ok, errors
    if not ok:
        assert "breaths per minute" in errors["__all__"][0]


def test_a_shorter_exhale_is_refused_with_a_specific_message_unless_allowed():
    short = rhythm.Rhythm(D("5"), D("0"), D("4"), D("0"))
    errors = rhythm.validate(short)
    assert list(errors) == ["exhale"]
    assert "Breathing out (4 s) is shorter than breathing in (5 s)" in errors["exhale"][0]
    assert "at least 5 s" in errors["exhale"][0]
    assert rhythm.validate(short, allow_shorter_exhale=True) == {}


def test_phase_bounds_have_their_own_messages():
    errors = rhythm.validate(rhythm.Rhythm(D("0.5"), D("-1"), D("16"), D("11")))
    assert set(errors) == {"inhale", "hold_in", "exhale", "hold_out"}
    assert "at least 1 s" in errors["inhale"][0]
    assert "0 for no pause" in errors["hold_in"][0]


def test_form_puts_each_error_on_its_field(trainee):
    form = BreathingPatternForm(pattern_data(exhale_seconds="3"), owner=trainee)
    assert not form.is_valid()
    assert "shorter than breathing in" in form.errors["exhale_seconds"][0]
    form = BreathingPatternForm(pattern_data(inhale_seconds="1", exhale_seconds="1", hold_in_seconds="0",
                                             hold_out_seconds="0"), owner=trainee)
    assert not form.is_valid()
    assert "faster than 10" in form.non_field_errors()[0]
    form = BreathingPatternForm(pattern_data(inhale_seconds=""), owner=trainee)
    assert not form.is_valid() and "inhale_seconds" in form.errors


def test_names_are_unique_per_person_only(trainee, personas, pattern):
    assert not BreathingPatternForm(pattern_data(name="morning"), owner=trainee).is_valid()
    assert BreathingPatternForm(pattern_data(name="Morning"), owner=personas.cohort_peer).is_valid()
    assert BreathingPatternForm(pattern_data(name="Morning"), owner=trainee, instance=pattern).is_valid()


# --- Views -------------------------------------------------------------------------------------


def test_pacer_page_offers_default_and_own_patterns_only(client, trainee, personas, pattern):
    BreathingPattern.objects.create(owner=personas.cohort_peer, name="Not yours zq", inhale_seconds=4,
                                    hold_in_seconds=0, exhale_seconds=5, hold_out_seconds=0)
    client.force_login(trainee)
    response = client.get(reverse("breathing:pacer"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Soothing rhythm (default)" in html and "Morning" in html and "Not yours zq" not in html
    assert 'data-phase="idle"' in html and "working for me" in html
    assert "style=" not in html  # strict CSP: no inline styles
    assert reverse("breathing:record") in html


def test_pacer_with_someone_elses_pattern_is_404(client, personas, pattern):
    client.force_login(personas.cohort_peer)
    assert client.get(reverse("breathing:pacer") + f"?pattern={pattern.pk}").status_code == 404
    assert client.get(reverse("breathing:pacer") + "?pattern=nonsense").status_code == 404
    client.force_login(personas.trainee)
    response = client.get(reverse("breathing:pacer") + f"?pattern={pattern.pk}")
    assert f'value="{pattern.pk}"' in response.content.decode()


def test_speed_is_clamped(client, trainee):
    client.force_login(trainee)
    assert 'data-speed="600"' in client.get(reverse("breathing:pacer") + "?speed=1e9").content.decode()
    assert 'data-speed="1"' in client.get(reverse("breathing:pacer") + "?speed=nan").content.decode()
    assert 'data-speed="1"' in client.get(reverse("breathing:pacer")).content.decode()


def test_create_list_edit_delete_a_pattern(client, trainee):
    client.force_login(trainee)
    response = client.post(reverse("breathing:patterns"), pattern_data())
    assert response.status_code == 302
    created = BreathingPattern.objects.get(owner=trainee)
    assert (created.name, created.exhale_seconds) == ("Evening", 6)
    assert "Evening" in client.get(reverse("breathing:patterns")).content.decode()

    response = client.post(reverse("breathing:pattern_edit", args=[created.pk]), pattern_data(exhale_seconds="2"))
    assert response.status_code == 400
    assert "shorter than breathing in" in response.content.decode()
    response = client.post(reverse("breathing:pattern_edit", args=[created.pk]), pattern_data(name="Later", exhale_seconds="7"))
    assert response.status_code == 302
    created.refresh_from_db()
    assert (created.name, created.exhale_seconds) == ("Later", 7)

    assert client.post(reverse("breathing:pattern_delete", args=[created.pk])).status_code == 302
    assert not BreathingPattern.objects.filter(pk=created.pk).exists()


def test_invalid_new_pattern_shows_the_errors(client, trainee):
    client.force_login(trainee)
    response = client.post(reverse("breathing:patterns"), pattern_data(inhale_seconds="9", exhale_seconds="9",
                                                                        hold_in_seconds="2", hold_out_seconds="2"))
    assert response.status_code == 400
    assert "slower than 3" in response.content.decode()
    assert not BreathingPattern.objects.exists()


def test_at_most_twenty_patterns(client, trainee):
    for i in range(rhythm.MAX_PATTERNS_PER_PERSON):
        BreathingPattern.objects.create(owner=trainee, name=f"P{i}", inhale_seconds=4, hold_in_seconds=0,
                                        exhale_seconds=5, hold_out_seconds=0)
    client.force_login(trainee)
    response = client.post(reverse("breathing:patterns"), pattern_data())
    assert response.status_code == 400 and "up to 20 patterns" in response.content.decode()


@pytest.mark.parametrize("persona", ["cohort_peer", "other_trainee", "supervisor", "trainer", "admin"])
def test_someone_elses_pattern_is_404_and_unchanged(client, personas, pattern, persona):
    client.force_login(getattr(personas, persona))
    assert client.get(reverse("breathing:pattern_edit", args=[pattern.pk])).status_code == 404
    assert client.post(reverse("breathing:pattern_edit", args=[pattern.pk]), pattern_data()).status_code == 404
    assert client.post(reverse("breathing:pattern_delete", args=[pattern.pk])).status_code == 404
    pattern.refresh_from_db()
    assert pattern.name == "Morning"
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.PERMISSION_DENIED, actor_id=getattr(personas, persona).pk).exists()


def test_delete_needs_post(client, trainee, pattern):
    client.force_login(trainee)
    assert client.get(reverse("breathing:pattern_delete", args=[pattern.pk])).status_code == 405


def test_anonymous_visitors_sign_in_first(client, pattern):
    for url in (reverse("breathing:pacer"), reverse("breathing:patterns"), reverse("breathing:sessions"),
                reverse("breathing:not_working"), reverse("breathing:pattern_edit", args=[pattern.pk])):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("account_login")), url
    assert client.post(reverse("breathing:record"), {}).status_code == 302
    assert not BreathingSession.objects.exists()


def test_not_working_page_offers_alternatives_and_why(client, trainee):
    client.force_login(trainee)
    html = client.get(reverse("breathing:not_working")).content.decode()
    assert "more anxious" in html and "mode=self-paced" in html and reverse("safety:support") in html


# --- Recording a session --------------------------------------------------------------------


def record_body(**changes) -> dict:
    return {
        "client_id": "abc-123", "started_at": (timezone.now() - timedelta(minutes=5)).isoformat(),
        "duration_seconds": 300, "completed": True, "mode": "paced", "on_ramp": True, "pattern_id": "default",
        "pattern_name": "Soothing rhythm (default)", "inhale": 4, "hold_in": 1, "exhale": 5, "hold_out": 1, "speed": 1,
    } | changes


def post_json(client, body):
    return client.post(reverse("breathing:record"), json.dumps(body), content_type="application/json")


def test_record_a_session_as_json_once(client, trainee):
    client.force_login(trainee)
    response = post_json(client, record_body())
    assert response.status_code == 201 and response.json()["status"] == "saved"
    session = BreathingSession.objects.get(owner=trainee)
    assert session.duration_seconds == 300 and session.completed
    assert session.pattern == {"mode": "paced", "name": "Soothing rhythm (default)", "inhale": 4.0, "hold_in": 1.0,
                               "exhale": 5.0, "hold_out": 1.0, "breaths_per_minute": 5.45, "on_ramp": True,
                               "pattern_id": "default"}
    # A retry with the same client id is acknowledged, not stored twice.
    again = post_json(client, record_body())
    assert again.status_code == 200 and again.json()["status"] == "already-saved"
    assert BreathingSession.objects.count() == 1


def test_record_a_session_as_a_form_and_self_paced(client, trainee):
    client.force_login(trainee)
    response = client.post(reverse("breathing:record"), {
        "started_at": timezone.now().isoformat(), "duration_seconds": "42", "mode": "self-paced",
    })
    assert response.status_code == 201
    session = BreathingSession.objects.get(owner=trainee)
    assert (session.duration_seconds, session.completed, session.pattern) == (42, False, {"mode": "self-paced"})


def test_record_rejects_nonsense(client, trainee):
    client.force_login(trainee)
    assert post_json(client, record_body(duration_seconds=-1)).status_code == 400
    assert post_json(client, record_body(duration_seconds=99999)).status_code == 400
    assert post_json(client, record_body(started_at="yesterday-ish")).status_code == 400
    assert post_json(client, record_body(started_at=(timezone.now() + timedelta(days=1)).isoformat())).status_code == 400
    assert client.post(reverse("breathing:record"), "{not json", content_type="application/json").status_code == 400
    assert client.post(reverse("breathing:record"), "[1]", content_type="application/json").status_code == 400
    assert client.get(reverse("breathing:record")).status_code == 405
    assert not BreathingSession.objects.exists()


def test_record_naming_someone_elses_pattern_is_404(client, personas, pattern):
    client.force_login(personas.cohort_peer)
    assert post_json(client, record_body(pattern_id=str(pattern.pk))).status_code == 404
    assert not BreathingSession.objects.exists()


def test_record_needs_the_csrf_token(trainee):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(trainee)
    assert post_json(client, record_body()).status_code == 403


def test_sessions_are_private(client, personas):
    BreathingSession.objects.create(owner=personas.trainee, started_at=timezone.now(), duration_seconds=60,
                                    pattern={"mode": "paced", "name": "zqmine", "inhale": 4, "hold_in": 1,
                                             "exhale": 5, "hold_out": 1}, completed=True)
    client.force_login(personas.trainee)
    assert "zqmine" in client.get(reverse("breathing:sessions")).content.decode()
    for persona in ("supervisor", "trainer", "admin", "cohort_peer"):
        client.force_login(getattr(personas, persona))
        assert "zqmine" not in client.get(reverse("breathing:sessions")).content.decode()
