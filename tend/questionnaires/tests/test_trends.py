"""The trainer's weekly check-in trend: cohort means per week from consenting people only, a gap
(with a note) for any week below five, drawn on the server with a constant number of queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tend.questionnaires import selectors
from tend.questionnaires.models import Occasion
from tend.questionnaires.tests.helpers import completed, schedule, trainees

pytestmark = pytest.mark.django_db


def _weekly(cohort, weeks: int):
    today = timezone.localdate()
    return schedule(cohort, "pulse-test", Occasion.WEEKLY, opens_on=today - timedelta(days=7 * (weeks - 1)), until=today)


def _answer(people, weekly, week, value: int):
    for person in people:
        completed(person, "pulse-test", {1: value, 2: 1, 3: 1}, schedule=weekly, due_on=week)


def test_weekly_means_with_gaps_below_five_consenting_people(client, personas, measures_content):
    cohort = personas.cohort_a
    weekly = _weekly(cohort, 4)
    w0, w1, w2, w3 = weekly.due_dates()
    sharing = trainees(cohort, 6, consent=True)
    private = trainees(cohort, 3, consent=False, prefix="p")
    _answer(sharing[:5], weekly, w0, 1)                  # 5 sharing: strain 3
    _answer(sharing[:4] + private, weekly, w1, 4)        # 7 answered, only 4 shared: a gap
    _answer(sharing, weekly, w2, 2)                      # 6 sharing: strain 4
    _answer(sharing[:5], weekly, w3, 3)                  # nobody else answered, 5 sharing: strain 5
    [trend] = selectors.cohort_summary(cohort).trends
    assert trend.label == "Strain" and trend.weeks == [(w0, 3.0), (w1, None), (w2, 4.0), (w3, 5.0)]
    assert trend.gaps == [w1]
    svg = str(trend.chart.svg())
    assert svg.count('class="measure-chart__point"') == 3 and svg.count("<polyline") == 1  # w2–w3 joined, w0 alone
    assert "fewer than 5 people, not shown" in svg  # the text description names the gap

    client.force_login(personas.trainer)
    page = client.get(reverse("questionnaires:cohort", args=[cohort.pk])).content.decode()
    assert "Weekly check-ins over time" in page and "Pulse test check-in: Strain, weekly cohort mean" in page
    assert f"No point for one week ({w1.day} {w1:%B %Y}): fewer than 5 consenting people answered" in page


def test_future_weeks_are_not_drawn_and_a_week_nobody_answered_is_a_gap(personas, measures_content):
    today = timezone.localdate()
    weekly = schedule(personas.cohort_a, "pulse-test", Occasion.WEEKLY, opens_on=today - timedelta(days=7),
                      until=today + timedelta(days=28))
    [trend] = selectors.cohort_summary(personas.cohort_a).trends
    assert [week for week, _ in trend.weeks] == [weekly.opens_on, today] and trend.gaps == [weekly.opens_on, today]
    schedule(personas.cohort_a, "pulse-test", Occasion.BASELINE)  # one-off occasions have no trend
    assert len(selectors.cohort_summary(personas.cohort_a).trends) == 1


def test_cohort_page_queries_stay_constant_as_weeks_and_people_grow(client, personas, measures_content):
    cohort = personas.cohort_a
    weekly = _weekly(cohort, 6)
    weeks = weekly.due_dates()
    client.force_login(personas.trainer)
    url = reverse("questionnaires:cohort", args=[cohort.pk])

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx)

    _answer(trainees(cohort, 5, consent=True), weekly, weeks[0], 1)
    queries()
    few = queries()
    more = trainees(cohort, 8, consent=True, prefix="m")
    for week in weeks[1:]:
        _answer(more, weekly, week, 2)
    assert queries() == few
    assert selectors.cohort_summary(cohort).trends[0].gaps == []
