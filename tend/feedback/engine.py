"""Explainable feedback on compassionate writing: flags from sentence-level cues, scores from a
small linear model trained on our own labels, every decision traceable to sentences.

No sentence embeddings are used here (only the risk screen reads them): a plain-Python engine
with no model download and no PyTorch. Output says so (`"engine": {"embeddings": false}`) so the
product can too.
"""

import json
import math
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

from tend.feedback import cues, learned, risk
from tend.feedback import text as t

MODEL_PATH = Path(__file__).with_name("model.json")
DIMENSIONS = ["warmth", "understanding", "strength", "helpful_action", "non_judgement"]
ENGINE_VERSION = "1"


@dataclass
class Feedback:
    overall: float
    dimensions: dict[str, float]
    flags: list[str]
    evidence: dict[str, list[str]]
    confidence: float
    suggestion: str
    engine: dict = field(default_factory=lambda: {"version": ENGINE_VERSION, "embeddings": False})

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Analysis:
    kind: str
    sentences: list[t.Sentence]
    flag_hits: dict[str, list[int]]
    dimension_hits: dict[str, list[int]]
    risk_in_context: bool
    asked_safety: bool
    features: dict[str, float]


def analyse(kind: str, context: str, text: str, context_risk: bool | None = None) -> Analysis:
    if kind not in {"response", "letter"}:
        raise ValueError("kind must be 'response' or 'letter'")
    cleaned = t.strip_quotations(t.normalise(text))
    sentences = t.sentences(cleaned) or [t.Sentence("", "", 0)]
    flag_groups = cues.RESPONSE_FLAGS if kind == "response" else cues.LETTER_FLAGS
    flag_hits = cues.hits(flag_groups, sentences)
    dimension_hits = cues.hits(cues.DIMENSION_CUES, sentences)
    # A drill declares whether its client statement carries risk cues; free-standing context is screened.
    if context_risk is None:
        context_risk = risk.screen(context, for_context=True).risk != "none"
    risk_in_context = kind == "response" and context_risk
    asked_safety = bool(cues.SAFETY_QUESTION.search(cleaned.lower()))
    if kind == "response":
        flag_hits["premature_advice"] = _premature(flag_hits["premature_advice"], dimension_hits)
    return Analysis(kind, sentences, flag_hits, dimension_hits, risk_in_context, asked_safety,
                    _features(kind, cleaned, sentences, flag_hits, dimension_hits, risk_in_context, asked_safety))


def _premature(advice: list[int], dims: dict[str, list[int]]) -> list[int]:
    """Advice counts as premature when it comes before (or without) any sentence that meets the feeling."""
    met = sorted(dims["warmth"] + dims["understanding"])
    return [i for i in advice if not met or i <= met[0]]


def _features(kind, cleaned, sentences, flag_hits, dimension_hits, risk_in_context, asked_safety) -> dict[str, float]:
    n = max(len(sentences), 1)
    word_count = len(t.words(cleaned.lower()))
    features = {"bias": 1.0}
    for name, where in flag_hits.items():
        features[f"flag_{name}"] = 1.0 if where else 0.0
        features[f"flag_{name}_share"] = len(where) / n
    for name, where in dimension_hits.items():
        features[f"cue_{name}"] = min(len(where), 3) / 3
        features[f"cue_{name}_any"] = 1.0 if where else 0.0
    questions = [s for s in sentences if s.text.endswith("?")]
    features["questions"] = min(len(questions), 3) / 3
    features["you_share"] = sum(1 for s in sentences if " you" in f" {s.lower}") / n
    features["log_words"] = math.log1p(word_count) / 6
    features["one_sentence"] = 1.0 if n == 1 else 0.0
    met = dimension_hits["warmth"] or dimension_hits["understanding"]
    features["met_first"] = 1.0 if met and min(dimension_hits["warmth"] + dimension_hits["understanding"]) == 0 else 0.0
    features["any_flag"] = 1.0 if any(flag_hits.values()) else 0.0
    features["flag_count"] = min(sum(1 for where in flag_hits.values() if where), 3) / 3
    if kind == "response":
        features["risk_unaddressed"] = 1.0 if risk_in_context and not asked_safety else 0.0
        features["risk_addressed"] = 1.0 if risk_in_context and asked_safety else 0.0
    return features


