"""Training and honest evaluation on our own labelled data (tend/feedback/data/).

The split is frozen and grouped: a client statement's replies are all in training or all in the
held-out test split (never both); letters and risk texts are split by id. The split is decided
by a hash of the id, so it never changes as data grows and nobody can pick a flattering one.
Figures come with bootstrap 95 % intervals. Run `python -m tend.feedback eval` (held-out split) or
`python -m tend.feedback cv-risk` (risk screen, cross-validation on its training texts only).
"""

import hashlib
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

from tend.feedback import engine, risk
from tend.feedback.text import normalise, strip_quotations
from tend.feedback.text import sentences as _sentences


def text_sentences(text: str):
    return _sentences(normalise(text))

DATA = Path(__file__).with_name("data")
RESPONSE_FLAGS = ["judgmental", "minimising", "premature_advice", "invalidating", "toxic_positivity", "risk_not_addressed"]
LETTER_FLAGS = ["self_attack", "self_inadequacy", "should_pressure", "minimising", "toxic_positivity"]
TARGETS = {"spearman": 0.75, "pairwise": 0.85, "flag_macro_f1": 0.7, "risk_recall_high": 1.0, "risk_recall_possible": 0.9,
           "risk_false_alarms_none": 0.05}


def read_jsonl(name: str) -> list[dict]:
    path = DATA / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()] if path.exists() else []


def is_test(key: str) -> bool:
    return int(hashlib.sha256(key.encode()).hexdigest(), 16) % 5 == 0


def labelled_records() -> list[dict]:
    statements = {s["id"]: s for s in read_jsonl("statements.jsonl") + read_jsonl("statements_more.jsonl")}
    records = []
    for item in read_jsonl("responses.jsonl") + read_jsonl("responses_more.jsonl"):
        statement = statements[item["statement_id"]]
        records.append({**item, "kind": "response", "context": statement["text"], "group": item["statement_id"],
                        "context_risk": statement["risk_cues"]})
    for item in read_jsonl("letters.jsonl"):
        records.append({**item, "kind": "letter", "group": item["id"]})
    return records


def split(records: list[dict]) -> tuple[list[dict], list[dict]]:
    train = [r for r in records if not is_test(r["group"])]
    test = [r for r in records if is_test(r["group"])]
    return train, test


def train_and_save() -> int:
    train, _ = split(labelled_records())
    if not train:
        print("No labelled data found in tend/feedback/data/.", file=sys.stderr)
        return 1
    model = engine.train(train)
    model["risk"] = train_risk_model()
    model["risk_context"] = train_context_risk_model()
    engine.MODEL_PATH.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")))
    engine.load_model.cache_clear()
    print(f"Trained on {len(train)} items; saved {engine.MODEL_PATH.name}.")
    return 0


# Chosen on the risk training texts only (never a test file), scoring each setting by
# leave-one-file-out cross-validation (a miss on high weighs 3, on possible 2, a false alarm 2, a
# possible text given the high panel 1): over t_any 0.6–0.9 and t_high 0.6–0.8 (word classes), then
# e_any 0.7–0.8 and e_high 0.6–0.8 (embeddings), 0.8/0.6 and 0.7/0.7 were best on 2026-11-26
# (2,251 texts; 0.8/0.7 tied, with fewer false alarms and fewer possible texts caught). The v3
# blind set, already evaluated, served as a check that embeddings help at all (see README.md).
RISK_THRESHOLDS = {"t_any": 0.8, "t_high": 0.6, "t_veto": -1.0, "e_any": 0.7, "e_high": 0.7}


