"""Reliable change without a published SD: a published reliability with the SD of the cohort's
consenting baseline scores, once at least 20 contribute; otherwise no band."""

import math

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tend.questionnaires import selectors, stats
from tend.questionnaires.tests import sample_definitions
from tend.questionnaires.tests.helpers import completed, schedule, trainees

pytestmark = pytest.mark.django_db

# A check-in (so it carries its wording) whose only norm has a reliability and no SD.
STEADY = sample_definitions.CHECKIN.replace("id: pulse-test", "id: steady-test").replace(
    "name: Pulse test check-in", "name: Steady test check-in").replace(
    "missing: null", "missing: null\nnorms:\n  - {id: steady-r, score: strain, population: test, mean: null, sd: null, "
                     "reliability: 0.8, reliability_type: alpha, source: test}")


@pytest.fixture
def steady(measures_content):
    (measures_content / "steady-test.yaml").write_text(STEADY)
    return "steady-test"


def _baselines(cohort, baseline, count: int, *, prefix: str) -> list[float]:
    values = []
    for n, person in enumerate(trainees(cohort, count, consent=True, prefix=prefix)):
        answers = {1: n % 5, 2: (n * 3) % 5, 3: 2}
        completed(person, "steady-test", answers, schedule=baseline, due_on=baseline.opens_on)
        values.append(float(sum(answers.values())))
    return values


def _trainee_answers(trainee, baseline):
    completed(trainee, "steady-test", {1: 1, 2: 1, 3: 1}, schedule=baseline, due_on=baseline.opens_on, days_ago=14)
    completed(trainee, "steady-test", {1: 4, 2: 4, 3: 4})


def test_below_twenty_consenting_baselines_there_is_no_band(client, personas, steady):
    baseline = schedule(personas.cohort_a, steady)
    _trainee_answers(personas.trainee, baseline)  # the trainee keeps their scores private
    _baselines(personas.cohort_a, baseline, 19, prefix="s")
    trainees(personas.cohort_a, 3, consent=False, prefix="k")
    client.force_login(personas.trainee)
    page = client.get(reverse("questionnaires:results")).content.decode()
    assert 'class="measure-chart__band"' not in page and "SD from your cohort" not in page
    assert "fewer than 20 people in your cohort have shared a baseline score" in page


def test_twenty_consenting_baselines_give_a_band_with_its_source_in_small_print(client, personas, steady):
    baseline = schedule(personas.cohort_a, steady)
    _trainee_answers(personas.trainee, baseline)
    values = _baselines(personas.cohort_a, baseline, 20, prefix="s")
    other = schedule(personas.cohort_b, steady)  # another cohort's baselines never count
    for person in trainees(personas.cohort_b, 3, consent=True, prefix="b"):
        completed(person, steady, {1: 4, 2: 4, 3: 4}, schedule=other, due_on=other.opens_on)
    [history] = selectors.my_history(personas.trainee)
    [series] = history.series
    expected = 1.96 * stats.sd(values) * math.sqrt(2) * math.sqrt(1 - 0.8)
    assert series.change.minimum_reliable_change == pytest.approx(expected)
    assert series.change.norm_id is None and series.change.reliability == 0.8
    client.force_login(personas.trainee)
    page = client.get(reverse("questionnaires:results")).content.decode()
    assert 'class="measure-chart__band"' in page
    assert "<small>SD from your cohort&#x27;s baseline, n = 20; reliability 0.8 from the published norm.</small>" in page


def test_a_published_sd_is_used_rather_than_the_cohorts(personas, measures_content, wording_csv):
    from django.core.management import call_command

    call_command("import_instrument_wording", "fatigue-test", str(wording_csv))
    completed(personas.trainee, "fatigue-test", {1: 2, 2: 2, 3: 4, 4: 4}, days_ago=14)
    completed(personas.trainee, "fatigue-test", {1: 3, 2: 3, 3: 4, 4: 4})
    [history] = selectors.my_history(personas.trainee)
    burnout = history.series[0]
    assert burnout.change.norm_id == "test-norm" and burnout.sd_note == ""
    assert selectors.reliability_without_sd(history.definition, "burnout") is None


def test_results_queries_stay_constant_with_a_cohort_sd(client, personas, steady):
    baseline = schedule(personas.cohort_a, steady)
    _trainee_answers(personas.trainee, baseline)
    _baselines(personas.cohort_a, baseline, 20, prefix="s")
    client.force_login(personas.trainee)

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("questionnaires:results")).status_code == 200
        return len(ctx)

    queries()
    few = queries()
    _baselines(personas.cohort_a, baseline, 5, prefix="m")
    for n in range(1, 6):  # the latest stays in the care range, so the page's shape is the same
        completed(personas.trainee, steady, {1: 4, 2: 4, 3: 1 + n % 4})
    assert queries() == few
