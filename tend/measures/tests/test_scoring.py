"""Scoring every shipped definition against examples worked out by hand (arithmetic in the
comments), the missing-data rules, and clear errors for answers that cannot be scored."""

import math

import pytest

from tend.measures.change import band
from tend.measures.scoring import ResponseError, score


def answers(**by_item):
    return {int(key[1:]): value for key, value in by_item.items()}


# --- Self-Compassion Scale ---------------------------------------------------------------------

SCS_EXAMPLE = {
    # self-kindness 5, 12, 19, 23, 26
    5: 4, 12: 5, 19: 4, 23: 3, 26: 4,
    # self-judgment 1, 8, 11, 16, 21 (reverse-keyed)
    1: 2, 8: 1, 11: 2, 16: 3, 21: 2,
    # common humanity 3, 7, 10, 15
    3: 3, 7: 4, 10: 4, 15: 3,
    # isolation 4, 13, 18, 25 (reverse-keyed)
    4: 2, 13: 2, 18: 1, 25: 3,
    # mindfulness 9, 14, 17, 22
    9: 5, 14: 4, 17: 4, 22: 5,
    # over-identification 2, 6, 20, 24 (reverse-keyed)
    2: 3, 6: 3, 20: 2, 24: 4,
}


def test_scs_subscales_and_total(shipped):
    result = score(shipped["scs"], SCS_EXAMPLE)
    # self-kindness (4+5+4+3+4)/5 = 20/5 = 4.0
    # self-judgment, reported as answered: (2+1+2+3+2)/5 = 10/5 = 2.0
    # common humanity (3+4+4+3)/4 = 14/4 = 3.5
    # isolation, as answered: (2+2+1+3)/4 = 8/4 = 2.0
    # mindfulness (5+4+4+5)/4 = 18/4 = 4.5
    # over-identification, as answered: (3+3+2+4)/4 = 12/4 = 3.0
    assert result.scores["self_kindness"] == 4.0
    assert result.scores["self_judgment"] == 2.0
    assert result.scores["common_humanity"] == 3.5
    assert result.scores["isolation"] == 2.0
    assert result.scores["mindfulness"] == 4.5
    assert result.scores["over_identification"] == 3.0
    # total: reverse the negative subscales' items (6 - x), so their means become 6 - 2.0 = 4.0,
    # 6 - 2.0 = 4.0 and 6 - 3.0 = 3.0; grand mean (4.0 + 4.0 + 3.5 + 4.0 + 4.5 + 3.0) / 6 = 23/6
    assert result.scores["total"] == pytest.approx(23 / 6)
    # Not the mean of all 26 reversed items, which would be (20+20+14+16+18+12)/26 = 100/26.
    assert result.scores["total"] != pytest.approx(100 / 26)
    assert result.missing == [] and result.warnings == []
    assert band(shipped["scs"], "total", result.scores["total"]).label == "high"  # 3.83 >= 3.5


def test_scs_without_a_missing_data_rule_leaves_affected_scores_empty(shipped):
    partial = {n: v for n, v in SCS_EXAMPLE.items() if n != 12}
    result = score(shipped["scs"], partial)
    assert result.missing == [12]
    assert result.scores["self_kindness"] is None and result.scores["total"] is None
    assert result.scores["mindfulness"] == 4.5  # untouched subscales are still given
    assert any("self_kindness" in warning and "allows no missing answers" in warning for warning in result.warnings)


def test_scs_short_form_total(shipped):
    # reverse-coded items 1, 4, 8, 9, 11, 12 score 6 - answer
    responses = {1: 2, 2: 4, 3: 3, 4: 1, 5: 4, 6: 5, 7: 3, 8: 2, 9: 3, 10: 4, 11: 1, 12: 2}
    # scored: 4, 4, 3, 5, 4, 5, 3, 4, 3, 4, 5, 4 -> sum 48 -> mean 48/12 = 4.0
    assert score(shipped["scs-sf"], responses).scores == {"total": 4.0}


# --- FSCRS ----------------------------------------------------------------------------------

def test_fscrs_sums_without_reversal(shipped):
    responses = {n: n % 5 for n in range(1, 23)}
    # inadequate self 1,2,4,6,7,14,17,18,20 -> 1+2+4+1+2+4+2+3+0 = 19
    # hated self 9,10,12,15,22 -> 4+0+2+0+2 = 8
    # reassured self 3,5,8,11,13,16,19,21 -> 3+0+3+1+3+1+4+1 = 16
    # self-criticism = inadequate + hated = 27
    assert score(shipped["fscrs"], responses).scores == {
        "inadequate_self": 19, "hated_self": 8, "reassured_self": 16, "self_criticism": 27}
    assert band(shipped["fscrs"], "inadequate_self", 19) is None  # no published bands