def train_risk_model(dev: list[dict] | None = None, thresholds: dict | None = None) -> dict:
    """The risk screen's learned part, trained on `dev` (default: the whole risk training split):
    logistic regressions over words and word classes (`riskwords`)."""
    from tend.feedback import learned, riskwords

    dev = dev if dev is not None else risk_items()
    # Ordinary first-person writing (sentences of our labelled letters, none of them about risk)
    # teaches the model that "I" plus a feeling is not, by itself, a risk.
    ordinary = [s.text for r in read_jsonl("letters.jsonl") if not is_test(r["id"]) for s in text_sentences(r["text"])]
    texts = [r["text"] for r in dev] + ordinary
    model = {
        "features": "classes",
        "any": learned.fit(texts, [r["risk"] != "none" for r in dev] + [False] * len(ordinary), featurise=riskwords.features),
        "high": learned.fit(texts, [r["risk"] == "high" for r in dev] + [False] * len(ordinary), featurise=riskwords.features),
        **{k: v for k, v in (thresholds or RISK_THRESHOLDS).items() if not k.startswith("e_")},
    }
    embedding = train_risk_embedding_model(dev, thresholds)
    if embedding:
        model["embedding"] = embedding
    return model


_VECTORS: dict[str, list[float]] = {}  # text → embedding, so cross-validation embeds each text once


def _vectors(texts: list[str]):
    from tend.feedback import embeddings

    embedder = embeddings.load()
    missing = [x for x in dict.fromkeys(texts) if x not in _VECTORS]
    for start in range(0, len(missing), 64):
        chunk = missing[start:start + 64]
        _VECTORS.update(zip(chunk, embedder.embed(chunk)))
    return [_VECTORS[x] for x in texts]


def train_risk_embedding_model(dev: list[dict], thresholds: dict | None = None) -> dict | None:
    """Two logistic regressions over sentence embeddings (any risk; high), or None when the
    embeddings are not installed. Trained on whole texts (quotations removed), with each sentence of
    a longer text that is not risk as a further negative, since the screen reads sentence by sentence."""
    from tend.feedback import embeddings

    if embeddings.load() is None:
        return None
    units, any_risk, high = [], [], []
    for r in dev:
        cleaned = risk._strip_quotes(strip_quotations(normalise(r["text"])))
        units.append(cleaned)
        any_risk.append(r["risk"] != "none")
        high.append(r["risk"] == "high")
        parts = text_sentences(cleaned)
        if r["risk"] == "none" and len(parts) > 1:
            units += [s.text for s in parts]
            any_risk += [False] * len(parts)
            high += [False] * len(parts)
    vectors = _vectors(units)
    chosen = thresholds or RISK_THRESHOLDS
    return {"any": embeddings.fit(vectors, any_risk), "high": embeddings.fit(vectors, high),
            "t_any": chosen.get("e_any", 1.1), "t_high": chosen.get("e_high", 1.1)}


def train_context_risk_model() -> dict:
    """The previous screen's n-gram model, which the feedback engine keeps using to screen client
    statements so that feedback scores do not change (trained on the three earlier risk files)."""
    from tend.feedback import learned

    dev = [r for name in RISK_FILES[:3] for r in read_jsonl(name) if not is_test(r["id"])]
    ordinary = [s.text for r in read_jsonl("letters.jsonl") if not is_test(r["id"]) for s in text_sentences(r["text"])]
    texts = [r["text"] for r in dev] + ordinary
    return {"any": learned.fit(texts, [r["risk"] != "none" for r in dev] + [False] * len(ordinary)),
            "high": learned.fit(texts, [r["risk"] == "high" for r in dev] + [False] * len(ordinary)),
            "t_any": 0.95, "t_high": 0.7}


# --- Statistics ----------------------------------------------------------------------------------


def _ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def spearman(a: list[float], b: list[float]) -> float:
    ra, rb = _ranks(a), _ranks(b)
    n = len(a)
    ma, mb = sum(ra) / n, sum(rb) / n
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    va, vb = sum((x - ma) ** 2 for x in ra), sum((y - mb) ** 2 for y in rb)
    return cov / (va * vb) ** 0.5 if va and vb else 0.0


