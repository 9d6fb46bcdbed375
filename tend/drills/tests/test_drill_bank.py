"""The real drill bank under content/drills keeps its minimums."""

import pytest
from django.conf import settings

from tend.drills.content import LEVELS, read_drills
from tend.feedback.cues import SAFETY_QUESTION

SKILLS = read_drills(settings.TEND_CONTENT_DIR)


def test_sixteen_skills_with_at_least_two_drills_per_level():
    assert len(SKILLS) >= 16
    assert sum(len(s.drills) for s in SKILLS) >= 96
    for skill in SKILLS:
        assert all(skill.count(level) >= 2 for level in LEVELS), skill.id


@pytest.mark.parametrize("skill", SKILLS, ids=lambda s: s.id)
def test_every_drill_has_all_its_parts(skill):
    assert 3 <= len(skill.mastery_criteria) <= 6 and skill.common_pitfalls
    assert skill.competencies.get("cft_competency_framework") and skill.competencies.get("cft_tcrs")
    for drill in skill.drills:
        assert drill.background and drill.statement and len(drill.model_replies) == 2, drill.id
        assert drill.model_replies[0]["style"] != drill.model_replies[1]["style"], drill.id


def test_model_replies_to_risky_statements_ask_about_safety():
    risky = [d for s in SKILLS for d in s.drills if d.risk_cues]
    assert len(risky) >= 16
    for drill in risky:
        for reply in drill.model_replies:
            assert SAFETY_QUESTION.search(reply["text"].lower()), f"{drill.id}: {reply['style']}"
