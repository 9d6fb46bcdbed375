"""A small learned component: logistic regression over word n-grams, in plain Python.

It catches phrasings the hand-written cues miss, and still explains itself: a text's decision is
traced to the sentence that scores highest. Trained only on the training split.
"""

import math
import random
import re

from tend.feedback import text as t

TOKEN = re.compile(r"[a-z']+|[?!]")


NEGATION_SPAN = 3


def ngrams(text: str) -> list[str]:
    """Words and word pairs; up to three words after a negator are marked, so that "not a failure"
    is learned apart from "a failure"."""
    raw = TOKEN.findall(t.strip_quotations(t.normalise(text)).lower().replace("n't", " n't"))
    tokens, left = [], 0
    for token in raw:
        if token in t.NEGATORS or token == "n't":
            tokens.append(token)
            left = NEGATION_SPAN
        elif left and token not in {"?", "!"}:
            tokens.append(f"NOT_{token}")
            left -= 1
        else:
            tokens.append(token)
            left = 0
    return tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]


def fit(texts: list[str], labels: list[bool], *, epochs: int = 25, rate: float = 0.3, l2: float = 1e-3, seed: int = 3,
        featurise=ngrams) -> dict:
    """`featurise` turns a text into its features (default: word n-grams; the risk screen passes
    its word-class features)."""
    rng = random.Random(seed)
    docs = [set(featurise(x)) for x in texts]
    counts: dict[str, int] = {}
    for doc in docs:
        for gram in doc:
            counts[gram] = counts.get(gram, 0) + 1
    vocab = {gram for gram, n in counts.items() if n >= 2}
    weights: dict[str, float] = {}
    bias = 0.0
    positives = sum(labels) or 1
    negatives = (len(labels) - sum(labels)) or 1
    order = list(range(len(docs)))
    for epoch in range(epochs):
        rng.shuffle(order)
        step = rate / (1 + epoch * 0.2)
        for i in order:
            features = [g for g in docs[i] if g in vocab]
            z = bias + sum(weights.get(g, 0.0) for g in features)
            p = 1 / (1 + math.exp(-max(min(z, 30), -30)))
            # Class weights: rare flags count as much as common ones.
            weight = 0.5 / positives * len(labels) if labels[i] else 0.5 / negatives * len(labels)
            gradient = (p - labels[i]) * weight
            bias -= step * gradient
            for g in features:
                w = weights.get(g, 0.0)
                weights[g] = w - step * (gradient + l2 * w)
    return {"bias": round(bias, 5), "weights": {g: round(w, 5) for g, w in weights.items() if abs(w) > 1e-3}}


def probability(model: dict, text: str, featurise=ngrams) -> float:
    z = model["bias"] + sum(model["weights"].get(g, 0.0) for g in set(featurise(text)))
    return 1 / (1 + math.exp(-max(min(z, 30), -30)))


def strongest_sentence(model: dict, sentences: list[str]) -> str | None:
    if not sentences:
        return None
    return max(sentences, key=lambda s: probability(model, s))
