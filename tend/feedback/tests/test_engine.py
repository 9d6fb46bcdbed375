"""The scorer on adversarial cases the research warns about, and the scoring command line."""

import io
import json

import pytest

from tend.feedback import describe, score
from tend.feedback.__main__ import run_score

CLIENT = "I messed up the presentation again. I'm such a failure, everyone must think I'm useless."
RISKY = "Some nights I wish I could just go to sleep and not wake up."

EXCELLENT = ("That sounds really painful. It makes sense your mind jumps to 'failure' when something matters this much; "
             "that's the threat system trying to protect you. What was it like to walk out of the room?")
JUDGEMENTAL_WITH_KIND_WORDS = ("With compassion, honestly, you brought this on yourself by not preparing. "
                               "It makes sense you feel bad because you should have practised.")


def test_a_warm_validating_reply_beats_a_judgemental_one_that_uses_kind_words():
    good, bad = score("response", CLIENT, EXCELLENT), score("response", CLIENT, JUDGEMENTAL_WITH_KIND_WORDS)
    assert good.overall > bad.overall + 1
    assert "judgmental" in bad.flags and "judgmental" not in good.flags
    assert bad.evidence["judgmental"]  # the sentences that produced the flag


def test_a_short_reply_can_score_well_and_a_long_lecture_cannot():
    short = score("response", CLIENT, "That hurts, and it makes sense. What happened in the room?")
    lecture = score("response", CLIENT, " ".join([
        "You need to prepare better next time.", "Make a list of every slide and rehearse it three times.",
        "Try breathing exercises before you start.", "Have you tried a public speaking course?",
        "You should also ask for feedback from your manager.", "Next time, arrive early and check the projector.",
    ]))
    assert short.overall > lecture.overall
    assert "premature_advice" in lecture.flags


def test_negation_is_not_agreeing_with_the_critic():
    warm = score("response", CLIENT, "You're not a failure. It makes sense it stung, because this mattered to you.")
    assert "judgmental" not in warm.flags


def test_reflecting_the_clients_own_words_is_not_judging_them():
    reply = score("response", CLIENT, 'You said "I\'m useless". That word sounds so heavy to carry. What makes it feel true right now?')
    assert "judgmental" not in reply.flags


def test_not_asking_about_safety_is_flagged_and_capped():
    warm_but_unsafe = score("response", RISKY, "That sounds so exhausting. It makes sense you feel worn down. What helps at night?", context_risk=True)
    asked = score("response", RISKY, "That sounds so exhausting, and I'm glad you told me. Are you having thoughts of ending your life?", context_risk=True)
    assert "risk_not_addressed" in warm_but_unsafe.flags and warm_but_unsafe.overall <= 2
    assert warm_but_unsafe.evidence["risk_not_addressed"]
    assert "risk_not_addressed" not in asked.flags


def test_letters_self_attack_versus_compassionate():
    harsh = score("letter", "", "You pathetic idiot. You should be ashamed. No excuses next time.")
    kind = score("letter", "", "Dear me, of course today hurt. You cared, and your threat system went into overdrive. Tomorrow, one small step: ask for help.")
    assert kind.overall > harsh.overall + 1.5
    assert {"self_attack", "should_pressure"} <= set(harsh.flags)


def test_output_shape_and_plain_words():
    result = score("response", CLIENT, EXCELLENT)
    assert 0 <= result.overall <= 4 and 0 <= result.confidence <= 1
    assert set(result.dimensions) == {"warmth", "understanding", "strength", "helpful_action", "non_judgement"}
    assert result.engine["embeddings"] is False and result.suggestion
    assert len(describe(result)) == 5


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        score("essay", "", "text")


def test_score_command_reports_bad_lines_and_carries_on():
    stdin = io.StringIO(
        json.dumps({"id": "1", "kind": "response", "context": CLIENT, "text": EXCELLENT}) + "\n"
        + '{"id": "2", "kind": "poem", "text": "x"}\n{broken\n'
        + json.dumps({"id": "3", "kind": "letter", "context": "", "text": "Dear me, this is hard and that is okay."}) + "\n"
    )
    out, err = io.StringIO(), io.StringIO()
    assert run_score(stdin, out, err) == 1
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["id"] for line in lines] == ["1", "3"]
    assert set(lines[0]) >= {"id", "overall", "dimensions", "flags", "evidence", "confidence"}
    assert "line 2: field 'kind' must be 'response' or 'letter'" in err.getvalue() and "line 3: not valid JSON" in err.getvalue()
