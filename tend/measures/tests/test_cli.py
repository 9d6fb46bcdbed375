"""`python -m tend.measures`, run as a separate process the way a person would run it."""

import json
import subprocess
import sys
from pathlib import Path

from tend.measures.tests.conftest import CONTENT, FIXTURES

ROOT = Path(__file__).resolve().parents[3]


def run(*args, stdin=""):
    return subprocess.run([sys.executable, "-m", "tend.measures", *map(str, args)], input=stdin,
                          capture_output=True, text=True, cwd=ROOT, timeout=60)


def test_score_round_trip():
    responses = {"1": 7, "2": 5, "3": 2}
    done = run("score", CONTENT / "three-systems-checkin.yaml", stdin=json.dumps({"responses": responses}))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "scores": {"threat": 7, "drive": 5, "soothing": 2, "self_warmth": None},
        "missing": [4],
        "warnings": ["self_warmth: not scored, none of its 1 items was answered"],
    }


def test_score_bad_input_exits_2_with_a_message():
    done = run("score", CONTENT / "scs.yaml", stdin=json.dumps({"responses": {"4": 9}}))
    assert done.returncode == 2 and done.stdout == ""
    assert "item 4: 9 is outside the scale (1 to 5)" in done.stderr
    done = run("score", CONTENT / "scs.yaml", stdin="{not json")
    assert done.returncode == 2 and "not valid JSON" in done.stderr
    done = run("score", CONTENT / "scs.yaml", stdin=json.dumps({"answers": {}}))
    assert done.returncode == 2 and '{"responses"' in done.stderr
    done = run("score", CONTENT / "no-such.yaml", stdin="{}")
    assert done.returncode == 2 and "the file does not exist" in done.stderr


def test_change_prints_rci_category_and_recovery():
    done = run("change", CONTENT / "proqol-5.yaml", "burnout", 44, 30, "--sd", 5, "--reliability", 0.8)
    assert done.returncode == 0, done.stderr
    output = json.loads(done.stdout)
    # SEdiff = 5 * sqrt(2) * sqrt(0.2) = 3.1623; RCI = -14 / 3.1623 = -4.427
    assert round(output["rci"], 3) == -4.427
    assert round(output["minimum_reliable_change"], 2) == 6.2
    assert output["category"] == "reliably improved" and output["recovered"] is True
    assert (output["band_before"], output["band_after"]) == ("high", "moderate")


def test_change_with_a_norm_from_the_definition():
    done = run("change", FIXTURES / "example-norms.yaml", "satisfaction", 40, 50, "--norm", "standardised")
    output = json.loads(done.stdout)
    assert output["norm_id"] == "standardised" and round(output["minimum_reliable_change"], 1) == 9.6
    assert "recovered" not in output  # no cut-offs for this score


def test_change_without_a_norm_exits_2():
    done = run("change", CONTENT / "fscrs.yaml", "inadequate_self", 20, 10)
    assert done.returncode == 2 and "no norm with both an SD and a reliability" in done.stderr


def test_check_validates_the_folder(tmp_path):
    done = run("check")
    assert done.returncode == 0, done.stderr
    assert "14 definitions checked" in done.stdout
    (tmp_path / "bad.yaml").write_text("id: bad\nname: [unclosed\n", encoding="utf-8")
    done = run("check", tmp_path)
    assert done.returncode == 2 and "bad.yaml, line" in done.stderr and "not valid YAML" in done.stderr
