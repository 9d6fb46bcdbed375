"""Our rules against the real definitions in content/measures/: which cut-offs offer care, and
that our own check-ins can always be given while published instruments wait for their wording."""

import pytest

from tend.questionnaires import care, catalogue

pytestmark = pytest.mark.django_db


def test_care_thresholds_are_proqol_high_burnout_or_sts_and_the_pulse_alert():
    proqol, pulse = catalogue.definition("proqol-5"), catalogue.definition("wellbeing-pulse")
    assert {c.score for c in care.care_cutoffs(proqol)} == {"burnout", "secondary_traumatic_stress"}
    assert care.needs_care(proqol, {"burnout": 42, "secondary_traumatic_stress": 20, "compassion_satisfaction": 45})
    assert not care.needs_care(proqol, {"burnout": 41, "secondary_traumatic_stress": 41, "compassion_satisfaction": 45})
    assert care.needs_care(pulse, {"alert": 9}) and not care.needs_care(pulse, {"alert": 8})


def test_our_checkins_are_available_and_published_instruments_need_wording():
    offers = catalogue.offers()
    assert offers["three-systems-checkin"].is_available and offers["wellbeing-pulse"].is_available
    assert not offers["proqol-5"].is_available and "import_instrument_wording proqol-5" in offers["proqol-5"].reason


def test_demo_schedules_the_weekly_checkin_and_gives_the_trainee_past_ones(personas):
    from tend.questionnaires import demo, selectors
    from tend.questionnaires.models import MeasureSchedule, Occasion

    people = {"trainee@example.com": personas.trainee, "trainer@example.com": personas.trainer}
    demo.load(people, personas.cohort_a)
    demo.load(people, personas.cohort_a)  # idempotent
    weekly = MeasureSchedule.objects.get(cohort=personas.cohort_a)
    assert (weekly.definition_id, weekly.occasion) == ("three-systems-checkin", Occasion.WEEKLY)
    [history] = selectors.my_history(personas.trainee)
    assert len(history.responses) == 3 and history.series and "<svg" in history.series[0].chart.svg()