def pairwise_accuracy(items: list[tuple[str, float, float]]) -> float:
    """Within each group, how often the predicted order of two differently rated items is right."""
    by_group = defaultdict(list)
    for group, truth, predicted in items:
        by_group[group].append((truth, predicted))
    right = total = 0
    for pairs in by_group.values():
        for i in range(len(pairs)):
            for j in range(i + 1, len(pairs)):
                (ti, pi), (tj, pj) = pairs[i], pairs[j]
                if ti == tj:
                    continue
                total += 1
                right += (pi - pj) * (ti - tj) > 0
    return right / total if total else 0.0


def weighted_kappa(a: list[int], b: list[int], categories: int = 5) -> float:
    """Quadratic-weighted Cohen's kappa for two raters' 0–4 ratings."""
    n = len(a)
    observed = [[0.0] * categories for _ in range(categories)]
    for x, y in zip(a, b):
        observed[x][y] += 1
    row = [sum(observed[i]) for i in range(categories)]
    col = [sum(observed[i][j] for i in range(categories)) for j in range(categories)]
    num = den = 0.0
    for i in range(categories):
        for j in range(categories):
            weight = (i - j) ** 2 / (categories - 1) ** 2
            num += weight * observed[i][j]
            den += weight * row[i] * col[j] / n
    return 1 - num / den if den else 1.0


def prf(truth: list[bool], predicted: list[bool]) -> tuple[float, float, float]:
    tp = sum(t and p for t, p in zip(truth, predicted))
    fp = sum(p and not t for t, p in zip(truth, predicted))
    fn = sum(t and not p for t, p in zip(truth, predicted))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def bootstrap(items: list, statistic, groups: list[str] | None = None, rounds: int = 500, seed: int = 7) -> tuple[float, float]:
    """95 % interval by resampling items (or whole groups, when given)."""
    rng = random.Random(seed)
    if groups:
        by_group = defaultdict(list)
        for item, group in zip(items, groups):
            by_group[group].append(item)
        keys = list(by_group)
        draw = lambda: [x for _ in keys for x in by_group[rng.choice(keys)]]  # noqa: E731
    else:
        draw = lambda: [rng.choice(items) for _ in items]  # noqa: E731
    values = sorted(statistic(draw()) for _ in range(rounds))
    return values[int(0.025 * rounds)], values[int(0.975 * rounds) - 1]


def _fmt(value: float, interval: tuple[float, float], target: float | None = None, higher_is_better: bool = True) -> str:
    mark = ""
    if target is not None:
        met = value >= target if higher_is_better else value <= target
        mark = f"  target {'≥' if higher_is_better else '≤'} {target:g}: {'met' if met else 'NOT met'}"
    return f"{value:.3f} (95 % CI {interval[0]:.3f}–{interval[1]:.3f}){mark}"


# --- The report ----------------------------------------------------------------------------------


