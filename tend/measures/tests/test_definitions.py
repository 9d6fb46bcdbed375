"""Definitions: every shipped file loads with the structure cft-facts.md records, and a broken
file is reported by file, line and field."""

import textwrap

import pytest
import yaml

from tend.measures.definitions import DefinitionError, load_definition, load_folder, with_wording
from tend.measures.tests.conftest import CONTENT, DRILLS

SHIPPED = {
    "scs", "scs-sf", "fscrs", "fcs-compassion-for-others", "fcs-compassion-from-others", "fcs-self-compassion",
    "ceas-self-compassion", "ceas-compassion-to-others", "ceas-compassion-from-others", "proqol-5", "tpas",
    "three-systems-checkin", "drill-skill-confidence", "wellbeing-pulse",
}


def items_of(definition, subscale):
    return [item.number for item in definition.items if item.subscale == subscale]


def reversed_items(definition):
    return {item.number for item in definition.items if item.reversed}


def test_every_file_in_the_folder_loads(shipped):
    assert set(shipped) == SHIPPED
    assert len(list(CONTENT.glob("*.yaml"))) == len(SHIPPED)


def test_licensed_instruments_ship_without_wording_and_check_ins_with_it(shipped):
    for definition in shipped.values():
        if definition.kind == "licensed":
            assert definition.validated and not definition.has_wording, definition.id
            assert all(item.text is None for item in definition.items), definition.id
            assert definition.citation["author"] and definition.citation["year"], definition.id
        else:
            assert not definition.validated and definition.has_wording, definition.id
            assert "not a validated measure" in definition.label, definition.id


def test_licensed_scale_labels_are_numbers_only(shipped):
    # The published anchor wording is not reproduced.
    for definition in shipped.values():
        if definition.kind == "licensed":
            assert all(label == str(value) for value, label in definition.scale), definition.id


def test_scs_structure(shipped):
    scs = shipped["scs"]
    assert len(scs.items) == 26 and (scs.scale_min, scs.scale_max) == (1, 5)
    assert items_of(scs, "self_kindness") == [5, 12, 19, 23, 26]
    assert items_of(scs, "self_judgment") == [1, 8, 11, 16, 21]
    assert items_of(scs, "common_humanity") == [3, 7, 10, 15]
    assert items_of(scs, "isolation") == [4, 13, 18, 25]
    assert items_of(scs, "mindfulness") == [9, 14, 17, 22]
    assert items_of(scs, "over_identification") == [2, 6, 20, 24]
    assert reversed_items(scs) == {1, 8, 11, 16, 21, 4, 13, 18, 25, 2, 6, 20, 24}
    assert not scs.score_rule("self_judgment").report_reversed
    assert scs.score_rule("total").rule == "mean_of_scores"


def test_scs_short_form_structure(shipped):
    short = shipped["scs-sf"]
    assert len(short.items) == 12 and len(reversed_items(short)) == 6
    assert {item.subscale for item in short.items} == {
        "self_kindness", "self_judgment", "common_humanity", "isolation", "mindfulness", "over_identification"}
    assert all(len(items_of(short, subscale)) == 2 for subscale in {item.subscale for item in short.items})
    assert short.to_verify  # the item keys are not in cft-facts.md


def test_fscrs_structure(shipped):
    fscrs = shipped["fscrs"]
    assert (len(fscrs.items), fscrs.scale_min, fscrs.scale_max) == (22, 0, 4)
    assert reversed_items(fscrs) == set()
    assert [len(fscrs.score_rule(s).items) for s in ("inadequate_self", "hated_self", "reassured_self")] == [9, 5, 8]
    assert fscrs.cutoffs == ()  # no published clinical cut-offs


def test_fears_of_compassion_scales_structure(shipped):
    counts = {"fcs-compassion-for-others": 10, "fcs-compassion-from-others": 13, "fcs-self-compassion": 15}
    for identifier, count in counts.items():
        scale = shipped[identifier]
        assert len(scale.items) == count and (scale.scale_min, scale.scale_max) == (0, 4)
        assert scale.score_rule("total").items == tuple(range(1, count + 1))
    assert sum(counts.values()) == 38


