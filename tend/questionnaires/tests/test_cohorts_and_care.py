"""Trainers' schedules and summaries (consent, groups of five, paired change), research CSV,
reminders, the schedule hook, and care for the carer with its private self-care plan."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tend.core.models import Visibility
from tend.questionnaires import exports, selectors, services, stats
from tend.questionnaires.models import MeasureSchedule, Occasion, SelfCarePlan
from tend.questionnaires.schedule import cohort_schedule
from tend.questionnaires.tests.helpers import completed, schedule, trainees

pytestmark = pytest.mark.django_db
NOT_ENOUGH = "Not enough responses to show without identifying anyone."


def test_paired_change_has_a_t_based_95_percent_interval():
    assert round(stats.t_quantile(0.975, 4), 3) == 2.776
    assert round(stats.t_quantile(0.975, 29), 3) == 2.045
    change = stats.paired_change([(10, 11), (10, 12), (10, 13), (10, 14), (10, 15)])
    assert (change.n, change.mean_difference) == (5, 3)
    assert (round(change.low, 3), round(change.high, 3)) == (1.037, 4.963)
    assert stats.paired_change([(1, 2)] * 4) is None  # fewer than five people: nothing to show


def test_trainer_schedules_a_measure_and_it_is_due_for_trainees(client, personas, measures_content):
    client.force_login(personas.trainer)
    url = reverse("questionnaires:cohort", args=[personas.cohort_a.pk])
    refused = client.post(url, {"definition_id": "fatigue-test", "occasion": "baseline", "opens_on": timezone.localdate()})
    assert refused.status_code == 400 and "Item wording has not been imported" in refused.content.decode()
    client.post(url, {"definition_id": "pulse-test", "occasion": "weekly", "opens_on": timezone.localdate(), "send_reminders": "on"})
    weekly = MeasureSchedule.objects.get(cohort=personas.cohort_a)
    assert weekly.is_weekly and weekly.created_by == personas.trainer
    client.force_login(personas.trainee)
    home = client.get(reverse("questionnaires:home")).content.decode()
    assert "Pulse test check-in" in home and reverse("questionnaires:start_scheduled", args=[weekly.pk]) in home
    started = client.post(reverse("questionnaires:start_scheduled", args=[weekly.pk]))
    assert started.status_code == 302
    client.force_login(personas.other_trainee)  # cohort B: not theirs
    assert client.post(reverse("questionnaires:start_scheduled", args=[weekly.pk])).status_code == 404
    items = cohort_schedule(personas.cohort_a, personas.trainee)
    assert items and items[0].kind == "measure" and items[0].when == timezone.localdate()
    assert len(items) == len(weekly.due_dates()) > 1


def test_aggregates_only_for_consenting_people_and_only_from_five(client, personas, measures_content):
    cohort = personas.cohort_a
    baseline, end = schedule(cohort, "pulse-test"), schedule(cohort, "pulse-test", Occasion.END)
    sharing = trainees(cohort, 4, consent=True)
    private = trainees(cohort, 3, consent=False, prefix="p")
    for person in sharing + private:
        completed(person, "pulse-test", {1: 1, 2: 1, 3: 1}, schedule=baseline, due_on=baseline.opens_on)
    client.force_login(personas.trainer)
    url = reverse("questionnaires:cohort", args=[cohort.pk])
    page = client.get(url).content.decode()
    assert NOT_ENOUGH in page and "Mean" not in page  # 7 answered, only 4 consented
    fifth = trainees(cohort, 1, consent=True, prefix="f")[0]
    completed(fifth, "pulse-test", {1: 1, 2: 1, 3: 1}, schedule=baseline, due_on=baseline.opens_on)
    [summary] = selectors.cohort_summary(cohort).occasions
    assert summary.enough and summary.respondents == 5 and summary.cells[0].mean == 3.0
    for n, person in enumerate(sharing + [fifth]):
        completed(person, "pulse-test", {1: 1 + n % 4, 2: 1, 3: 1}, schedule=end, due_on=end.opens_on)
    page = client.get(url).content.decode()
    assert "Mean" in page and "95% confidence interval" in page
    [change] = selectors.cohort_summary(cohort).changes
    assert change.pairs == 5 and change.change.mean_difference == pytest.approx((0 + 1 + 2 + 3 + 0) / 5)
    # Withdrawing consent takes a person out of every summary made afterwards.
    services.set_consent(fifth, share_scores=False)
    withdrawn = selectors.cohort_summary(cohort)
    assert not withdrawn.occasions[0].enough and withdrawn.changes[0].change is None


def test_cohort_page_runs_a_constant_number_of_queries(client, personas, measures_content):
    cohort = personas.cohort_a
    baseline, end = schedule(cohort, "pulse-test"), schedule(cohort, "pulse-test", Occasion.END)
    client.force_login(personas.trainer)
    url = reverse("questionnaires:cohort", args=[cohort.pk])

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx)

    def answer(people):
        for person in people:
            for s in (baseline, end):
                completed(person, "pulse-test", {1: 2, 2: 1, 3: 1}, schedule=s, due_on=s.opens_on)

    answer(trainees(cohort, 5, consent=True))
    queries()
    few = queries()
    answer(trainees(cohort, 10, consent=True, prefix="m"))
    assert queries() == few


def test_research_csv_has_consenting_people_only_under_stable_pseudonyms(client, personas, measures_content):
    cohort = personas.cohort_a
    baseline = schedule(cohort, "pulse-test")
    [sharer] = trainees(cohort, 1, consent=True)
    [keeper] = trainees(cohort, 1, consent=False, prefix="k")
    for person in (sharer, keeper):
        completed(person, "pulse-test", {1: 2, 2: 2, 3: 2}, schedule=baseline, due_on=baseline.opens_on)
    client.force_login(personas.trainer)
    reply = client.get(reverse("questionnaires:export_csv", args=[cohort.pk]))
    text = reply.content.decode()
    lines = text.strip().splitlines()
    assert lines[0] == ",".join(exports.CSV_COLUMNS) and len(lines) == 2
    key = exports.export_key(cohort).secret
    assert lines[1].startswith(exports.pseudonym(key, sharer.pk) + ",pulse-test,1,baseline,")
    assert exports.pseudonym(key, keeper.pk) not in text
    assert sharer.email not in text and sharer.display_name not in text and str(sharer.pk) + "," not in lines[1][:5]
    assert client.get(reverse("questionnaires:export_csv", args=[cohort.pk])).content.decode() == text  # stable per key
    client.force_login(personas.trainee)
    assert client.get(reverse("questionnaires:export_csv", args=[cohort.pk])).status_code == 404


def test_reminders_are_queued_by_id_and_email_only_a_link(personas, measures_content, settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    today = timezone.localdate()
    weekly = schedule(personas.cohort_a, "pulse-test", Occasion.WEEKLY, opens_on=today - timedelta(days=7))
    completed(personas.cohort_peer, "pulse-test", {1: 3, 2: 3, 3: 3}, schedule=weekly, due_on=today)
    assert services.enqueue_reminders(today) == 1  # the peer has already answered this week
    [message] = mail.outbox
    assert message.to == [personas.trainee.email]
    assert "Pulse test check-in" in message.subject and reverse("questionnaires:home") in message.body
    assert services.enqueue_reminders(today + timedelta(days=1)) == 0  # not a due day


def test_crossing_a_fatigue_threshold_offers_care_to_the_person_alone(client, personas, measures_content):
    response = completed(personas.trainee, "pulse-test", {1: 4, 2: 3, 3: 3})
    assert response.care_flag
    client.force_login(personas.trainee)
    page = client.get(reverse("questionnaires:results")).content.decode()
    assert "A kind word about how you are doing" in page and reverse("questionnaires:plan") in page
    for persona in (personas.supervisor, personas.trainer, personas.admin):
        client.force_login(persona)
        assert "A kind word" not in client.get(reverse("questionnaires:results")).content.decode()


def test_self_care_plan_autosaves_is_screened_and_private_until_shared(client, personas):
    client.force_login(personas.trainee)
    assert client.get(reverse("questionnaires:plan")).status_code == 200
    plan = SelfCarePlan.objects.get(owner=personas.trainee)
    data = {"base_version": plan.version, "save_id": "s1", "routines": "A walk at lunch zqroutine", "boundaries": "",
            "supports": "", "warning_signs": "I want to die", "who_to_talk_to": "", "visibility": "private"}
    saved = client.post(reverse("questionnaires:plan_autosave", args=[plan.pk]), data)
    assert saved.status_code == 200 and saved.json()["risk"] != "none"
    plan.refresh_from_db()
    assert plan.routines == "A walk at lunch zqroutine" and plan.version == 2
    stale = client.post(reverse("questionnaires:plan_autosave", args=[plan.pk]), data | {"save_id": "s2", "routines": "zqstaletab"})
    assert stale.status_code == 409
    assert "zqstaletab" in client.get(reverse("questionnaires:plan")).content.decode()  # the other tab's text is kept
    detail = reverse("questionnaires:plan_detail", args=[plan.pk])
    client.force_login(personas.supervisor)
    assert client.get(detail).status_code == 404
    SelfCarePlan.objects.filter(pk=plan.pk).update(visibility=Visibility.SUPERVISOR)
    assert "zqroutine" in client.get(detail).content.decode()
    for persona in (personas.trainer, personas.admin, personas.cohort_peer):
        client.force_login(persona)
        assert client.get(detail).status_code == 404
