"""The risk screen, one category of risk language at a time (shared/spec/feedback-rubric.md and the
research notes), with the hard negatives and the writer-versus-someone-else distinction. Wordings
here are written for the tests, not taken from the labelled data."""

import pytest

from tend.feedback import screen
from tend.feedback.risk import CATEGORIES

HIGH_BY_CATEGORY = {
    "intent": ["I'm going to take my own life on Sunday.", "i'm gonna end it all after the exam results"],
    "plan": ["I've chosen the bridge and I know when it's quiet.", "I've worked out how and when I'll do it."],
    "means": ["I've been putting aside my sleeping tablets for weeks.", "There's a stash of painkillers in my wardrobe."],
    "research": ["Last night I searched how much paracetamol would be lethal.", "I've been reading about painless methods."],
    "preparation": ["I wrote a letter to my son for him to open when I'm gone.", "I've been giving away all my jewellery."],
    "self-harm-now": ["I burned my arm with the iron on purpose again tonight.", "I tried to kill myself on Saturday."],
}
POSSIBLE_BY_CATEGORY = {
    "passive-wish": ["Most nights I hope I won't wake up.", "I wish I'd never been born, honestly."],
    "burden": ["My partner would be happier without me.", "I feel like such a burden on my friends."],
    "hopelessness": ["I can't see any way out of this.", "Nothing is ever going to change for me."],
    "self-harm-urge": ["The urge to cut myself has been strong all evening.", "I keep thinking about hurting myself."],
}
HARD_NEGATIVES = {
    "idiom": ["My back is killing me after gardening.", "I'm dying to tell you the news!", "Honestly, shoot me, another fire drill."],
    "joke": ["I'm going to die of cringe lol", "That meme killed me 😂"],
    "negation": ["I have no thoughts of ending my life; I'm just worn out.", "I would never kill myself, but this term is hard."],
    "resolved past": ["I self-harmed at school, but that's well behind me now.", "Years ago I wanted to die; I'm in a good place today."],
    "client": ["My client told me she has a plan to overdose, so we called the crisis team.",
               "He said his family would be better off without him, and I asked about safety."],
    "lesson note": ["Seminar notes: giving possessions away and saying goodbye are warning signs.",
                    "Essay draft on hopelessness and entrapment in suicide theory."],
    "quotation": ['The drill statement was "I want to kill myself" and I practised asking about safety.'],
    "media and games": ["The character dies at the end of the film and I sobbed.", "Died on the last level again, so annoying."],
    "medicine": ["The GP said to take two tablets every four hours for the pain.", "Revision: lethal dose thresholds in pharmacology."],
    "everyday": ["I cut my thumb slicing bread.", "I gave my old bike to my niece because she outgrew hers.",
                 "I'm saving up for a new laptop.", "Our plan for Friday is pizza and a film.", "I'm done with this essay!"],
}


@pytest.mark.parametrize("category,text", [(c, x) for c, texts in HIGH_BY_CATEGORY.items() for x in texts])
def test_each_high_category(category, text):
    result = screen(text)
    assert result.risk == "high", (category, result)
    assert result.evidence == [text]


@pytest.mark.parametrize("category,text", [(c, x) for c, texts in POSSIBLE_BY_CATEGORY.items() for x in texts])
def test_each_possible_category(category, text):
    result = screen(text)
    assert result.risk == "possible", (category, result)
    assert result.evidence == [text]


@pytest.mark.parametrize("kind,text", [(k, x) for k, texts in HARD_NEGATIVES.items() for x in texts])
def test_hard_negatives_are_not_risk(kind, text):
    assert screen(text).risk == "none", kind


def test_every_category_is_exercised():
    assert set(HIGH_BY_CATEGORY) | set(POSSIBLE_BY_CATEGORY) == set(CATEGORIES)


def test_the_reason_names_the_category():
    result = screen("Work was long. I've been hoarding my meds in a shoebox.")
    assert result.reasons == {"I've been hoarding my meds in a shoebox.": "means"}


@pytest.mark.parametrize("theirs,mine", [
    ("My client said she wanted to die.", "I wanted to die when I got home tonight."),
    ("She has been stockpiling her pills.", "I have been stockpiling my pills."),
    ("The young person I support keeps cutting herself.", "I keep cutting myself."),
])
def test_the_same_words_are_risk_only_when_they_are_the_writers(theirs, mine):
    assert screen(theirs).risk == "none"
    assert screen(mine).risk != "none"


def test_a_letter_to_myself_counts_you_as_the_writer():
    assert screen("Dear me, I know you keep wanting to hurt yourself.").risk == "possible"
    assert screen("In the drill I told the client: part of you wishes you could hurt yourself.").risk == "none"


def test_text_speak_is_read():
    assert screen("evry1 wud b better off w/o me").risk == "possible"


def test_a_denial_after_the_phrase_is_a_negation_but_a_later_clause_is_not():
    assert screen("My GP asked whether I'd thought about hurting myself and I haven't.").risk == "none"
    assert screen("I want to stop existing and I don't know who to tell.").risk == "possible"


def test_a_timing_sentence_is_a_plan_only_beside_risk():
    assert screen("Tomorrow is the day. The flat is cleaned.").risk == "none"
    result = screen("I don't want to be here any more. Tomorrow is the day.")
    assert result.risk == "high" and result.evidence == ["Tomorrow is the day.", "I don't want to be here any more."]


