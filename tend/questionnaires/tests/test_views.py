"""Each page's own behaviour beyond the permission matrix: what it shows, bad input answered with a
specific message that keeps what was typed, and 404 for anything that is someone else's."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tend.core.audit import AuditEvent
from tend.core.models import Visibility
from tend.questionnaires.models import MeasureResponse, MeasureSchedule, Occasion, SelfCarePlan
from tend.questionnaires.tests.helpers import completed, schedule

pytestmark = pytest.mark.django_db


def test_home_lists_due_unfinished_and_check_ins_and_trainers_cohorts(client, personas, measures_content):
    weekly = schedule(personas.cohort_a, "pulse-test", Occasion.WEEKLY)
    MeasureResponse.objects.create(owner=personas.trainee, definition_id="pulse-test", definition_version="1",
                                   answers={"1": 2, "2": 1})
    client.force_login(personas.trainee)
    text = client.get(reverse("questionnaires:home")).content.decode()
    assert reverse("questionnaires:start_scheduled", args=[weekly.pk]) in text
    assert "pulse-test: 2 answers saved" in text
    assert reverse("questionnaires:start", args=["pulse-test"]) in text
    assert "Fatigue test scale" not in text  # no wording imported: not offered
    assert reverse("questionnaires:cohort", args=[personas.cohort_a.pk]) not in text
    client.force_login(personas.other_trainee)  # cohort B: nothing due, nobody else's answers
    text = client.get(reverse("questionnaires:home")).content.decode()
    assert "Nothing is due for you right now." in text and "answers saved" not in text
    client.force_login(personas.trainer)
    assert reverse("questionnaires:cohort", args=[personas.cohort_a.pk]) in client.get(reverse("questionnaires:home")).content.decode()


def test_start_refuses_unknown_measures_and_get(client, personas, measures_content):
    client.force_login(personas.trainee)
    assert client.post(reverse("questionnaires:start", args=["no-such-measure"])).status_code == 404
    assert client.get(reverse("questionnaires:start", args=["pulse-test"])).status_code == 405
    assert not MeasureResponse.objects.exists()


def test_start_scheduled_before_it_opens_says_so_and_starts_nothing(client, personas, measures_content):
    later = schedule(personas.cohort_a, "pulse-test", opens_on=timezone.localdate() + timedelta(days=3))
    client.force_login(personas.trainee)
    reply = client.post(reverse("questionnaires:start_scheduled", args=[later.pk]), follow=True)
    assert "This measure is not open yet." in reply.content.decode()
    assert not MeasureResponse.objects.exists()
    assert client.post(reverse("questionnaires:start_scheduled", args=[later.pk + 999])).status_code == 404


def test_start_scheduled_resumes_the_same_response_for_the_due_date(client, personas, measures_content):
    baseline = schedule(personas.cohort_a, "pulse-test")
    client.force_login(personas.trainee)
    first = client.post(reverse("questionnaires:start_scheduled", args=[baseline.pk])).url
    assert client.post(reverse("questionnaires:start_scheduled", args=[baseline.pk])).url == first
    response = MeasureResponse.objects.get()
    assert (response.schedule, response.due_on, response.cohort, response.occasion) == (
        baseline, baseline.opens_on, personas.cohort_a, Occasion.BASELINE)


def test_answer_saves_for_later_and_a_finished_one_goes_to_results(client, personas, measures_content):
    client.force_login(personas.trainee)
    url = client.post(reverse("questionnaires:start", args=["pulse-test"])).url
    later = client.post(url, {"item_1": "3", "item_2": "banana", "item_3": "99"})
    assert later.url == reverse("questionnaires:home")
    response = MeasureResponse.objects.get()
    assert response.answers == {"1": 3} and not response.is_complete
    missing = client.post(url, {"item_2": "1", "finish": "1"})
    assert missing.status_code == 200  # item 3 still unanswered: asked for by number, answers kept
    text = missing.content.decode()
    assert "Please answer question 3 to finish; your other answers are saved." in text
    assert 'name="item_1" value="3" checked' in text and 'name="item_2" value="1" checked' in text
    client.post(url, {"item_3": "0", "finish": "1"})
    assert client.get(url).url == reverse("questionnaires:results")
    client.force_login(personas.cohort_peer)
    assert client.post(url, {"item_1": "1"}).status_code == 404


def test_save_answer_refuses_a_finished_response_and_other_people(client, personas, measures_content):
    response = completed(personas.trainee, "pulse-test", {1: 1, 2: 1, 3: 1})
    url = reverse("questionnaires:save_answer", args=[response.pk])
    client.force_login(personas.trainee)
    refused = client.post(url, {"item_1": "4"})
    assert refused.status_code == 409 and refused.json() == {"status": "complete"}
    response.refresh_from_db()
    assert response.answers == {"1": 1, "2": 1, "3": 1}
    client.force_login(personas.supervisor)
    assert client.post(url, {"item_1": "4"}).status_code == 404


def test_fhir_of_an_unfinished_response_is_in_progress_and_private(client, personas, measures_content):
    response = MeasureResponse.objects.create(owner=personas.trainee, definition_id="pulse-test",
                                              definition_version="1", answers={"2": 4})
    client.force_login(personas.trainee)
    resource = client.get(reverse("questionnaires:fhir", args=[response.pk])).json()
    assert resource["status"] == "in-progress" and "extension" not in resource
    assert resource["item"] == [{"linkId": "2", "answer": [{"valueInteger": 4}]}]
    client.force_login(personas.cohort_peer)
    assert client.get(reverse("questionnaires:fhir", args=[response.pk])).status_code == 404


def test_results_without_answers_shows_an_empty_state(client, personas, measures_content):
    client.force_login(personas.trainee)
    page = client.get(reverse("questionnaires:results"))
    assert page.status_code == 200 and "<svg" not in page.content.decode()
    completed(personas.cohort_peer, "pulse-test", {1: 1, 2: 1, 3: 1})
    assert "Strain" not in client.get(reverse("questionnaires:results")).content.decode()


def _plan_data(plan, **values) -> dict:
    return {"base_version": plan.version, "save_id": "", "routines": "", "boundaries": "", "supports": "",
            "warning_signs": "", "who_to_talk_to": "", "visibility": "private", **values}


def test_plan_saves_and_a_too_long_field_is_named_and_kept(client, personas, settings):
    settings.TEND_AUTOSAVE_MAX_CHARS = 40
    client.force_login(personas.trainee)
    client.get(reverse("questionnaires:plan"))
    plan = SelfCarePlan.objects.get(owner=personas.trainee)
    saved = client.post(reverse("questionnaires:plan"), _plan_data(plan, routines="Tea at four"), follow=True)
    assert "Your plan is saved." in saved.content.decode()
    plan.refresh_from_db()
    assert plan.routines == "Tea at four" and plan.version == 2
    long_text = "A long walk by the river zqkeptwords " * 3
    refused = client.post(reverse("questionnaires:plan"), _plan_data(plan, supports=long_text, routines="Changed"))
    text = refused.content.decode()
    assert refused.status_code == 400 and "This is longer than 40 characters. Nothing has been removed" in text
    assert text.count("zqkeptwords") == 3 and "Changed" in text
    plan.refresh_from_db()
    assert plan.routines == "Tea at four" and plan.supports == ""
    refused = client.post(reverse("questionnaires:plan"), _plan_data(plan, visibility="cohort", routines="Stays"))
    assert refused.status_code == 400 and "Select a valid choice" in refused.content.decode() and "Stays" in refused.content.decode()


def test_plan_detail_owner_reads_without_audit_supervisor_read_is_audited(client, personas):
    plan = SelfCarePlan.objects.create(owner=personas.trainee, routines="zqdetailroutine", visibility=Visibility.SUPERVISOR)
    url = reverse("questionnaires:plan_detail", args=[plan.pk])
    client.force_login(personas.trainee)
    assert "zqdetailroutine" in client.get(url).content.decode()
    assert not AuditEvent.objects.filter(kind=AuditEvent.Kind.SHARED_ENTRY_VIEWED).exists()
    client.force_login(personas.supervisor)
    assert "zqdetailroutine" in client.get(url).content.decode()
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.SHARED_ENTRY_VIEWED)
    assert (event.actor_id, event.subject_user_id, event.object_id) == (personas.supervisor.pk, personas.trainee.pk, str(plan.pk))
    client.force_login(personas.other_supervisor)
    assert client.get(url).status_code == 404


def test_plan_autosave_answers_field_errors_and_keeps_the_saved_text(client, personas, settings):
    settings.TEND_AUTOSAVE_MAX_CHARS = 10
    plan = SelfCarePlan.objects.create(owner=personas.trainee, routines="Before")
    client.force_login(personas.trainee)
    reply = client.post(reverse("questionnaires:plan_autosave", args=[plan.pk]), _plan_data(plan, routines="far too long for it"))
    assert reply.status_code == 400 and "routines" in reply.json()["errors"]
    plan.refresh_from_db()
    assert plan.routines == "Before"
    client.force_login(personas.cohort_peer)
    assert client.post(reverse("questionnaires:plan_autosave", args=[plan.pk]), _plan_data(plan)).status_code == 404


def test_instruments_lists_each_measure_for_trainers_only(client, personas, measures_content):
    client.force_login(personas.trainer)
    text = client.get(reverse("questionnaires:instruments")).content.decode()
    assert "Fatigue test scale" in text and "Pulse test check-in" in text and "Our check-in (not validated)" in text
    assert "cannot be used" not in text
    client.force_login(personas.trainee)
    assert client.get(reverse("questionnaires:instruments")).status_code == 403


def test_cohort_schedule_form_names_each_problem_and_keeps_what_was_typed(client, personas, measures_content):
    client.force_login(personas.trainer)
    url = reverse("questionnaires:cohort", args=[personas.cohort_a.pk])
    refused = client.post(url, {"definition_id": "pulse-test", "occasion": "weekly", "opens_on": "2030-03-10",
                                "until": "2030-03-01"})
    text = refused.content.decode()
    assert refused.status_code == 400 and "The last week must be on or after the first." in text
    assert 'value="2030-03-10"' in text and 'value="2030-03-01"' in text
    assert re.search(r'value="weekly" required id="id_occasion_\d" checked', text) and 'value=""' not in text
    refused = client.post(url, {"definition_id": "nope", "occasion": "end", "opens_on": "not a date"})
    text = refused.content.decode()
    assert refused.status_code == 400 and "Select a valid choice" in text and "Enter a valid date." in text
    assert 'value="not a date"' in text
    assert not MeasureSchedule.objects.exists()
    assert client.get(reverse("questionnaires:cohort", args=[personas.cohort_b.pk])).status_code == 404


def test_schedule_delete_removes_it_and_keeps_answers(client, personas, measures_content):
    baseline = schedule(personas.cohort_a, "pulse-test")
    response = completed(personas.trainee, "pulse-test", {1: 1, 2: 1, 3: 1}, schedule=baseline, due_on=baseline.opens_on)
    other = schedule(personas.cohort_b, "pulse-test")
    client.force_login(personas.trainer)
    assert client.post(reverse("questionnaires:schedule_delete", args=[personas.cohort_a.pk, other.pk])).status_code == 404
    assert client.post(reverse("questionnaires:schedule_delete", args=[personas.cohort_a.pk, baseline.pk + 999])).status_code == 404
    reply = client.post(reverse("questionnaires:schedule_delete", args=[personas.cohort_a.pk, baseline.pk]), follow=True)
    assert "Removed from the schedule." in reply.content.decode()
    assert list(MeasureSchedule.objects.all()) == [other]
    response.refresh_from_db()
    assert response.is_complete and response.scores == {"strain": 3.0}


def test_export_csv_is_a_named_attachment_with_only_the_header_when_nobody_shared(client, personas, measures_content):
    client.force_login(personas.trainer)
    reply = client.get(reverse("questionnaires:export_csv", args=[personas.cohort_a.pk]))
    assert reply["Content-Type"].startswith("text/csv")
    assert reply["Content-Disposition"] == f'attachment; filename="measures-cohort-{personas.cohort_a.pk}.csv"'
    assert reply.content.decode().strip() == "participant,measure,version,occasion,due_on,completed_on,score,value"
    assert client.get(reverse("questionnaires:export_csv", args=[personas.cohort_b.pk])).status_code == 404


def test_an_empty_submission_is_answered_with_what_is_required(client, personas, measures_content):
    client.force_login(personas.trainee)
    refused = client.post(reverse("questionnaires:consent"), {})
    assert refused.status_code == 400 and "This field is required." in refused.content.decode()
    client.force_login(personas.trainer)
    refused = client.post(reverse("questionnaires:cohort", args=[personas.cohort_a.pk]), {})
    assert refused.status_code == 400 and "This field is required." in refused.content.decode()
