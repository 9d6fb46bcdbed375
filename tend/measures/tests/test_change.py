"""Reliable change (Jacobson & Truax 1991), worked by hand, and the published worked example."""

import math

import pytest

from tend.measures.change import ChangeError, band, reliable_change


def test_published_worked_example_proqol_standardised(example):
    # cft-facts.md §3.10: ProQOL compassion satisfaction in standardised units, SD 10, alpha .88
    # -> smallest reliable change about 9.6: 1.96 * 10 * sqrt(2) * sqrt(0.12) = 1.96 * 4.8990 = 9.602
    result = reliable_change(example, "satisfaction", 40, 50, norm_id="standardised")
    assert result.minimum_reliable_change == pytest.approx(9.6, abs=0.01)
    # RCI = 10 / 4.8990 = 2.041 > 1.96 -> reliable, and higher is better
    assert result.rci == pytest.approx(2.041, abs=0.001)
    assert result.category == "reliably improved" and result.norm_id == "standardised"
    assert result.recovered is None  # this score has no cut-offs


@pytest.mark.parametrize(("reliability", "multiple_of_sd"), [
    # cft-facts.md §3.10: threshold as a multiple of the SD, 1.96 * sqrt(2 * (1 - r))
    (0.78, 1.30), (0.85, 1.07), (0.86, 1.04), (0.87, 1.00), (0.88, 0.96), (0.90, 0.88), (0.92, 0.78), (0.93, 0.73),
])
def test_threshold_as_a_multiple_of_the_sd(example, reliability, multiple_of_sd):
    result = reliable_change(example, "satisfaction", 0, 1, sd=1, reliability=reliability)
    assert result.minimum_reliable_change == pytest.approx(multiple_of_sd, abs=0.006)


def test_rci_by_hand_with_the_first_usable_norm(example):
    # strain norm: SD 5, r .8 -> SEdiff = 5 * sqrt(2) * sqrt(0.2) = 5 * 0.63246 = 3.1623
    # 20 -> 12: difference -8, RCI = -8 / 3.1623 = -2.530; lower strain is better -> improved
    result = reliable_change(example, "strain", 20, 12)
    assert result.norm_id == "strain-norm"
    assert result.difference == -8
    assert result.rci == pytest.approx(-2.5298, abs=1e-4)
    assert result.minimum_reliable_change == pytest.approx(1.96 * 3.16228, abs=1e-4)  # 6.198
    assert result.category == "reliably improved"
    # 12 -> 18: +6, RCI = 1.897 < 1.96 -> no reliable change
    assert reliable_change(example, "strain", 12, 18).category == "no reliable change"
    # 12 -> 19: +7, RCI = 2.214 -> reliably deteriorated (higher strain is worse)
    assert reliable_change(example, "strain", 12, 19).category == "reliably deteriorated"


def test_just_under_the_threshold_is_not_reliable(example):
    se_difference = 5 * math.sqrt(2) * math.sqrt(0.2)
    # |RCI| must be greater than 1.96
    assert reliable_change(example, "strain", 10, 10 + 1.96 * se_difference - 1e-9).category == "no reliable change"


def test_recovered_needs_a_reliable_improvement_that_leaves_the_worse_band(example):
    # strain cut-offs: high >= 15 (the worse side, as lower is better), low <= 5
    assert reliable_change(example, "strain", 18, 10).recovered is True    # -8: RCI -2.53, 18 high -> 10 none
    assert reliable_change(example, "strain", 16, 14).recovered is False   # left "high" but not reliably
    assert reliable_change(example, "strain", 25, 16).recovered is False   # reliable (-9) but still high
    assert reliable_change(example, "strain", 12, 4).recovered is False    # reliable (-8) but never high


def test_recovered_on_proqol_bands(shipped):
    proqol = shipped["proqol-5"]
    # Hypothetical SD 5 and r .8 given by the caller (ProQOL ships no raw-sum norm): SEdiff 3.1623.
    # Burnout 44 (high) -> 30 (moderate): -14, RCI -4.43 -> improved and recovered
    result = reliable_change(proqol, "burnout", 44, 30, sd=5, reliability=0.8)
    assert (result.category, result.recovered, result.norm_id) == ("reliably improved", True, None)
    # Compassion satisfaction 20 (low, the worse side when higher is better) -> 30: +10, RCI 3.16
    assert reliable_change(proqol, "compassion_satisfaction", 20, 30, sd=5, reliability=0.8).recovered is True
    # Compassion satisfaction 30 -> 20: reliably deteriorated, not recovered
    result = reliable_change(proqol, "compassion_satisfaction", 30, 20, sd=5, reliability=0.8)
    assert (result.category, result.recovered) == ("reliably deteriorated", False)


def test_no_usable_norm_is_a_clear_error(shipped, example):
    with pytest.raises(ChangeError, match="no norm with both an SD and a reliability"):
        reliable_change(shipped["fscrs"], "inadequate_self", 20, 10)
    with pytest.raises(ChangeError, match="no published SD"):
        reliable_change(shipped["scs"], "total", 2.5, 3.5, norm_id="spanish-validation-retest")
    with pytest.raises(ChangeError, match="no published SD"):
        reliable_change(example, "satisfaction", 2, 9, norm_id="no-sd")
    with pytest.raises(ChangeError, match="is for the score 'satisfaction', not 'strain'"):
        reliable_change(example, "strain", 2, 9, norm_id="standardised")
    with pytest.raises(ChangeError, match="has no norm 'nope'"):
        reliable_change(example, "strain", 2, 9, norm_id="nope")


def test_other_clear_errors(shipped, example):
    with pytest.raises(ChangeError, match="no 'better' direction"):
        reliable_change(shipped["three-systems-checkin"], "threat", 7, 2, sd=2, reliability=0.8)
    with pytest.raises(ChangeError, match="has no score 'nope'"):
        reliable_change(example, "nope", 1, 2)
    with pytest.raises(ChangeError, match="both an SD and a reliability"):
        reliable_change(example, "strain", 1, 2, sd=3)
    with pytest.raises(ChangeError, match="reliability must be a number between 0 and 1"):
        reliable_change(example, "strain", 1, 2, sd=3, reliability=1)
    with pytest.raises(ChangeError, match="not both"):
        reliable_change(example, "strain", 1, 2, "strain-norm", sd=3, reliability=0.8)


@pytest.mark.parametrize(("value", "label"), [(1.0, "low"), (2.49, "low"), (2.5, "moderate"), (3.49, "moderate"),
                                              (3.5, "high"), (5.0, "high")])
def test_scs_rough_guide_bands(shipped, value, label):
    # Neff's rough guide; a boundary score takes the higher band (the file lists high first)
    assert band(shipped["scs"], "total", value).label == label


def test_band_is_none_without_published_bands(shipped):
    assert band(shipped["tpas"], "relaxed", 12) is None
    assert band(shipped["scs"], "self_kindness", 4.0) is None
