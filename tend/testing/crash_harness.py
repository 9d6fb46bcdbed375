"""Crash-durability harness for the shared autosave mechanism (REL-01, reference §4.3).

It starts a real gunicorn (2 workers, its own process group) on loopback against a fresh
database it prepares itself, and one client performs N sequential autosaves of one journal
entry, each with a fresh `save_id` and the last acknowledged version as `base_version`.
A few times it crashes something 0–10 ms after an autosave request has been sent:

- app kill: SIGKILL to the whole gunicorn process group, then a fresh gunicorn;
- db crash (PostgreSQL only): `pg_ctl stop -m immediate` of a throwaway cluster, then restart.

The unacknowledged save is then retried with the SAME save_id and payload until acknowledged
("replayed" counts). At the end the entry is read straight from the database (decrypted by
the Django ORM in a subprocess): its (version, body) must equal the last acknowledged
(version, body), every acknowledgement must have advanced the version by exactly one, and a
single client must never see a conflict.

Negative controls (the harness must be able to fail):
- SQLite: gunicorn loads `tend.testing.writebehind_wsgi`, which acknowledges before writing;
- PostgreSQL: the throwaway cluster runs with synchronous_commit=off and a 10 s wal_writer_delay.

PostgreSQL is never the shared cluster: a throwaway cluster is made with initdb (as the
`postgres` OS user when run as root) on a unix socket in a temporary directory, with no TCP
listener, and removed afterwards. Before the final read the harness waits (bounded) until the
entry stops changing, so that only the crashes, not the final stop, can be blamed for a loss.

Standard library only on the client side; loopback only; every loop bounded in count and time.

    python -m tend.testing.crash_harness                    # SQLite, durable + write-behind control
    python -m tend.testing.crash_harness --backend postgres # throwaway cluster, both controls
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from tend.testing.processes import REPO_ROOT, Gunicorn, HarnessError, ThrowawayCluster, Unavailable, free_port, request  # noqa: F401
# A fixed test-only Fernet key (32 bytes, url-safe base64): the runs are reproducible.
FERNET_KEY = "dGVuZC1jcmFzaC1oYXJuZXNzLXRlc3Qta2V5LTAwMDE="
CSRF_TOKEN = "CrashHarnessCsrfToken0123456789a"  # 32 alphanumerics: Django accepts an unmasked secret
USER_EMAIL = "crash-harness@test.example"
STRIPPED_ENV = (
    "DATABASE_URL", "SQLITE_PATH", "REDIS_URL", "TEND_VAR_DIR", "TEND_ENCRYPTION_KEYS",
    "TEND_ENV", "DJANGO_SETTINGS_MODULE", "DEBUG", "TEND_WRITE_BEHIND_DELAY",
)

DURABLE_APP = "tend.wsgi"
WRITE_BEHIND_APP = "tend.testing.writebehind_wsgi"
WEAK_PG_OPTIONS = ("synchronous_commit=off", "wal_writer_delay=10000ms")
# An async commit is lost only while it sits in the last, partly filled WAL page (PostgreSQL has
# the WAL writer write out every full page), so one crash loses a few saves, now and then none.
WEAK_PG_CRASHES = 4


@dataclass
class Result:
    backend: str
    mode: str
    saves_planned: int
    acked: int = 0
    retries: int = 0
    replayed: int = 0
    app_kills: int = 0
    db_crashes: int = 0
    conflicts: int = 0
    server_errors: int = 0
    other_4xx: int = 0
    transport_errors: int = 0
    last_acked_version: int = 0
    db_version: int | None = None
    db_body_matches: bool | None = None
    db_conflict_copies: int | None = None
    lost_acked: int = 0
    seconds: float = 0.0
    seed: int = 0
    violations: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # unexpected answers that were retried

    @property
    def passed(self) -> bool:
        return not self.violations

    def figures(self) -> str:
        verdict = "PASS" if self.passed else "FAIL"
        line = (
            f"[{self.backend} / {self.mode}] {verdict}: acked {self.acked}/{self.saves_planned}, "
            f"retries {self.retries}, replayed {self.replayed}, app_kills {self.app_kills}, "
            f"db_crashes {self.db_crashes}, conflicts {self.conflicts}, lost_acked {self.lost_acked}, "
            f"5xx {self.server_errors}, other_4xx {self.other_4xx}, transport_errors {self.transport_errors}, "
            f"last_acked_version {self.last_acked_version}, db_version {self.db_version}, "
            f"db_conflict_copies {self.db_conflict_copies}, {self.seconds:.1f} s, seed {self.seed}"
        )
        if self.violations:
            shown = self.violations[:5] + ([f"... {len(self.violations) - 5} more"] if len(self.violations) > 5 else [])
            line += "\n  " + "\n  ".join(shown)
        if self.notes:
            distinct = sorted(set(self.notes))
            line += "\n  retried answers: " + "; ".join(distinct[:4]) + (" ..." if len(distinct) > 4 else "")
        return line


# --------------------------------------------------------------------------------------------
# Database preparation and the final read: Django in a subprocess, against the run's own env
# --------------------------------------------------------------------------------------------


def _django_subprocess(env: dict, *args: str, timeout: float = 120) -> str:
    done = subprocess.run(
        [sys.executable, *args], cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if done.returncode:
        raise HarnessError(f"{' '.join(args[:3])} failed ({done.returncode}): {done.stderr.strip()[-1500:]}")
    return done.stdout


def prepare_database(env: dict) -> dict:
    _django_subprocess(env, "manage.py", "migrate", "--noinput", "-v", "0", timeout=180)
    out = _django_subprocess(env, "-m", "tend.testing.crash_harness", "--internal", "setup")
    return json.loads(out.strip().splitlines()[-1])


def read_entry(env: dict, entry_id: int) -> dict:
    out = _django_subprocess(env, "-m", "tend.testing.crash_harness", "--internal", "read", "--entry", str(entry_id))
    return json.loads(out.strip().splitlines()[-1])


def _internal_setup() -> dict:
    """Runs inside Django: a trainee, one journal entry, and a signed-in session for the client."""
    import django

    django.setup()
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.db import connection
    from django.utils import timezone

    from tend.core.middleware import SIGNED_IN_AT
    from tend.journal.models import JournalEntry
    from tend.testing.personas import make_user

    user = make_user(USER_EMAIL, "Casey Crash")
    entry = JournalEntry.objects.create(owner=user, title="Crash harness", body="version 1", entry_date=date.today())
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = user._meta.pk.value_to_string(user)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[SIGNED_IN_AT] = timezone.now().isoformat()
    session.create()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # make the set-up itself durable before any crash
            cursor.execute("CHECKPOINT")
    return {
        "entry_id": entry.pk, "version": entry.version, "body": entry.body,
        "session_key": session.session_key, "session_cookie": settings.SESSION_COOKIE_NAME,
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
    }


def _internal_read(entry_id: int) -> dict:
    import django

    django.setup()
    from django.contrib.contenttypes.models import ContentType

    from tend.core.models import ConflictCopy
    from tend.journal.models import JournalEntry

    entry = JournalEntry.objects.get(pk=entry_id)
    copies = ConflictCopy.objects.filter(
        content_type=ContentType.objects.get_for_model(JournalEntry), object_id=entry.pk
    ).count()
    return {"version": entry.version, "body": entry.body, "title": entry.title,
            "last_save_id": entry.last_save_id, "conflict_copies": copies}


# --------------------------------------------------------------------------------------------
# The run
# --------------------------------------------------------------------------------------------


def base_env(var_dir: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in STRIPPED_ENV}
    env.update(
        DJANGO_SETTINGS_MODULE="tend.settings", TEND_VAR_DIR=str(var_dir), TEND_ENCRYPTION_KEYS=FERNET_KEY,
        TEND_FAST_PASSWORD_HASHER="1", DEBUG="0", PYTHONUNBUFFERED="1", LOG_LEVEL="WARNING",
    )
    return env


def _spread(count: int, saves: int, offset: float) -> set[int]:
    """`count` save indexes spread evenly over the run (never the first save)."""
    return {max(1, min(saves - 1, int((j + offset) * saves / (count + 1)))) for j in range(1, count + 1)}


class _Client:
    def __init__(self, port: int, setup: dict, result: Result, rng: random.Random):
        self.port, self.result, self.rng = port, result, rng
        self.path = f"/journal/{setup['entry_id']}/autosave/"
        self.headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"{setup['session_cookie']}={setup['session_key']}; {setup['csrf_cookie']}={CSRF_TOKEN}",
            "X-CSRFToken": CSRF_TOKEN,
            "Accept": "application/json",
        }
        self.version = setup["version"]
        self.body = setup["body"]

    def text(self, index: int) -> str:
        words = " ".join(self.rng.choice(("kind", "noticing", "breath", "soothing", "drive", "threat", "ça", "🌱"))
                         for _ in range(self.rng.randint(20, 120)))
        return f"Save {index}: {words}"

    def payload(self, index: int, text: str, save_id: str) -> bytes:
        form = {
            "base_version": str(self.version), "save_id": save_id, "title": f"Crash harness {index}",
            "entry_date": date.today().isoformat(), "body": text, "tags": "crash, harness", "visibility": "private",
        }
        return urllib.parse.urlencode(form).encode()

    def send(self, data: bytes, on_sent: threading.Event | None = None) -> tuple[int, dict | None] | None:
        """(HTTP status, JSON answer or None), or None when the connection failed."""
        try:
            status, raw = request(self.port, "POST", self.path, body=data, headers=self.headers, on_sent=on_sent)
        except (OSError, http.client.HTTPException):
            self.result.transport_errors += 1
            return None
        try:
            answer = json.loads(raw)
        except ValueError:
            answer = None
        if status >= 500:
            self.result.server_errors += 1
        if status != 200 and status != 409 and len(self.result.notes) < 20:
            self.result.notes.append(f"HTTP {status}: {raw[:100]!r}")
        return status, answer


def _check_ack(result: Result, index: int, answer: dict, expected_version: int) -> None:
    if answer.get("version") != expected_version:
        result.violations.append(
            f"save {index}: acknowledged as {answer.get('status')} with version {answer.get('version')}, "
            f"expected {expected_version} (one more than the last acknowledged)"
        )


def run_harness(*, backend: str = "sqlite", weakened: bool = False, saves: int = 200, app_kills: int = 4,
                db_crashes: int = 2, seed: int | None = None, time_limit: float = 150, keep: bool = False,
                write_behind_delay: float = 0.25, verbose: bool = False) -> Result:
    """One run. backend: "sqlite" or "postgres" (a throwaway cluster). weakened: the negative control."""
    if backend not in {"sqlite", "postgres"}:
        raise ValueError(f"unknown backend {backend!r}")
    seed = random.SystemRandom().randrange(1 << 30) if seed is None else seed
    rng = random.Random(seed)
    if backend == "sqlite":
        db_crashes = 0  # a process kill is the crash SQLite can meet here: it has no server to stop
    mode = ("synchronous_commit=off" if backend == "postgres" else "write-behind") if weakened else "durable"
    result = Result(backend=backend, mode=mode, saves_planned=saves, seed=seed)
    started = time.monotonic()
    deadline = started + time_limit
    work = Path(tempfile.mkdtemp(prefix="tend-crash-"))
    cluster: ThrowawayCluster | None = None
    server: Gunicorn | None = None
    try:
        env = base_env(work / "var")
        app_module = DURABLE_APP
        if backend == "sqlite":
            env["SQLITE_PATH"] = str(work / "tend.sqlite3")
            if weakened:
                app_module = WRITE_BEHIND_APP
                env["TEND_WRITE_BEHIND_DELAY"] = str(write_behind_delay)
        else:
            cluster = ThrowawayCluster(work / "pg", settings=WEAK_PG_OPTIONS if weakened else ())
            cluster.init()
            cluster.start()
            env["DATABASE_URL"] = cluster.url
        setup = prepare_database(env)
        server = Gunicorn(app_module=app_module, env=env, port=free_port(), log_path=work / "gunicorn.log")
        server.start()
        client = _Client(server.port, setup, result, rng)
        result.last_acked_version = client.version
        kill_at = _spread(app_kills, saves, 0.0)
        crash_at = _spread(db_crashes, saves, 0.5) - kill_at if cluster else set()

        for index in range(1, saves + 1):
            if _save_until_acknowledged(client, index, server, cluster, kill_at, crash_at, deadline, rng, result):
                break
            if verbose and index % 50 == 0:
                print(f"  ... {index} saves acknowledged", flush=True)

        # Let anything still in flight inside the server land before stopping it, so that only the
        # crashes, not the final stop, can be blamed for a loss (a durable server is quiet at once).
        _wait_quiescent(client, setup["entry_id"], deadline)
        server.stop()
        server = None
        final = read_entry(env, setup["entry_id"])
        result.db_version = final["version"]
        result.db_conflict_copies = final["conflict_copies"]
        result.db_body_matches = final["body"] == client.body
        if final["version"] != result.last_acked_version or not result.db_body_matches:
            missing = max(0, result.last_acked_version - final["version"]) or 1
            result.lost_acked += missing
            result.violations.append(
                f"database holds version {final['version']} (body {'matches' if result.db_body_matches else 'differs'}), "
                f"the last acknowledged save was version {result.last_acked_version}: "
                f"{missing} acknowledged save(s) lost"
            )
        if final["conflict_copies"] and not result.conflicts:
            result.violations.append(f"{final['conflict_copies']} conflict copies for a single client's saves")
        return result
    finally:
        result.seconds = time.monotonic() - started
        if server is not None:
            server.kill_group()
        if cluster is not None:
            try:
                cluster.stop()
            except (subprocess.SubprocessError, OSError):
                pass
        if keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


MAX_ATTEMPTS = 60
MAX_CONFLICTS = 10


def _save_until_acknowledged(client: _Client, index: int, server: Gunicorn, cluster: ThrowawayCluster | None,
                             kill_at: set[int], crash_at: set[int], deadline: float, rng: random.Random,
                             result: Result) -> bool:
    """One distinct save, retried with the same save_id until acknowledged. True: give up the run.

    A single client can only meet a conflict if acknowledged saves were lost: that is recorded
    (with how many were lost), and the client then bases the same text on the server's version
    with a new save_id, as a person would by keeping their text, so later crashes still count.
    """
    text = client.text(index)
    save_id = uuid.uuid4().hex
    data = client.payload(index, text, save_id)
    expected = client.version + 1
    crash_pending = index in kill_at or index in crash_at
    for attempt in range(MAX_ATTEMPTS):
        if time.monotonic() > deadline:
            raise HarnessError(f"time limit reached at save {index}")
        if attempt:
            result.retries += 1
        if crash_pending:
            crash_pending = False
            reply = _send_and_crash(client, data, server, cluster if index in crash_at else None, rng, result)
        else:
            reply = client.send(data)
        if reply is None:
            time.sleep(min(0.5, 0.02 * (attempt + 1)))
            continue
        status, answer = reply
        if status == 200 and answer and answer.get("status") in {"saved", "replayed"}:
            if answer["status"] == "replayed":
                result.replayed += 1
            result.acked += 1
            _check_ack(result, index, answer, expected)
            client.version, client.body = answer["version"], text
            result.last_acked_version = client.version
            return False
        if status == 409 and answer and isinstance(answer.get("version"), int):
            lost = max(0, client.version - answer["version"])
            result.conflicts += 1
            result.lost_acked += lost
            result.violations.append(
                f"save {index}: a single client got a conflict: the server is at version {answer['version']} "
                f"but {client.version} was acknowledged ({lost} acknowledged save(s) lost)"
            )
            if result.conflicts >= MAX_CONFLICTS:
                return True
            client.version = answer["version"]
            save_id = uuid.uuid4().hex
            data = client.payload(index, text, save_id)
            expected = client.version + 1
            continue
        # As tend/core/static/core/autosave.js: only these answers are final; anything else
        # (5xx, a 400 that is not the form's own "invalid", a dropped connection) is retried.
        if status in {301, 302, 401, 403, 404} or (status == 400 and answer and answer.get("status") == "invalid"):
            raise HarnessError(f"save {index}: unexpected HTTP {status} ({answer}); is the client signed in?")
        if 400 <= status < 500:
            result.other_4xx += 1
        time.sleep(min(0.5, 0.02 * (attempt + 1)))
    raise HarnessError(f"save {index} was never acknowledged after {MAX_ATTEMPTS} attempts")


def _wait_quiescent(client: _Client, entry_id: int, deadline: float, still_for: float = 1.5) -> None:
    """Poll the owner's export until the entry is at the last acknowledged version or stops moving."""
    seen, moved_at = None, time.monotonic()
    for _ in range(200):
        if time.monotonic() > deadline:
            return
        try:
            status, raw = request(client.port, "GET", "/journal/export.json", headers=client.headers, timeout=10)
            rows = json.loads(raw)["entries"] if status == 200 else []
        except (OSError, http.client.HTTPException, ValueError, KeyError):
            rows = []
        version = next((row["version"] for row in rows if row["id"] == entry_id), None)
        if version == client.version:
            return
        if version != seen:
            seen, moved_at = version, time.monotonic()
        elif time.monotonic() - moved_at > still_for:
            return
        time.sleep(0.1)


