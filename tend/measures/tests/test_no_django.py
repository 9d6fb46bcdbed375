"""tend.measures is pure Python: it must import and work with Django absent."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

SCRIPT = """
import sys

class NoDjango:
    def find_spec(self, name, path=None, target=None):
        if name == "django" or name.startswith("django."):
            raise ImportError("Django is blocked in this check")
        return None

sys.meta_path.insert(0, NoDjango())
import tend.measures, tend.measures.definitions, tend.measures.scoring, tend.measures.change
import tend.measures.__main__
from tend.measures.definitions import load_folder
from tend.measures.scoring import score
definitions = load_folder("content/measures")
print(score(definitions["scs-sf"], dict.fromkeys(range(1, 13), 3)).scores["total"])
assert not [name for name in sys.modules if name == "django" or name.startswith("django.")]
"""


def test_measures_import_and_score_without_django():
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "3.0"