def report(out=sys.stdout) -> int:
    records = labelled_records()
    train, test = split(records)
    if not test:
        print("No held-out data: add labelled data under tend/feedback/data/.", file=sys.stderr)
        return 1
    model = engine.train(train)
    model["risk"] = train_risk_model()
    print(f"Feedback engine evaluation — trained on {len(train)} items, tested on {len(test)} held-out items "
          f"(grouped by client statement; embeddings: none)", file=out)
    for kind, flags in (("response", RESPONSE_FLAGS), ("letter", LETTER_FLAGS)):
        chosen = [r for r in test if r["kind"] == kind]
        if not chosen:
            continue
        # As in a drill, the statement's risk marker comes from the content (written by us).
        scored = [(r, engine.score(kind, r.get("context", ""), r["text"], model=model, context_risk=r.get("context_risk"))) for r in chosen]
        rows = [(r["group"], float(r["rating"]), f.overall) for r, f in scored]
        groups = [g for g, _, _ in rows]
        rho = spearman([x for _, x, _ in rows], [y for _, _, y in rows])
        print(f"\n{kind}s: {len(chosen)} held-out items", file=out)
        print("  Spearman (overall vs rating): " + _fmt(rho, bootstrap(rows, lambda s: spearman([x for _, x, _ in s], [y for _, _, y in s]), groups), TARGETS["spearman"]), file=out)
        if kind == "response":
            pair = pairwise_accuracy(rows)
            print("  Pairwise ranking within a client statement: " + _fmt(pair, bootstrap(rows, pairwise_accuracy, groups), TARGETS["pairwise"]), file=out)
        f1s = []
        for flag in flags:
            truth = [flag in r["flags"] for r, _ in scored]
            predicted = [flag in f.flags for _, f in scored]
            p, rc, f1 = prf(truth, predicted)
            f1s.append(f1)
            pairs = list(zip(truth, predicted))
            ci = bootstrap(pairs, lambda s: prf([a for a, _ in s], [b for _, b in s])[2], groups)
            print(f"  flag {flag:<20} precision {p:.2f} recall {rc:.2f} F1 {_fmt(f1, ci)}  (n true {sum(truth)})", file=out)
        if kind == "response":
            detected = [(("risk_not_addressed" in r["flags"]), "risk_not_addressed" in engine.score(kind, r["context"], r["text"], model=model).flags) for r in chosen]
            print(f"  (risk_not_addressed when the risk screen must find the cues itself: F1 {prf([a for a, _ in detected], [b for _, b in detected])[2]:.3f})", file=out)
        macro = sum(f1s) / len(f1s)
        print(f"  macro-F1 of flags: {macro:.3f}  target ≥ {TARGETS['flag_macro_f1']:g}: {'met' if macro >= TARGETS['flag_macro_f1'] else 'NOT met'}", file=out)
    _risk_report(out, model["risk"])
    _agreement_report(out)
    return 0


def risk_file_report(path: str, out=None) -> int:
    """Per-level recall and false alarms, with bootstrap 95 % intervals, for a JSONL file of
    {"id", "text", "risk"} screened by the shipped model. Meant to be run once on a fresh test set."""
    out = out or sys.stdout
    items = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        item = json.loads(line)
        if item.get("risk") not in {"high", "possible", "none"} or not isinstance(item.get("text"), str):
            print(f"line {number}: needs 'text' and 'risk' (high|possible|none)", file=sys.stderr)
            return 1
        items.append(item)
    if not items:
        print("No items.", file=sys.stderr)
        return 1
    results = [(r["risk"], risk.screen(r["text"]).risk) for r in items]
    print(f"risk screen on {path}: {len(items)} texts", file=out)
    _print_risk_figures(out, results, say_empty=True)
    possibles = [(t, p) for t, p in results if t == "possible"]
    if possibles:
        print(f"  possible texts given the high panel: {sum(p == 'high' for _, p in possibles) / len(possibles):.3f}", file=out)
    return 0


# Training texts for the risk screen. Each `risk_blind_*` file was a fresh blind test set (v2 on
# 2026-11-25, v3 on 2026-11-26); once evaluated it joined the training texts, and a new blind set
# took its place (RISK_TEST_FILES).
RISK_FILES = ("risk.jsonl", "risk_more.jsonl", "risk_extra.jsonl", "risk_extra2.jsonl", "risk_blind_v2.jsonl",
              "risk_blind_v3a.jsonl", "risk_blind_v3b.jsonl")
# The risk screen's test set: written blind to the screen's rules and training texts, by writers
# who read only the rubric and the research notes; never used for tuning (see README.md).
RISK_TEST_FILES = ("risk_test_v4a.jsonl", "risk_test_v4b.jsonl")


def risk_items() -> list[dict]:
    """Our labelled risk texts, named file by file (never a pattern: other files in data/ are not ours to read)."""
    return [item for name in RISK_FILES for item in read_jsonl(name)]


def risk_test_items() -> list[dict]:
    return [item for name in RISK_TEST_FILES for item in read_jsonl(name)]


def _risk_report(out, model: dict) -> None:
    items = risk_test_items()
    if not items:
        return
    screened = {r["id"]: risk.screen(r["text"], model=model).risk for r in items}
    print(f"\nrisk screen: {len(items)} texts of the blind test set ({', '.join(RISK_TEST_FILES)})", file=out)
    _print_risk_figures(out, [(r["risk"], screened[r["id"]]) for r in items])
    _risk_agreement_report(out, items, screened)


