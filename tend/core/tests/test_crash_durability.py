"""REL-01: an acknowledged autosave survives a crash of the app server or of the database.

The harness (tend.testing.crash_harness) runs a real gunicorn against a fresh database and
SIGKILLs it (and, on PostgreSQL, crash-stops a throwaway cluster) in the middle of autosave
requests. The real configuration must keep every acknowledged save; a deliberately weakened
configuration must be caught losing some, or the harness proves nothing.

The backend follows DATABASE_URL: PostgreSQL there means a private throwaway cluster (initdb on
a unix socket, never the shared one); otherwise SQLite. Run with -s to see the figures:

    TEND_FAST_PASSWORD_HASHER=1 .venv/bin/python -m pytest -q -s -m crash tend/core/tests/test_crash_durability.py

TEND_CRASH_SAVES (default 150) and TEND_CRASH_SEED tune a run.
"""

import os

import pytest

from tend.testing import crash_harness

pytestmark = pytest.mark.crash

SAVES = int(os.environ.get("TEND_CRASH_SAVES", "150"))
SEED = int(os.environ["TEND_CRASH_SEED"]) if os.environ.get("TEND_CRASH_SEED") else None
CONTROL_SAVES = min(SAVES, 80)
APP_KILLS = 4
DB_CRASHES = 2
BACKEND = "postgres" if os.environ.get("DATABASE_URL", "").startswith(("postgres", "pgsql")) else "sqlite"


def run(saves: int = SAVES, **options) -> crash_harness.Result:
    try:
        result = crash_harness.run_harness(backend=BACKEND, saves=saves, seed=SEED, time_limit=120, **options)
    except crash_harness.Unavailable as reason:
        pytest.skip(f"crash harness on {BACKEND}: {reason}")
    print("\n" + result.figures())
    return result


def test_acknowledged_autosaves_survive_app_and_database_crashes():
    result = run(app_kills=APP_KILLS, db_crashes=DB_CRASHES)
    assert result.passed, result.figures()
    assert result.acked == SAVES, result.figures()
    assert result.lost_acked == 0 and result.db_body_matches, result.figures()
    assert result.app_kills == APP_KILLS, result.figures()
    assert result.db_crashes == (DB_CRASHES if BACKEND == "postgres" else 0), result.figures()


def test_harness_catches_weakened_durability():
    """Negative control. SQLite: a write-behind WSGI wrapper acknowledges before writing, and app
    kills lose those saves. PostgreSQL: synchronous_commit=off, and database crash-stops lose them."""
    if BACKEND == "postgres":
        result = run(weakened=True, app_kills=0, db_crashes=crash_harness.WEAK_PG_CRASHES)
    else:
        result = run(weakened=True, app_kills=APP_KILLS)
    assert not result.passed, "the weakened configuration was not caught:\n" + result.figures()
    assert result.lost_acked > 0, result.figures()


def test_weakened_configuration_only_fails_because_of_the_crashes():
    """Control of the control: without the crash that exposes it, the weakened configuration keeps
    every save, so the failure above is the crashes' doing and not the harness's."""
    if BACKEND == "postgres":
        # The database process survives an app kill, so asynchronous commits are not lost.
        result = run(CONTROL_SAVES, weakened=True, app_kills=2, db_crashes=0)
    else:
        result = run(CONTROL_SAVES, weakened=True, app_kills=0)
    assert result.passed, result.figures()
    assert result.acked == CONTROL_SAVES, result.figures()
