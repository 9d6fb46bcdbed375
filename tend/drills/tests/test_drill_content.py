"""The drill reader: valid drills load; each kind of mistake names file, line and field."""

from pathlib import Path

import pytest

from tend.drills.content import read_drills
from tend.learn.content import ContentErrors

SKILL = """\
id: validating-distress
title: Validating and normalising distress
summary: Meeting distress with warmth and understanding.
mastery_criteria:
  - Names the feeling
  - Says why it makes sense
  - Stays with it before any step
competencies:
  cft_competency_framework:
    - Relating compassionately to distress
  cft_tcrs:
    - Validation
common_pitfalls:
  - Rushing to reassure
  - Minimising
  - Advice first
"""


def drill(n: int, level: str, risk: str = "false") -> str:
    return f"""\
  - id: validating-distress-{level[0]}{n}
    level: {level}
    background: A client early in therapy.
    statement: |
      I feel stupid for crying in here.
    risk_cues: {risk}
    model_replies:
      - style: brief
        text: Tears make sense here; something matters a lot.
      - style: exploratory
        text: What do the tears want us to know?
"""


def write(root: Path, drills_text: str | None = None, skill_text: str = SKILL) -> Path:
    folder = root / "drills" / "01-validating-distress"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "skill.yaml").write_text(skill_text)
    body = drills_text or "drills:\n" + "".join(drill(n, level) for level in ("beginner", "intermediate", "advanced") for n in (1, 2))
    (folder / "drills.yaml").write_text(body)
    return root


def errors(root: Path) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        read_drills(root)
    return [str(e) for e in caught.value.errors]


def test_valid_drills_are_read(tmp_path):
    skills = read_drills(write(tmp_path / "content"))
    assert [(s.id, s.count("beginner"), s.count("intermediate"), s.count("advanced")) for s in skills] == [("validating-distress", 2, 2, 2)]
    assert skills[0].drills[0].model_replies[1]["style"] == "exploratory"


def test_too_few_drills_at_a_level(tmp_path):
    body = "drills:\n" + drill(1, "beginner") + drill(2, "beginner") + drill(1, "intermediate") + drill(2, "intermediate") + drill(1, "advanced")
    assert "content/drills/01-validating-distress/drills.yaml: drills: expected at least 2 advanced drills, found 1" in errors(write(tmp_path / "content", body))


def test_wrong_level_and_missing_statement(tmp_path):
    body = "drills:\n" + drill(1, "beginner").replace("level: beginner", "level: expert").replace("    statement: |\n      I feel stupid for crying in here.\n", "")
    found = errors(write(tmp_path / "content", body))
    assert any("drills.yaml:3: drills[0].level: expected beginner, intermediate or advanced, found 'expert'" in e for e in found)
    assert any("drills[0].statement: is missing" in e for e in found)


def test_model_replies_must_be_two(tmp_path):
    body = "drills:\n" + drill(1, "beginner").replace("      - style: exploratory\n        text: What do the tears want us to know?\n", "")
    assert any("drills[0].model_replies: expected exactly two model replies, found 1" in e for e in errors(write(tmp_path / "content", body)))


def test_skill_needs_enough_mastery_criteria(tmp_path):
    skill = SKILL.replace("  - Says why it makes sense\n  - Stays with it before any step\n", "")
    assert any("skill.yaml:4: mastery_criteria: expected 3–6 items, found 1" in e for e in errors(write(tmp_path / "content", skill_text=skill)))


def test_duplicate_drill_ids(tmp_path):
    body = "drills:\n" + "".join(drill(1, level) for level in ("beginner", "intermediate", "advanced") for _ in (1, 2))
    assert any("is also used in content/drills/01-validating-distress/drills.yaml" in e for e in errors(write(tmp_path / "content", body)))