# --- The model: ridge regression per target, trained by `python -m tend.feedback train` ----------


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    size = len(vector)
    augmented = [row[:] + [vector[i]] for i, row in enumerate(matrix)]
    for col in range(size):
        pivot = max(range(col, size), key=lambda r: abs(augmented[r][col]))
        augmented[col], augmented[pivot] = augmented[pivot], augmented[col]
        divisor = augmented[col][col] or 1e-12
        augmented[col] = [value / divisor for value in augmented[col]]
        for r in range(size):
            if r != col and augmented[r][col]:
                factor = augmented[r][col]
                augmented[r] = [a - factor * b for a, b in zip(augmented[r], augmented[col])]
    return [augmented[i][-1] for i in range(size)]


def fit_ridge(rows: list[dict[str, float]], targets: list[float], alpha: float = 1.0) -> dict[str, float]:
    names = sorted({name for row in rows for name in row})
    xtx = [[0.0] * len(names) for _ in names]
    xty = [0.0] * len(names)
    for row, target in zip(rows, targets):
        x = [row.get(name, 0.0) for name in names]
        for i, xi in enumerate(x):
            if xi:
                xty[i] += xi * target
                for j, xj in enumerate(x):
                    xtx[i][j] += xi * xj
    for i, name in enumerate(names):
        if name != "bias":
            xtx[i][i] += alpha
    return dict(zip(names, _solve(xtx, xty)))


def predict(weights: dict[str, float], features: dict[str, float]) -> float:
    return sum(weights.get(name, 0.0) * value for name, value in features.items())


@cache
def load_model(path: str = str(MODEL_PATH)) -> dict:
    model_file = Path(path)
    if not model_file.exists():
        raise FileNotFoundError(f"{model_file} is missing: run `python -m tend.feedback train` to build it.")
    return json.loads(model_file.read_text())


FLAG_THRESHOLD = 0.5
SENTENCE_THRESHOLD = 0.6  # the evidence sentence must itself look like the flag (grouped CV: no loss vs 0.5)


def _flag_names(kind: str) -> list[str]:
    return list(cues.RESPONSE_FLAGS if kind == "response" else cues.LETTER_FLAGS)


def _cross_fitted(chosen: list[dict], flag: str, folds: int = 5) -> list[float]:
    """Out-of-fold probabilities, so the scoring model learns how far to trust the flag model."""
    groups = sorted({r["group"] for r in chosen})
    result = [0.0] * len(chosen)
    for fold in range(folds):
        held = {g for i, g in enumerate(groups) if i % folds == fold}
        train_idx = [i for i, r in enumerate(chosen) if r["group"] not in held]
        model = learned.fit([chosen[i]["text"] for i in train_idx], [flag in chosen[i]["flags"] for i in train_idx])
        for i, r in enumerate(chosen):
            if r["group"] in held:
                result[i] = learned.probability(model, r["text"])
    return result


def train(records: list[dict], alpha: float = 1.0) -> dict:
    """records: {"kind", "context", "text", "rating", "flags", "dimensions", "group"}; returns the model."""
    model = {"version": ENGINE_VERSION, "alpha": alpha, "kinds": {}}
    for kind in ("response", "letter"):
        chosen = [r for r in records if r["kind"] == kind]
        if not chosen:
            continue
        flag_models = {flag: learned.fit([r["text"] for r in chosen], [flag in r["flags"] for r in chosen]) for flag in _flag_names(kind)}
        probabilities = {flag: _cross_fitted(chosen, flag) for flag in _flag_names(kind)}
        rows = []
        for i, r in enumerate(chosen):
            features = analyse(kind, r.get("context", ""), r["text"], r.get("context_risk")).features
            features.update({f"p_{flag}": probabilities[flag][i] for flag in _flag_names(kind)})
            rows.append(features)
        targets = {"overall": [float(r["rating"]) for r in chosen]}
        for name in DIMENSIONS:
            targets[name] = [float(r["dimensions"][name]) for r in chosen]
        model["kinds"][kind] = {target: fit_ridge(rows, values, alpha) for target, values in targets.items()}
        model["kinds"][kind]["flag_models"] = flag_models
    return model


# --- Scoring and explanation ---------------------------------------------------------------------