def test_ceas_excludes_its_filler_items(shipped):
    for flow in ("self-compassion", "compassion-to-others", "compassion-from-others"):
        ceas = shipped[f"ceas-{flow}"]
        assert len(ceas.items) == 13 and (ceas.scale_min, ceas.scale_max) == (1, 10)
        assert {item.number for item in ceas.items if item.excluded} == {3, 7, 11}
        assert reversed_items(ceas) == set()  # excluded, not reversed
        assert ceas.score_rule("engagement").items == (1, 2, 4, 5, 6, 8)
        assert ceas.score_rule("action").items == (9, 10, 12, 13)


def test_proqol_structure_and_banding_system(shipped):
    proqol = shipped["proqol-5"]
    assert len(proqol.items) == 30
    assert [len(rule.items) for rule in proqol.scores] == [10, 10, 10]
    assert sorted(n for rule in proqol.scores for n in rule.items) == list(range(1, 31))
    assert reversed_items(proqol) == {1, 4, 15, 17, 29}
    assert set(proqol.score_rule("burnout").items) >= {1, 4, 15, 17, 29}
    assert proqol.banding_system == "proqol5-raw-sum"
    assert {cutoff.system for cutoff in proqol.cutoffs} == {"proqol5-raw-sum"}


def test_tpas_structure(shipped):
    tpas = shipped["tpas"]
    assert len(tpas.items) == 18 and (tpas.scale_min, tpas.scale_max) == (0, 4)
    assert [len(rule.items) for rule in tpas.scores] == [8, 6, 4]
    assert "total" not in tpas.score_ids and tpas.cutoffs == ()


