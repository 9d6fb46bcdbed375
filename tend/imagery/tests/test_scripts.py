"""The script reader: every shipped script is valid, and malformed files name file, line and field."""

import os
import time
from pathlib import Path

import pytest

from tend.imagery import scripts
from tend.imagery.scripts import ScriptErrors, cached_scripts, read_scripts

SHIPPED = Path(__file__).resolve().parents[3] / "content" / "practices"
EXPECTED_IDS = {
    "safe-place", "compassionate-colour", "ideal-compassionate-other", "compassionate-self",
    "compassion-flowing-out", "compassion-flowing-in", "compassion-to-oneself", "compassionate-self-and-inner-critic",
}

GOOD = """---
id: sample
title: A sample practice
summary: One sentence.
estimated_minutes: 5
cautions:
  - You can open your eyes and stop at any time.
---
## Settling

Sit comfortably.
Let your breathing slow.

Second paragraph.
[pause 30s]

## Coming back

Open your eyes when you are ready.
"""


def write(folder: Path, text: str, name: str = "sample.md") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def errors_for(folder: Path) -> list[str]:
    with pytest.raises(ScriptErrors) as caught:
        read_scripts(folder)
    return [str(e) for e in caught.value.errors]


def test_every_shipped_script_is_valid_and_carries_a_safety_note():
    found = read_scripts(SHIPPED)
    assert {s.id for s in found} == EXPECTED_IDS
    for script in found:
        assert script.cautions, script.id
        assert any("open your eyes" in c or "eyes open" in c for c in script.cautions), script.id
        assert any("felt sense" in c for c in script.cautions), script.id
        assert len(script.steps) >= 3 and script.total_pause_seconds > 0


def test_a_good_file_is_read_into_steps_paragraphs_and_pauses(tmp_path):
    write(tmp_path, GOOD)
    write(tmp_path, "# Not a script\n", name="README.md")  # the folder's README is skipped
    [script] = read_scripts(tmp_path)
    assert (script.id, script.title, script.estimated_minutes) == ("sample", "A sample practice", 5)
    assert [s.title for s in script.steps] == ["Settling", "Coming back"]
    assert script.steps[0].paragraphs == ("Sit comfortably. Let your breathing slow.", "Second paragraph.")
    assert [s.pause_seconds for s in script.steps] == [30, 0]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("estimated_minutes: 5", "estimated_minutes: five"), "tmp/sample.md:5: estimated_minutes: expected a whole number, found 'five'"),
        (("estimated_minutes: 5", "estimated_minutes: 90"), "sample.md:5: estimated_minutes: expected a whole number from 1 to 60, found 90"),
        (("id: sample", "id: other"), "sample.md:2: id: must match the file name: expected 'sample', found 'other'"),
        (("id: sample", "id: Not A Slug"), "sample.md:2: id: expected lowercase words joined by hyphens"),
        (("title: A sample practice\n", ""), "sample.md:2: title: is missing (expected text)"),
        (("summary: One sentence.", "summary: ''"), "sample.md:4: summary: expected non-empty text, found empty text"),
        (("cautions:\n  - You can open your eyes and stop at any time.", "cautions: []"), "sample.md:6: cautions: expected a list of at least one safety note"),
        (("  - You can open your eyes and stop at any time.", "  - ''"), "sample.md:7: cautions[0]: expected non-empty text"),
        (("cautions:", "colour: blue\ncautions:"), "sample.md:6: colour: unknown field"),
        (("[pause 30s]", "[pause 2s]"), "sample.md:15: steps[1].pause: expected 5 to 600 seconds, found 2"),
        (("[pause 30s]", "[pause half a minute]"), "sample.md:15: steps[1].pause: expected a line like '[pause 30s]'"),
        (("Sit comfortably.", "[pause 10s]"), "sample.md:11: steps[1].pause: a pause marker may only be the last line of a step"),
        (("Open your eyes when you are ready.", ""), "sample.md:17: steps[2].text: step 'Coming back' has no text"),
        (("---\n## Settling", "---\nStray text\n## Settling"), "sample.md:9: (steps): expected a '## Step title' line before any text"),
        (("estimated_minutes: 5", "estimated_minutes: [5"), "sample.md:6: (front matter): not valid YAML"),
    ],
)
def test_malformed_scripts_name_file_line_and_field(tmp_path, change, expected):
    folder = tmp_path / "tmp"
    folder.mkdir()
    old, new = change
    assert old in GOOD
    write(folder, GOOD.replace(old, new, 1))
    found = errors_for(folder)
    assert any(expected in line for line in found), found


def test_missing_front_matter_and_missing_steps(tmp_path):
    write(tmp_path, "## Just a step\n\nText.\n", name="a.md")
    write(tmp_path, GOOD.split("## Settling")[0].replace("id: sample", "id: b"), name="b.md")
    found = errors_for(tmp_path)
    assert any("a.md:1: (front matter): expected the file to start with a '---' line" in line for line in found), found
    assert any("b.md" in line and "(steps): expected at least one '## Step title' section" in line for line in found), found


def test_all_problems_in_all_files_are_reported_together(tmp_path):
    write(tmp_path, GOOD.replace("estimated_minutes: 5", "estimated_minutes: 0"), name="sample.md")
    write(tmp_path, GOOD.replace("id: sample", "id: second").replace("[pause 30s]", "[pause 1000s]"), name="second.md")
    found = errors_for(tmp_path)
    assert len(found) == 2 and "sample.md:5" in found[0] and "second.md:15" in found[1]


def test_the_cache_rereads_only_when_a_file_changes(tmp_path, monkeypatch):
    path = write(tmp_path, GOOD)
    calls = []
    real = scripts.read_scripts
    monkeypatch.setattr(scripts, "read_scripts", lambda d: calls.append(d) or real(d))
    first = cached_scripts(tmp_path)
    assert cached_scripts(tmp_path) is first and len(calls) == 1
    path.write_text(GOOD.replace("A sample practice", "A changed practice"), encoding="utf-8")
    later = time.time() + 5
    os.utime(path, (later, later))
    assert cached_scripts(tmp_path)[0].title == "A changed practice" and len(calls) == 2
    path.write_text(GOOD.replace("[pause 30s]", "[pause 1s]"), encoding="utf-8")
    os.utime(path, (later + 5, later + 5))
    with pytest.raises(ScriptErrors):
        cached_scripts(tmp_path)
