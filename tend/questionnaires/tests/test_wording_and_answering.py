"""Importing licensed wording, administering measures, partial answers, results, FHIR, consent."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from tend.questionnaires import catalogue
from tend.questionnaires.models import InstrumentWording, MeasureConsent, MeasureResponse, ScoreValue
from tend.questionnaires.tests.helpers import completed

pytestmark = pytest.mark.django_db


def test_a_licensed_instrument_without_wording_cannot_be_given_and_says_why(client, personas, measures_content):
    offer = catalogue.offer_for("fatigue-test")
    assert not offer.is_available and "import_instrument_wording fatigue-test" in offer.reason
    assert catalogue.offer_for("pulse-test").is_available  # our check-in ships with its wording
    client.force_login(personas.trainee)
    assert client.post(reverse("questionnaires:start", args=["fatigue-test"])).status_code == 404
    client.force_login(personas.trainer)
    page = client.get(reverse("questionnaires:instruments")).content.decode()
    assert "Item wording has not been imported. Import it under your licence with" in page


def test_import_wording_checks_every_item_and_names_the_line(measures_content, tmp_path, wording_csv):
    bad = tmp_path / "bad.csv"
    for text, problem in [
        ("1,One\n2,Two\n3,Three\n", "items missing from the file: 4"),
        ("1,One\n2,Two\n3,Three\n9,Nine\n", "line 4: fatigue-test has no item 9"),
        ("1,One\n1,Again\n", "line 2: item 1 appears a second time"),
        ("1,One\nx,Two\n", "line 2: item number 'x' is not a whole number"),
        ("1,One\n2,\n", "line 2: item 2 has no text"),
    ]:
        bad.write_text(text)
        with pytest.raises(CommandError, match=problem):
            call_command("import_instrument_wording", "fatigue-test", str(bad))
    assert not InstrumentWording.objects.exists()  # nothing half-imported
    with pytest.raises(CommandError, match="No measure definition 'nope'"):
        call_command("import_instrument_wording", "nope", str(wording_csv))
    call_command("import_instrument_wording", "fatigue-test", str(wording_csv))
    assert InstrumentWording.objects.filter(definition_id="fatigue-test", version="2").count() == 4
    offer = catalogue.offer_for("fatigue-test")
    assert offer.is_available and offer.administrable.item(3).text == "Third test item"


def test_partial_answers_resume_and_finishing_scores_privately(client, personas, measures_content):
    client.force_login(personas.trainee)
    answer_url = client.post(reverse("questionnaires:start", args=["pulse-test"])).url
    response = MeasureResponse.objects.get(owner=personas.trainee)
    saved = client.post(reverse("questionnaires:save_answer", args=[response.pk]), {"item_1": "2", "item_99": "4", "item_2": "9"})
    assert saved.json() == {"status": "saved", "answered": 1, "total": 3}  # unknown items and off-scale values ignored
    page = client.get(answer_url).content.decode()
    assert '<progress id="measure-progress" max="3" value="1"' in page and "1 of 3 answered" in page
    assert 'name="item_1" value="2" checked' in page and "<legend>" in page
    # Starting again resumes the same unfinished response.
    assert client.post(reverse("questionnaires:start", args=["pulse-test"])).url == answer_url
    finished = client.post(answer_url, {"item_2": "3", "item_3": "1", "finish": "1"})
    assert finished.status_code == 302
    response.refresh_from_db()
    assert response.is_complete and response.scores == {"strain": 6.0} and not response.care_flag
    assert list(ScoreValue.objects.values_list("score_id", "value")) == [("strain", 6.0)]
    results = client.get(reverse("questionnaires:results")).content.decode()
    assert "<svg" in results and "Reflective check-in, not a validated measure" in results and "has not been validated" in results
    # Nobody else can open, save to or export the response.
    for persona in (personas.cohort_peer, personas.supervisor, personas.trainer, personas.admin):
        client.force_login(persona)
        assert client.get(answer_url).status_code == 404
        assert client.get(reverse("questionnaires:fhir", args=[response.pk])).status_code == 404
        assert "Strain" not in client.get(reverse("questionnaires:results")).content.decode()


def test_finishing_with_a_question_unanswered_asks_for_it_and_keeps_the_answers(client, personas, measures_content):
    client.force_login(personas.trainee)
    answer_url = client.post(reverse("questionnaires:start", args=["pulse-test"])).url
    page = client.post(answer_url, {"item_1": "2", "finish": "1"})
    assert page.status_code == 200
    assert 'name="item_1" value="2" checked' in page.content.decode()
    assert not MeasureResponse.objects.get(owner=personas.trainee).is_complete


def test_results_chart_shows_the_reliable_change_band_and_cut_offs(client, personas, measures_content, wording_csv):
    call_command("import_instrument_wording", "fatigue-test", str(wording_csv))
    completed(personas.trainee, "fatigue-test", {1: 2, 2: 2, 3: 4, 4: 4}, days_ago=14)
    completed(personas.trainee, "fatigue-test", {1: 5, 2: 5, 3: 4, 4: 4})
    client.force_login(personas.trainee)
    page = client.get(reverse("questionnaires:results")).content.decode()
    assert 'class="measure-chart__band"' in page and 'class="measure-chart__cutoff"' in page
    assert "high (8)" in page
    # burnout 4 -> 10 with SD 2, r .8: SEdiff 1.26, a reliable change in the harder direction.
    assert "in the direction this measure counts as harder" in page
    assert "not a diagnosis" in page
    assert "A kind word about how you are doing" in page  # burnout crossed the high band


def test_fhir_export_is_a_questionnaire_response_of_the_persons_answers(client, personas, measures_content):
    response = completed(personas.trainee, "pulse-test", {1: 1, 2: 2, 3: 3})
    client.force_login(personas.trainee)
    reply = client.get(reverse("questionnaires:fhir", args=[response.pk]))
    assert reply["Content-Type"] == "application/fhir+json"
    resource = json.loads(reply.content)
    assert resource["resourceType"] == "QuestionnaireResponse" and resource["status"] == "completed"
    assert resource["questionnaire"] == "urn:tend:measure:pulse-test|1"
    assert resource["item"] == [{"linkId": "1", "answer": [{"valueInteger": 1}]}, {"linkId": "2", "answer": [{"valueInteger": 2}]},
                                {"linkId": "3", "answer": [{"valueInteger": 3}]}]


def test_consent_is_private_by_default_and_can_change_any_time(client, personas):
    client.force_login(personas.trainee)
    page = client.get(reverse("questionnaires:consent")).content.decode()
    assert 'value="no" required id="id_share_scores_0" checked' in page or 'value="no"' in page and "checked" in page
    assert not MeasureConsent.objects.filter(user=personas.trainee, share_scores=True).exists()
    client.post(reverse("questionnaires:consent"), {"share_scores": "yes"})
    assert MeasureConsent.objects.get(user=personas.trainee).share_scores
    client.post(reverse("questionnaires:consent"), {"share_scores": "no"})
    assert not MeasureConsent.objects.get(user=personas.trainee).share_scores
    assert client.post(reverse("questionnaires:consent"), {"share_scores": "maybe"}).status_code == 400


def test_results_page_runs_a_constant_number_of_queries(client, personas, measures_content):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(personas.trainee)

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("questionnaires:results")).status_code == 200
        return len(ctx)

    completed(personas.trainee, "pulse-test", {1: 1, 2: 2, 3: 3})
    queries()
    few = queries()
    for n in range(10):
        completed(personas.trainee, "pulse-test", {1: n % 3, 2: 2, 3: 3})
    assert queries() == few