def test_cross_validation_never_reads_the_blind_test_set(monkeypatch):
    from tend.feedback import evaluation

    fitted = []
    monkeypatch.setattr(evaluation, "train_risk_model", lambda dev=None: fitted.extend(r["id"] for r in dev) or {})
    results = evaluation.risk_cross_validation(k=2)
    screened = [r["id"] for r, _ in results]
    training = {r["id"] for r in evaluation.risk_items()}
    assert set(screened) == training and len(screened) == len(training)
    assert fitted and set(fitted) <= training
    assert not training & {r["id"] for r in evaluation.risk_test_items()}


def test_the_risk_test_files_are_not_training_files():
    from tend.feedback import evaluation

    assert not set(evaluation.RISK_TEST_FILES) & set(evaluation.RISK_FILES)


def test_eval_risk_file_prints_figures_for_a_file(tmp_path, capsys):
    from tend.feedback.__main__ import main

    path = tmp_path / "mini.jsonl"
    path.write_text('{"id": "a", "text": "I have been saving my pills for tonight.", "risk": "high"}\n'
                    '{"id": "b", "text": "This deadline is killing me.", "risk": "none"}\n')
    assert main(["eval-risk-file", str(path)]) == 0
    out = capsys.readouterr().out
    assert "recall on high" in out and "false alarms on none" in out and "95 % CI" in out


# Writing addressed to oneself in the second person is the writer's own (wordings written for the tests).
@pytest.mark.parametrize("text, level", [
    ("Note to self: you've kept the tablets in your coat pocket and you know which night.", "high"),
    ("you keep smiling at work and underneath you wish you could stop existing", "possible"),
    ("To me, from me: you wonder whether anyone would notice if you were gone.", "possible"),
])
def test_second_person_writing_to_oneself_is_the_writers(text, level):
    assert screen(text).risk == level


@pytest.mark.parametrize("text", [
    "If you're ever having thoughts of ending your life, please call a helpline tonight.",
    "Hi everyone, you might notice clients saying they feel like a burden; we practised asking about it.",
])
def test_second_person_that_speaks_to_others_is_not_the_writers(text):
    assert screen(text).risk == "none"


@pytest.mark.parametrize("text", [
    "A student I mentor told me about looking up lethal doses, so we made a safety plan together.",
    "Met a farmer today who talked about wanting to end it all; he agreed to see his GP.",
    "Anyone who has swallowed the lot should be seen in hospital, the lecturer said.",
])
def test_reported_words_are_someone_elses(text):
    assert screen(text).risk == "none"


@pytest.mark.parametrize("text", [
    "I'm going to end it with my broadband company after this week.",
    "Time to cut our losses on the old timetable.",
    "Bought a new rope for the climbing club.",
    "There's no point arguing with the landlord again.",
])
def test_more_everyday_wording_is_not_risk(text):
    assert screen(text).risk == "none"


@pytest.mark.parametrize("text", [
    "Please don't blame yourselves for what I'm about to do.",
    "Swallowed the whole packet twenty minutes ago.",
    "Finished my note and put it under the clock.",
])
def test_indirect_high_risk_wording(text):
    assert screen(text).risk == "high"


def test_cohen_kappa_is_one_for_agreement_and_zero_for_chance():
    from tend.feedback.evaluation import cohen_kappa

    assert cohen_kappa([0, 1, 2, 2], [0, 1, 2, 2], 3) == 1.0
    assert cohen_kappa([0, 0, 1, 1], [0, 1, 0, 1], 3) == 0.0
    # Linear weights count none-vs-high as a worse disagreement than none-vs-possible.
    assert cohen_kappa([0, 2, 1, 1], [2, 0, 1, 1], 3, weighted=True) < cohen_kappa([0, 1, 1, 2], [1, 0, 1, 2], 3, weighted=True)


def test_the_agreement_report_uses_the_second_raters_levels(monkeypatch):
    import io

    from tend.feedback import evaluation

    items = [{"id": "a", "text": "x", "risk": "high"}, {"id": "b", "text": "y", "risk": "none"},
             {"id": "c", "text": "z", "risk": "possible"}]
    second = [{"id": "a", "risk": "high"}, {"id": "b", "risk": "possible"}, {"id": "c", "risk": "possible"}]
    monkeypatch.setattr(evaluation, "read_jsonl", lambda name: second if name == evaluation.RISK_SECOND_RATER else [])
    out = io.StringIO()
    evaluation._risk_agreement_report(out, items, {"a": "high", "b": "none", "c": "none"})
    text = out.getvalue()
    assert "second blind rater on 3 test texts" in text
    assert "of the writers' none texts (n 1), the second rater called none: 0.000" in text
    assert "on the 2 texts both raters put at the same level" in text and "recall on high     (n 1): 1.000" in text


@pytest.mark.parametrize("text, level", [
    ("Retiring next week! Said goodbye to everyone at the clinic.", "none"),
    ("Moving to Leeds next month, so excited. Gave my old desk to a neighbour.", "none"),
    ("Moving to Leeds next month, so excited. Also I have been saving my tablets.", "high"),
    ("I'm in a good place now. I cut myself last night though.", "high"),
])
def test_good_news_or_a_resolved_past_elsewhere_in_the_text(text, level):
    assert screen(text).risk == level


def test_good_news_beside_it_does_not_silence_what_the_models_raise():
    from tend.feedback import embeddings

    if not embeddings.available():
        pytest.skip("the sentence that good news sits beside is raised by the embedding model")
    assert screen("Gave my guitar to Sam, he was so excited. I will not need it where I am going.").risk != "none"