# --- Fears of Compassion Scales -----------------------------------------------------------------

def test_fears_of_compassion_sums(shipped):
    # for others: 10 items of 2 -> 20
    assert score(shipped["fcs-compassion-for-others"], dict.fromkeys(range(1, 11), 2)).scores == {"total": 20}
    # from others: 13 items of 4 -> 52 (the maximum)
    assert score(shipped["fcs-compassion-from-others"], dict.fromkeys(range(1, 14), 4)).scores == {"total": 52}
    # for self: answers n % 5 for n = 1..15 -> (1+2+3+4+0) * 3 = 30
    assert score(shipped["fcs-self-compassion"], {n: n % 5 for n in range(1, 16)}).scores == {"total": 30}


# --- CEAS --------------------------------------------------------------------------------------

def test_ceas_leaves_the_filler_items_out(shipped):
    responses = dict.fromkeys(range(1, 14), 5) | {1: 9, 9: 1, 3: 10, 7: 10, 11: 10}
    # engagement 1,2,4,5,6,8 -> 9+5+5+5+5+5 = 34 (items 3 and 7, answered 10, do not count)
    # action 9,10,12,13 -> 1+5+5+5 = 16 (item 11 does not count)
    for flow in ("self-compassion", "compassion-to-others", "compassion-from-others"):
        assert score(shipped[f"ceas-{flow}"], responses).scores == {"engagement": 34, "action": 16}


def test_ceas_filler_items_may_be_unanswered(shipped):
    responses = {n: 6 for n in range(1, 14) if n not in (3, 7, 11)}
    result = score(shipped["ceas-self-compassion"], responses)
    # engagement 6 items x 6 = 36; action 4 items x 6 = 24
    assert result.scores == {"engagement": 36, "action": 24}
    assert result.missing == [3, 7, 11] and result.warnings == []


# --- ProQOL 5 ------------------------------------------------------------------------------------

CS = [3, 6, 12, 16, 18, 20, 22, 24, 27, 30]
BO_REVERSED = [1, 4, 15, 17, 29]
BO_PLAIN = [8, 10, 19, 21, 26]
STS = [2, 5, 7, 9, 11, 13, 14, 23, 25, 28]


def test_proqol_sums_reverse_the_burnout_items_and_band(shipped):
    proqol = shipped["proqol-5"]
    responses = dict.fromkeys(CS, 4) | dict.fromkeys(BO_REVERSED, 5) | dict.fromkeys(BO_PLAIN, 2)
    responses |= dict.fromkeys(STS, 3)
    # compassion satisfaction 10 x 4 = 40; burnout: 5 reversed items answered 5 score 6-5 = 1 each,
    # plus 5 items of 2 -> 5 + 10 = 15; secondary traumatic stress 10 x 3 = 30
    result = score(proqol, responses)
    assert result.scores == {"compassion_satisfaction": 40, "burnout": 15, "secondary_traumatic_stress": 30}
    assert [band(proqol, s, v).label for s, v in result.scores.items()] == ["moderate", "low", "moderate"]
    # burnout high: reversed items answered 1 score 5 each (25), plain items 4 (20) -> 45 >= 42
    high = responses | dict.fromkeys(BO_REVERSED, 1) | dict.fromkeys(BO_PLAIN, 4)
    assert score(proqol, high).scores["burnout"] == 45
    assert band(proqol, "burnout", 45).label == "high"


@pytest.mark.parametrize(("value", "label"), [(10, "low"), (22, "low"), (23, "moderate"), (41, "moderate"),
                                              (42, "high"), (50, "high")])
def test_proqol_band_edges(shipped, value, label):
    assert band(shipped["proqol-5"], "compassion_satisfaction", value).label == label


# --- TPAS ----------------------------------------------------------------------------------------

def test_tpas_subscale_sums(shipped):
    tpas = shipped["tpas"]
    responses = {n: 3 for n in tpas.score_rule("activating").items}
    responses |= {n: 2 for n in tpas.score_rule("relaxed").items}
    responses |= dict(zip(tpas.score_rule("safe_warm").items, [4, 3, 2, 1], strict=True))
    # activating 8 x 3 = 24; relaxed 6 x 2 = 12; safe/warm 4+3+2+1 = 10
    assert score(tpas, responses).scores == {"activating": 24, "relaxed": 12, "safe_warm": 10}


