"""The risk screen on hand-written hard cases: the kinds of text that fool keyword screens."""

import pytest

from tend.feedback import screen

HIGH = [
    "I've been saving my tablets for a while now.",
    "I know how I'd do it.",
    "I looked up how many it would take.",
    "I've written letters to everyone and given my guitar away to my brother.",
    "I'm going to kill myself tonight.",
    "I cut myself again last night.",
    "I won't be here next week, so it doesn't matter.",
    "Journal: a long day. Honestly I have decided to end my life.",
]
POSSIBLE = [
    "Everyone would be better off without me.",
    "I wish I could go to sleep and not wake up.",
    "I don't want to be here any more.",
    "The urge to cut keeps coming back.",
    "I'm such a burden to my family.",
    "Lately I feel there's no point in living.",
    "I've been having suicidal thoughts again.",
]
NONE = [
    "This deadline is killing me.",
    "I could murder a coffee right now.",
    "I died three times on that level before I beat the boss.",
    "My client said she wanted to die; we made a safety plan together.",
    'She told me "I want to kill myself" and I asked her about safety.',
    "In the lesson on risk assessment we practised asking directly about suicide.",
    "I'm not suicidal, just very tired after the placement.",
    "Years ago I self-harmed, but I've been well for a long time now.",
    "I feel sad and stressed about the exam.",
    "The lecture covered the toxicity threshold for paracetamol overdose.",
    "My phone is dead again.",
    "",
]


@pytest.mark.parametrize("text", HIGH)
def test_high(text):
    result = screen(text)
    assert result.risk == "high", result
    assert result.evidence


@pytest.mark.parametrize("text", POSSIBLE)
def test_possible(text):
    assert screen(text).risk == "possible"


@pytest.mark.parametrize("text", NONE)
def test_none(text):
    assert screen(text).risk == "none"


def test_a_client_note_followed_by_a_first_person_risk_line_is_the_writers_risk():
    result = screen("My client talked about wanting to die. After the session I thought everyone would be better off without me.")
    assert result.risk == "possible"
    assert result.evidence == ["After the session I thought everyone would be better off without me."]


def test_evidence_names_the_sentences():
    result = screen("Work was fine. I have been saving my pills. Tea later.")
    assert result.evidence == ["I have been saving my pills."]


ORDINARY = [
    "I've been breathing my whole life.",
    "I must be doing it wrong.",
    "Everyone says I've got anger issues.",
    "I think I've got that aphantasia thing.",
    "I need a kick up the backside.",
    "I don't know why I'm crying.",
    "I keep going over it.",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_first_person_sentences_never_open_the_support_panel(text):
    assert screen(text).risk != "high"