def test_skill_confidence_follows_the_drill_skills(shipped):
    confidence = shipped["drill-skill-confidence"]
    skills = {}
    for path in sorted(DRILLS.glob("*/skill.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        skills[data["id"]] = data["title"]
    assert len(skills) == 16
    assert {item.subscale: item.text for item in confidence.items} == skills
    assert set(confidence.score_ids) == set(skills) | {"overall"}


def test_pulse_alert_is_labelled_as_our_own_rule(shipped):
    pulse = shipped["wellbeing-pulse"]
    (alert,) = pulse.cutoffs_for("alert")
    assert (alert.direction, alert.value) == ("above", 9)
    assert "own rule" in alert.source and "not a clinical cut-off" in alert.source


def test_methods_find_items_scores_and_norms(shipped):
    scs = shipped["scs"]
    assert scs.item(4).subscale == "isolation"
    assert scs.score_rule("total").label.startswith("Self-compassion")
    assert scs.norm("spanish-validation-retest").reliability == 0.92
    with pytest.raises(KeyError):
        scs.item(27)


def test_with_wording_adds_imported_texts(shipped):
    fcs = shipped["fcs-compassion-for-others"]
    worded = with_wording(fcs, {n: f"Imported wording {n}" for n in range(1, 11)})
    assert worded.has_wording and worded.item(3).text == "Imported wording 3"
    assert not fcs.has_wording  # the original is unchanged
    partly = with_wording(fcs, {1: "Only one"})
    assert not partly.has_wording
    with pytest.raises(DefinitionError) as problem:
        with_wording(fcs, {11: "No such item"})
    assert problem.value.field == "items[11].text" and "no item 11" in str(problem.value)


# --- malformed files: the error names the file, the line and the field ---------------------------

VALID = """\
id: {id}
name: Broken example
version: 1
kind: checkin
validated: false
label: Reflective check-in — not a validated measure
licence: Test.
attribution: Test.
scale: {{min: 0, max: 4}}
items:
  - {{number: 1, text: First.}}
  - {{number: 2, text: Second.}}
scores:
  - {{id: total, label: Total, rule: sum, items: [1, 2], higher_is_better: true}}
missing: null
"""


def write(tmp_path, text, name="broken"):
    path = tmp_path / f"{name}.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def failure(path) -> DefinitionError:
    with pytest.raises(DefinitionError) as problem:
        load_definition(path)
    error = problem.value
    assert path.name in error.file
    assert f"line {error.line}" in str(error) and f"field {error.field}" in str(error) and path.name in str(error)
    return error


def test_the_valid_example_loads(tmp_path):
    assert load_definition(write(tmp_path, VALID.format(id="broken"))).score_ids == ("total",)


@pytest.mark.parametrize(("old", "new", "line", "field", "words"), [
    ("kind: checkin", "kind: survey", 4, "kind", "expected one of licensed, checkin"),
    ("validated: false", "validated: maybe", 5, "validated", "expected true or false"),
    ("items: [1, 2]", "items: [1, 3]", 14, "scores[0].items", "there is no item 3"),
    ("rule: sum", "rule: median", 14, "scores[0].rule", "median"),
    ("{number: 2, text: Second.}", "{number: 3, text: Second.}", 12, "items[1].number", "expected 2, found 3"),
    ("{number: 2, text: Second.}", "{number: 2}", 12, "items[1].text", "full wording"),
    ("max: 4", "max: 0", 9, "scale.max", "greater than scale.min"),
    ("missing: null", "missing: {max_missing_fraction: 1.5, method: prorate}", 15,
     "missing.max_missing_fraction", "between 0 and 1"),
    ("licence: Test.", "licence: Test.\ncolour: blue", 8, "colour", "unknown field"),
    ("validated: false", "validated: true", 5, "validated", "not validated"),
    ("version: 1\n", "", 1, "version", "this field is required"),
    ("label: Reflective check-in — not a validated measure", "label: null", 1, "label", "visible label"),
    ("{number: 1, text: First.}", "{number: 1, text: First., reversed: yes please}", 11, "items[0].reversed",
     "expected true or false"),
])
def test_malformed_definition_names_line_and_field(tmp_path, old, new, line, field, words):
    error = failure(write(tmp_path, VALID.format(id="broken").replace(old, new)))
    assert (error.line, error.field) == (line, field)
    assert words in error.message


def test_invalid_yaml_names_the_line(tmp_path):
    error = failure(write(tmp_path, VALID.format(id="broken").replace("items:\n", "items: [\n")))
    assert error.field == "(yaml)" and error.line is not None and "not valid YAML" in error.message


def test_a_field_written_twice_is_an_error(tmp_path):
    error = failure(write(tmp_path, VALID.format(id="broken") + "name: Again\n"))
    assert (error.line, error.field) == (16, "name")


def test_licensed_items_must_not_carry_wording(tmp_path):
    text = VALID.format(id="broken").replace("kind: checkin", "kind: licensed")
    text = text.replace("validated: false", "validated: true")
    text = text.replace("licence: Test.", "licence: Test.\ncitation: {author: Someone, year: 2020}")
    error = failure(write(tmp_path, text))
    assert (error.line, error.field) == (12, "items[0].text")


def test_the_id_must_match_the_file_name(tmp_path):
    error = failure(write(tmp_path, VALID.format(id="other-name")))
    assert (error.line, error.field) == (1, "id")


def test_norm_and_cutoff_fields_are_checked(tmp_path):
    norm = VALID.format(id="broken") + textwrap.dedent("""\
        norms:
          - {id: n, score: total, population: P, mean: 1, sd: -2, reliability: 0.8, reliability_type: alpha, source: S}
        """)
    error = failure(write(tmp_path, norm))
    assert (error.line, error.field) == (17, "norms[0].sd")
    cutoff = VALID.format(id="broken") + textwrap.dedent("""\
        cutoffs:
          - {score: total, direction: between, value: 3, label: L, system: S, source: S}
        """)
    error = failure(write(tmp_path, cutoff))
    assert (error.line, error.field) == (17, "cutoffs[0].upper")


def test_load_folder_stops_at_the_first_bad_file(tmp_path):
    write(tmp_path, VALID.format(id="a-good"), name="a-good")
    write(tmp_path, VALID.format(id="b-bad").replace("rule: sum", "rule: nope"), name="b-bad")
    with pytest.raises(DefinitionError) as problem:
        load_folder(tmp_path)
    assert "b-bad.yaml" in problem.value.file
    (tmp_path / "b-bad.yaml").unlink()
    assert list(load_folder(tmp_path)) == ["a-good"]