def _send_and_crash(client: _Client, data: bytes, server: Gunicorn, cluster: ThrowawayCluster | None,
                    rng: random.Random, result: Result):
    """Send from a thread; 0–10 ms after the request is on the wire, crash the app or the database."""
    box: list = []
    sent = threading.Event()

    def send() -> None:
        try:
            box.append(client.send(data, on_sent=sent))
        finally:
            sent.set()  # also when the request could not even be sent

    thread = threading.Thread(target=send, daemon=True)
    thread.start()
    sent.wait(timeout=5)
    time.sleep(rng.uniform(0.0, 0.010))
    if cluster is None:
        server.kill_group()
        result.app_kills += 1
        thread.join(timeout=20)
        server.start()
    else:
        cluster.crash_stop()
        result.db_crashes += 1
        cluster.start()
        thread.join(timeout=20)
    if thread.is_alive():
        raise HarnessError("the in-flight request did not finish within 20 s of the crash")
    return box[0] if box else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres", "auto"], default="auto",
                        help="auto: postgres when DATABASE_URL names PostgreSQL, else sqlite")
    parser.add_argument("--saves", type=int, default=300)
    parser.add_argument("--app-kills", type=int, default=4)
    parser.add_argument("--db-crashes", type=int, default=2)
    parser.add_argument("--seed", type=int)
    parser.add_argument("--time-limit", type=float, default=300)
    parser.add_argument("--only", choices=["durable", "weakened", "both"], default="both")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (logs, database)")
    parser.add_argument("--internal", choices=["setup", "read"], help=argparse.SUPPRESS)
    parser.add_argument("--entry", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.internal == "setup":
        print(json.dumps(_internal_setup()))
        return 0
    if args.internal == "read":
        print(json.dumps(_internal_read(args.entry)))
        return 0

    backend = args.backend
    if backend == "auto":
        backend = "postgres" if os.environ.get("DATABASE_URL", "").startswith(("postgres", "pgsql")) else "sqlite"
    runs = {"durable": [False], "weakened": [True], "both": [False, True]}[args.only]
    exit_code = 0
    for weakened in runs:
        kills = 0 if (weakened and backend == "postgres") else args.app_kills
        crashes = max(WEAK_PG_CRASHES, args.db_crashes) if (weakened and backend == "postgres") else args.db_crashes
        try:
            result = run_harness(backend=backend, weakened=weakened, saves=args.saves, app_kills=kills,
                                 db_crashes=crashes, seed=args.seed, time_limit=args.time_limit,
                                 keep=args.keep, verbose=True)
        except Unavailable as reason:
            print(f"[{backend}] skipped: {reason}")
            return 0
        print(result.figures(), flush=True)
        print(json.dumps({k: v for k, v in asdict(result).items() if k not in {"violations", "notes"}}), flush=True)
        # The real configuration must pass; the weakened one must be caught.
        if result.passed == weakened:
            exit_code = 1
    return exit_code


if __name__ == "__main__":
    sys.exit(main())
