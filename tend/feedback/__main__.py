"""Command line: `python -m tend.feedback score|screen|train|eval|cv-risk|eval-risk-file`.

score  reads JSON lines {"id", "kind", "context", "text"} on stdin, writes one JSON line each.
screen reads JSON lines {"id", "text"} on stdin, writes {"id", "risk", "evidence", "engine": {"embeddings"}}
       (whether sentence embeddings took part; the screen runs without them when not installed).
A malformed line gets an error on stderr naming its line number; the other lines still run; the
exit status is 1 when any line failed.
"""

import argparse
import json
import sys

from tend.feedback import engine, risk


def _lines(handle):
    for number, line in enumerate(handle, start=1):
        if line.strip():
            yield number, line


def _read(number: int, line: str, required: dict[str, type]) -> dict:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"line {number}: not valid JSON ({error.msg})") from None
    if not isinstance(item, dict):
        raise ValueError(f"line {number}: expected a JSON object")
    for name, kind in required.items():
        if not isinstance(item.get(name), kind):
            raise ValueError(f"line {number}: field {name!r} must be {'text' if kind is str else kind.__name__}")
    return item


def run_score(stdin, stdout, stderr) -> int:
    failed = 0
    for number, line in _lines(stdin):
        try:
            item = _read(number, line, {"id": str, "kind": str, "text": str})
            if item["kind"] not in {"response", "letter"}:
                raise ValueError(f"line {number}: field 'kind' must be 'response' or 'letter'")
            result = engine.score(item["kind"], item.get("context") or "", item["text"])
        except ValueError as problem:
            failed += 1
            print(problem, file=stderr)
            continue
        out = {"id": item["id"], "overall": result.overall, "dimensions": result.dimensions, "flags": result.flags,
               "evidence": result.evidence, "confidence": result.confidence, "suggestion": result.suggestion, "engine": result.engine}
        print(json.dumps(out, ensure_ascii=False), file=stdout)
    return 1 if failed else 0


def run_screen(stdin, stdout, stderr) -> int:
    failed = 0
    for number, line in _lines(stdin):
        try:
            item = _read(number, line, {"id": str, "text": str})
        except ValueError as problem:
            failed += 1
            print(problem, file=stderr)
            continue
        result = risk.screen(item["text"])
        out = {"id": item["id"], "risk": result.risk, "evidence": result.evidence, "engine": {"embeddings": result.embeddings}}
        print(json.dumps(out, ensure_ascii=False), file=stdout)
    return 1 if failed else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tend.feedback", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("score", help="score responses and letters (JSON lines on stdin)")
    sub.add_parser("screen", help="risk-screen texts (JSON lines on stdin)")
    sub.add_parser("train", help="train the model on the training split of tend/feedback/data and save model.json")
    sub.add_parser("eval", help="evaluate on the held-out split and print the figures")
    cv = sub.add_parser("cv-risk", help="cross-validate the risk screen on the training split only (for development)")
    cv.add_argument("--by", choices=["category", "file"], help="leave one category (or one data file) out at a time")
    file_eval = sub.add_parser("eval-risk-file", help="risk screen figures with 95 %% intervals on a JSONL file of {id, text, risk}")
    file_eval.add_argument("path")
    args = parser.parse_args(argv)
    if args.command == "score":
        return run_score(sys.stdin, sys.stdout, sys.stderr)
    if args.command == "screen":
        return run_screen(sys.stdin, sys.stdout, sys.stderr)
    from tend.feedback import evaluation

    if args.command == "train":
        return evaluation.train_and_save()
    if args.command == "cv-risk":
        return evaluation.risk_cv_report(by=args.by)
    if args.command == "eval-risk-file":
        return evaluation.risk_file_report(args.path)
    return evaluation.report()


if __name__ == "__main__":
    sys.exit(main())
