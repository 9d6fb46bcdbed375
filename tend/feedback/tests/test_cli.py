import io
import json
import os
import subprocess
import sys
from pathlib import Path

from tend.feedback import embeddings
from tend.feedback.__main__ import run_screen

ROOT = Path(__file__).resolve().parents[3]


def test_screen_reads_json_lines_and_reports_bad_lines_without_stopping():
    stdin = io.StringIO('{"id": "a", "text": "I have been saving my pills."}\nnot json\n{"id": "b"}\n{"id": "c", "text": "fine"}\n')
    out, err = io.StringIO(), io.StringIO()
    assert run_screen(stdin, out, err) == 1
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [(r["id"], r["risk"]) for r in results] == [("a", "high"), ("c", "none")]
    assert "line 2: not valid JSON" in err.getvalue() and "line 3: field 'text' must be text" in err.getvalue()


def test_the_command_line_runs_as_a_module():
    result = subprocess.run(
        [sys.executable, "-m", "tend.feedback", "screen"], input='{"id": "x", "text": "This deadline is killing me."}\n',
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"id": "x", "risk": "none", "evidence": [], "engine": {"embeddings": embeddings.load() is not None}}


def test_the_screen_says_when_it_runs_without_embeddings():
    result = subprocess.run(
        [sys.executable, "-m", "tend.feedback", "screen"], input='{"id": "x", "text": "I keep daydreaming about a long sleep."}\n',
        capture_output=True, text=True, cwd=ROOT, timeout=60, env={**os.environ, "TEND_FEEDBACK_EMBEDDINGS": "0"},
    )
    assert result.returncode == 0 and json.loads(result.stdout)["engine"] == {"embeddings": False}


def test_the_package_imports_nothing_from_django():
    code = "import sys, tend.feedback, tend.feedback.evaluation; print(any(m.startswith('django') for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.stdout.strip() == "False", result.stderr
