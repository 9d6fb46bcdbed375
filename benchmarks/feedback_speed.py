"""Benchmark of the feedback engine: cold start, warm latency per response, memory, install size.

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
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    model_kb = (ROOT / "tend/feedback/model.json").stat().st_size / 1024
    code_kb = sum(p.stat().st_size for p in (ROOT / "tend/feedback").glob("*.py")) / 1024
    print(f"cold start (import + model load + first score), best of 3: {min(colds):.2f} s  (target ≤ 3 s)")
    print(f"warm latency over {len(timings)} responses: median {timings[len(timings) // 2]:.1f} ms, "
          f"p95 {timings[int(len(timings) * 0.95)]:.1f} ms  (target p95 ≤ 150 ms)")
    print(f"peak resident memory of this process: {rss_mb:.0f} MB  (target ≤ 400 MB)")
    print(f"added to the install: no new packages; code {code_kb:.0f} KB, model.json {model_kb:.0f} KB; embeddings: none")
    print(json.dumps({"cold_s": round(min(colds), 3), "p95_ms": round(timings[int(len(timings) * 0.95)], 1), "rss_mb": round(rss_mb)}))


if __name__ == "__main__":
    main()