def _print_risk_figures(out, results: list[tuple[str, str]], say_empty: bool = False) -> None:
    """Per-level recall and false alarms of (true level, screened level) pairs, with 95 % intervals."""
    for level, target in (("high", TARGETS["risk_recall_high"]), ("possible", TARGETS["risk_recall_possible"])):
        chosen = [(t, p) for t, p in results if t == level]
        if not chosen:
            if say_empty:
                print(f"  recall on {level:<8} (n 0): no items", file=out)
            continue
        # Recall of `possible` counts a `high` answer as caught (it is at least as cautious).
        caught = lambda s, level=level: sum(p == "high" or (p == level) for _, p in s) / len(s)  # noqa: E731
        print(f"  recall on {level:<8} (n {len(chosen)}): " + _fmt(caught(chosen), bootstrap(chosen, caught), target), file=out)
    nones = [(t, p) for t, p in results if t == "none"]
    if nones:
        alarm = lambda s: sum(p != "none" for _, p in s) / len(s)  # noqa: E731
        print(f"  false alarms on none (n {len(nones)}): " + _fmt(alarm(nones), bootstrap(nones, alarm), TARGETS["risk_false_alarms_none"], higher_is_better=False), file=out)


# A second rater's levels for the risk test set, given blind to the writers' labels and to the screen.
RISK_SECOND_RATER = "risk_test_v4_second_rater.jsonl"
RISK_LEVELS = ("none", "possible", "high")


def cohen_kappa(a: list[int], b: list[int], categories: int, weighted: bool = False) -> float:
    """Cohen's kappa for two raters' category indices; `weighted` uses linear weights (ordered levels)."""
    n = len(a)
    observed = [[0.0] * categories for _ in range(categories)]
    for x, y in zip(a, b):
        observed[x][y] += 1
    row = [sum(observed[i]) for i in range(categories)]
    col = [sum(observed[i][j] for i in range(categories)) for j in range(categories)]
    disagree = lambda i, j: abs(i - j) / (categories - 1) if weighted else float(i != j)  # noqa: E731
    num = sum(disagree(i, j) * observed[i][j] for i in range(categories) for j in range(categories))
    den = sum(disagree(i, j) * row[i] * col[j] / n for i in range(categories) for j in range(categories))
    return 1 - num / den if den else 1.0


def _risk_agreement_report(out, items: list[dict], screened: dict[str, str]) -> None:
    """How far two careful readers agree on the test set's levels (the ceiling for the screen),
    and the screen's figures on the texts both put at the same level."""
    second = {r["id"]: r["risk"] for r in read_jsonl(RISK_SECOND_RATER)}
    pairs = [(RISK_LEVELS.index(r["risk"]), RISK_LEVELS.index(second[r["id"]])) for r in items if r["id"] in second]
    if not pairs:
        return
    kappa = lambda s: cohen_kappa([a for a, _ in s], [b for _, b in s], 3)  # noqa: E731
    linear = lambda s: cohen_kappa([a for a, _ in s], [b for _, b in s], 3, weighted=True)  # noqa: E731
    print(f"\nrisk levels, second blind rater on {len(pairs)} test texts: Cohen's kappa {_fmt(kappa(pairs), bootstrap(pairs, kappa))}; "
          f"linear-weighted {_fmt(linear(pairs), bootstrap(pairs, linear))}", file=out)
    for index, level in reversed(list(enumerate(RISK_LEVELS))):
        seconds = [b for a, b in pairs if a == index]
        same = sum((b == index) if level != "possible" else (b >= index) for b in seconds)
        how = "at least possible" if level == "possible" else level
        print(f"  of the writers' {level} texts (n {len(seconds)}), the second rater called {how}: {same / len(seconds):.3f}", file=out)
    agreed = [(r["risk"], screened[r["id"]]) for r in items if second.get(r["id"]) == r["risk"]]
    print(f"  the screen on the {len(agreed)} texts both raters put at the same level:", file=out)
    _print_risk_figures(out, agreed)