# --- our check-ins ---------------------------------------------------------------------------------

def test_three_systems_check_in(shipped):
    result = score(shipped["three-systems-checkin"], {1: 7, 2: 5, 3: 2, 4: 3})
    assert result.scores == {"threat": 7, "drive": 5, "soothing": 2, "self_warmth": 3}


def test_skill_confidence_overall_mean_and_prorating(shipped):
    confidence = shipped["drill-skill-confidence"]
    responses = {n: n % 11 for n in range(1, 17)}  # 1..10, 0, 1, 2, 3, 4, 5
    # overall: (1+...+10) + (0+1+2+3+4+5) = 55 + 15 = 70 over 16 -> 4.375
    assert score(confidence, responses).scores["overall"] == 4.375
    assert score(confidence, responses).scores["validating-distress"] == 1
    # items 15 and 16 (answers 4 and 5) left out: 2/16 = 12.5 % <= 25 %, prorated: (70-9)/14 = 61/14
    fewer = {n: v for n, v in responses.items() if n <= 14}
    result = score(confidence, fewer)
    assert result.scores["overall"] == pytest.approx(61 / 14)
    assert result.scores["pacing-rupture-repair"] is None
    assert "overall: prorated from 14 of its 16 items" in result.warnings
    # five left out: 5/16 = 31 % > 25 %, no overall score
    result = score(confidence, {n: v for n, v in responses.items() if n <= 11})
    assert result.scores["overall"] is None
    assert any("at most 25% may be missing" in warning for warning in result.warnings)


def test_wellbeing_pulse_scores_and_alert(shipped):
    pulse = shipped["wellbeing-pulse"]
    result = score(pulse, {1: 3, 2: 2, 3: 4, 4: 3, 5: 4, 6: 1, 7: 2})
    # well-being 1,3,5,7 -> 3+4+4+2 = 13; alert 2,4,6 -> 2+3+1 = 6 (under our threshold of 9)
    assert result.scores == {"wellbeing": 13, "alert": 6}
    assert band(pulse, "alert", 6) is None
    # alert 3+3+3 = 9 -> at our threshold
    assert score(pulse, {2: 3, 4: 3, 6: 3}).scores["alert"] == 9
    assert band(pulse, "alert", 9).direction == "above"


def test_wellbeing_pulse_prorates_but_never_guesses_an_alert(shipped):
    pulse = shipped["wellbeing-pulse"]
    result = score(pulse, {1: 3, 2: 2, 3: 4, 4: 3, 5: 4})
    # well-being: item 7 missing, 1 of 4 = 25 % -> (3+4+4) * 4/3 = 44/3
    assert result.scores["wellbeing"] == pytest.approx(44 / 3)
    # alert: item 6 missing, 1 of 3 = 33 % > 25 % -> not scored
    assert result.scores["alert"] is None
    assert result.missing == [6, 7]


def test_none_counts_as_unanswered_and_string_keys_are_accepted(shipped):
    result = score(shipped["three-systems-checkin"], {"1": 7, "2": None, "3": 2, "4": 3})
    assert result.scores["drive"] is None and result.missing == [2]


# --- answers that cannot be scored -------------------------------------------------------------------

@pytest.mark.parametrize(("responses", "words"), [
    ({27: 3}, "27 is not an item of scs (its items are numbered 1 to 26)"),
    ({0: 3}, "0 is not an item of scs"),
    ({"five": 3}, "'five' is not an item of scs"),
    ({True: 3}, "is not an item of scs"),
    ({4: 6}, "item 4: 6 is outside the scale (1 to 5)"),
    ({4: 0}, "item 4: 0 is outside the scale (1 to 5)"),
    ({4: 2.5}, "item 4: 2.5 is not one of the scale's values"),
    ({4: "3"}, "item 4: '3' is not a number"),
    ({4: True}, "item 4: True is not a number"),
    ({4: math.nan}, "item 4: nan is not a number"),
    ({4: 3, "4": 3}, "item 4 is answered twice"),
])
def test_unscorable_answers_give_clear_errors(shipped, responses, words):
    with pytest.raises(ResponseError) as problem:
        score(shipped["scs"], responses)
    assert words in str(problem.value)


def test_whole_number_floats_are_accepted(shipped):
    assert score(shipped["three-systems-checkin"], {1: 7.0, 2: 5, 3: 2, 4: 3}).scores["threat"] == 7