SUGGESTIONS = {
    "risk_not_addressed": "The client mentions not wanting to be here: ask directly and caringly about safety, "
                          "for example whether they are having thoughts of ending their life.",
    "judgmental": "Take out the blame: say what makes the reaction understandable instead of what was wrong with it.",
    "invalidating": "Let the feeling be there before anything else: name it and say why it makes sense.",
    "self_attack": "Notice the harsh words and rewrite one sentence as a caring friend would say it.",
    "premature_advice": "Meet the feeling first, in a sentence or two, then ask whether they would like to think about a step.",
    "minimising": "Stay with how big this feels to them rather than making it smaller.",
    "toxic_positivity": "Swap the cheerful push for an honest acknowledgement that this is hard.",
    "should_pressure": "Turn one 'should' into encouragement: what small step would you like to take, and why does it matter to you?",
    "self_inadequacy": "Answer the 'not good enough' voice with understanding: what would you say to a friend who felt this?",
}
DIMENSION_SUGGESTIONS = {
    "warmth": "Open by naming the feeling warmly, for example 'It makes sense that this hurts.'",
    "understanding": "Offer some understanding of why it is so hard: the tricky brain, the threat system, 'not your fault'.",
    "helpful_action": "End with an open question or one small, kind step you could explore together.",
    "strength": "Show you can stay with this: 'We can take this at your pace; I'm here.'",
    "non_judgement": "Check each sentence for judgement and soften it.",
}
FLAG_ORDER = ["risk_not_addressed", "judgmental", "self_attack", "invalidating", "premature_advice", "minimising",
              "toxic_positivity", "should_pressure", "self_inadequacy"]


def _clip(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def score(kind: str, context: str, text: str, model: dict | None = None, context_risk: bool | None = None) -> Feedback:
    """Feedback on `text`. For a response, `context` is the client's statement and `context_risk`
    says whether it shows suicide-risk cues (None: the risk screen decides from the context)."""
    analysis = analyse(kind, context, text, context_risk)
    weights = (model or load_model())["kinds"][kind]
    flag_models = weights.get("flag_models", {})
    probabilities = {flag: learned.probability(m, text) for flag, m in flag_models.items()}
    features = analysis.features | {f"p_{flag}": p for flag, p in probabilities.items()}
    overall = _clip(predict(weights["overall"], features), 0.0, 4.0)
    dimensions = {name: round(_clip(predict(weights[name], features), 0.0, 1.0), 2) for name in DIMENSIONS}
    evidence = {name: [analysis.sentences[i].text for i in where] for name, where in analysis.flag_hits.items() if where}
    for flag, p in probabilities.items():
        if p >= FLAG_THRESHOLD and flag not in evidence:
            strongest = learned.strongest_sentence(flag_models[flag], [s.text for s in analysis.sentences if s.text])
            if strongest and learned.probability(flag_models[flag], strongest) >= SENTENCE_THRESHOLD:
                evidence[flag] = [strongest]
    if analysis.risk_in_context and not analysis.asked_safety:
        evidence["risk_not_addressed"] = risk.screen(context, for_context=True).evidence or [s.text for s in t.sentences(context)][:2]
        overall = min(overall, 2.0)  # the rubric's cap
    for name, where in analysis.dimension_hits.items():
        if where:
            evidence[name] = [analysis.sentences[i].text for i in where]
    flags = [name for name in FLAG_ORDER if name in evidence]
    cue_sentences = {i for where in list(analysis.flag_hits.values()) + list(analysis.dimension_hits.values()) for i in where}
    coverage = len(cue_sentences) / max(len(analysis.sentences), 1)
    confidence = round(_clip(0.35 + 0.5 * coverage + (0.1 if analysis.flag_hits and flags else 0.0), 0.2, 0.9), 2)
    return Feedback(round(overall, 2), dimensions, flags, evidence, confidence, _suggestion(flags, dimensions))


def _suggestion(flags: list[str], dimensions: dict[str, float]) -> str:
    for name in FLAG_ORDER:
        if name in flags:
            return SUGGESTIONS[name]
    weakest = min(DIMENSIONS, key=lambda name: dimensions[name])
    if dimensions[weakest] < 0.6:
        return DIMENSION_SUGGESTIONS[weakest]
    return "This holds warmth, understanding and a gentle next step. Notice what you did, so you can do it again."


DIMENSION_WORDS = {
    "warmth": ("You met the feeling with warmth.", "The feeling could be met more warmly."),
    "understanding": ("You showed understanding of why it is hard.", "There is room for more understanding of why it is hard."),
    "strength": ("You stayed steady with the distress.", "You could show more steadiness in staying with it."),
    "helpful_action": ("You oriented toward a kind, doable next step.", "A gentle question or next step would help."),
    "non_judgement": ("There is no judgement in it.", "Some of it reads as judgement."),
}


def describe(feedback: Feedback) -> list[str]:
    """Plain words for each dimension, for the feedback panel."""
    return [DIMENSION_WORDS[name][0 if value >= 0.6 else 1] for name, value in feedback.dimensions.items()]