def _fold(key: str, k: int) -> int:
    return int(hashlib.sha256(f"cv:{key}".encode()).hexdigest(), 16) % k


def _source(item: dict) -> str:
    """Which data file (which writing pass) an item comes from: the letter before its number."""
    return item["id"].rstrip("0123456789") or "?"


GROUPINGS = {
    "category": lambda r: f"{r['risk']}/{r.get('category', '?')}",
    "file": _source,
}


def risk_cross_validation(k: int = 5, items: list[dict] | None = None, by: str | None = None) -> list[tuple[dict, str]]:
    """Cross-validation of the risk screen on its training texts only (the blind test set is never
    read): each fold is screened by a learned fallback trained on the other folds. `by=None` is
    k-fold by a hash of the id; `by="category"` leaves one category out at a time (the learned part
    never sees the kind of text it is tested on); `by="file"` leaves one data file (one writing
    pass) out at a time. Returns (item, predicted level) pairs."""
    items = items if items is not None else risk_items()
    if by is None:
        key = lambda r: _fold(r["id"], k)  # noqa: E731
    else:
        key = GROUPINGS[by]
    results = []
    for fold in sorted({key(r) for r in items}):
        model = train_risk_model([r for r in items if key(r) != fold])
        results += [(r, risk.screen(r["text"], model=model).risk) for r in items if key(r) == fold]
    return results


def risk_figures(results: list[tuple[dict, str]]) -> dict[str, float]:
    """Recall on high, recall on possible (a `high` answer counts as caught), false alarms on none,
    and how often a `possible` text opened the interrupting `high` panel."""
    def share(level, hit):
        chosen = [p for r, p in results if r["risk"] == level]
        return sum(hit(p) for p in chosen) / len(chosen) if chosen else float("nan")
    return {"recall_high": share("high", lambda p: p == "high"),
            "recall_possible": share("possible", lambda p: p != "none"),
            "false_alarms_none": share("none", lambda p: p != "none"),
            "possible_called_high": share("possible", lambda p: p == "high")}


def risk_cv_report(out=sys.stdout, k: int = 5, by: str | None = None) -> int:
    results = risk_cross_validation(k, by=by)
    figures = risk_figures(results)
    how = f"{k}-fold cross-validation" if by is None else f"leave-one-{by}-out cross-validation"
    print(f"risk screen, {how} on its training texts ({len(results)} texts; blind test set not used)", file=out)
    print("  " + "  ".join(f"{name} {value:.3f}" for name, value in figures.items()), file=out)
    by_category = defaultdict(list)
    for r, predicted in results:
        by_category[(r["risk"], r.get("category", "?"))].append(predicted)
    for (level, category), predicted in sorted(by_category.items()):
        right = sum((p == "high") if level == "high" else (p != "none") if level == "possible" else (p == "none") for p in predicted)
        print(f"  {level:<8} {category:<22} {right}/{len(predicted)}", file=out)
    return 0


def _agreement_report(out) -> None:
    second = {r["id"]: r for r in read_jsonl("second_pass.jsonl")}
    first = {r["id"]: r for r in read_jsonl("responses.jsonl") + read_jsonl("letters.jsonl")}
    pairs = [(first[i]["rating"], second[i]["rating"]) for i in second if i in first]
    if not pairs:
        return
    kappa = weighted_kappa([a for a, _ in pairs], [b for _, b in pairs])
    ci = bootstrap(pairs, lambda s: weighted_kappa([a for a, _ in s], [b for _, b in s]))
    rho = spearman([a for a, _ in pairs], [b for _, b in pairs])
    print(f"\nhuman agreement (second independent rating of {len(pairs)} items): quadratic-weighted kappa "
          f"{_fmt(kappa, ci)}; Spearman {rho:.3f} — the ceiling to compare the engine with", file=out)
