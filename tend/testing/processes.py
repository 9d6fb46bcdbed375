"""Processes for the crash harness: a free loopback port, a throwaway PostgreSQL cluster on a unix
socket (never the shared one), gunicorn in its own process group, and a bare HTTP request."""

from __future__ import annotations

import glob
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import urllib.parse
import threading
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent.parent


class HarnessError(RuntimeError):
    """The harness itself could not run (setup failure, server never ready, time limit)."""


class Unavailable(HarnessError):
    """Something the run needs is missing here (e.g. PostgreSQL's initdb); the run is skipped."""


# --------------------------------------------------------------------------------------------
# Processes: a throwaway PostgreSQL cluster and gunicorn
# --------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _postgres_bin_dir() -> Path | None:
    """The newest Debian-style /usr/lib/postgresql/<ver>/bin, else wherever initdb is on PATH."""

    def version(path: str) -> tuple[int, ...]:
        return tuple(int(part) if part.isdigit() else 0 for part in Path(path).parts[-3].split("."))

    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=version)
    if candidates:
        return Path(candidates[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


class ThrowawayCluster:
    """A private PostgreSQL cluster on a unix socket, run by the `postgres` OS user."""

    def __init__(self, base: Path, *, settings: tuple[str, ...] = ()):
        bin_dir = _postgres_bin_dir()
        if bin_dir is None:
            raise Unavailable("PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb) are not installed")
        self.bin_dir = bin_dir
        self.base = base
        self.data = base / "data"
        self.sock = base / "sock"
        self.log = base / "postgres.log"
        self.port = free_port()
        self.settings = ("listen_addresses=''", "fsync=on", *settings)
        self._as_postgres = self._runner()

    @staticmethod
    def _runner() -> list[str]:
        """initdb and pg_ctl refuse to run as root: as root, act as the `postgres` OS user."""
        if os.geteuid() != 0:
            return []  # the cluster simply belongs to whoever runs the tests
        try:
            import pwd

            pwd.getpwnam("postgres")
        except KeyError as error:
            raise Unavailable("running as root, and there is no `postgres` OS user to own a throwaway cluster") from error
        runuser = shutil.which("runuser")
        if not runuser:
            raise Unavailable("running as root, and runuser is not available to act as the postgres user")
        return [runuser, "-u", "postgres", "--"]

    @property
    def url(self) -> str:
        host = urllib.parse.quote(str(self.sock), safe="")
        return f"postgres://postgres@{host}:{self.port}/postgres"

    def _pg_ctl(self, *args: str, timeout: float = 30) -> subprocess.CompletedProcess:
        command = [*self._as_postgres, str(self.bin_dir / "pg_ctl"), "-D", str(self.data), *args]
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)

    def init(self) -> None:
        self.sock.mkdir(parents=True, exist_ok=True)
        if self._as_postgres:
            os.chmod(self.base.parent, 0o711)  # our private temp dir: let the postgres user pass through it
            shutil.chown(self.base, "postgres", "postgres")
            shutil.chown(self.sock, "postgres", "postgres")
        command = [*self._as_postgres, str(self.bin_dir / "initdb"), "-D", str(self.data),
                   "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        if done.returncode:
            raise HarnessError(f"initdb failed: {done.stderr.strip()[-500:]}")

    def start(self) -> None:
        options = f"-k {self.sock} -p {self.port} " + " ".join(f"-c {s}" for s in self.settings)
        done = self._pg_ctl("-l", str(self.log), "-w", "-t", "60", "-o", options, "start", timeout=90)
        if done.returncode:
            raise HarnessError(f"pg_ctl start failed: {done.stdout.strip()} {done.stderr.strip()} {self._log_tail()}")

    def crash_stop(self) -> None:
        """Immediate shutdown: no checkpoint, like a crash; the next start runs crash recovery."""
        done = self._pg_ctl("-m", "immediate", "-w", "-t", "30", "stop", timeout=60)
        if done.returncode:
            raise HarnessError(f"pg_ctl stop -m immediate failed: {done.stderr.strip()}")

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._pg_ctl("-m", "fast", "-w", "-t", "30", "stop", timeout=60)
        if (self.data / "postmaster.pid").exists():
            self._pg_ctl("-m", "immediate", "-w", "-t", "30", "stop", timeout=60)

    def _log_tail(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-1000:]
        except OSError:
            return ""


class Gunicorn:
    """`gunicorn <app> --workers 2` on loopback, in its own process group (so one SIGKILL ends all)."""

    def __init__(self, *, app_module: str, env: dict, port: int, log_path: Path):
        self.app_module, self.env, self.port, self.log_path = app_module, env, port, log_path
        self.proc: subprocess.Popen | None = None
        self.starts = 0

    def start(self, ready_timeout: float = 45) -> None:
        executable = Path(sys.executable).with_name("gunicorn")
        command = [
            str(executable) if executable.exists() else shutil.which("gunicorn") or "gunicorn",
            f"{self.app_module}:application", "--bind", f"127.0.0.1:{self.port}", "--workers", "2",
            "--timeout", "30", "--graceful-timeout", "5", "--no-control-socket",
        ]
        with open(self.log_path, "ab") as log:
            log.write(f"\n=== start {self.starts} ({self.app_module}) ===\n".encode())
            log.flush()
            self.proc = subprocess.Popen(
                command, cwd=REPO_ROOT, env=self.env, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                start_new_session=True,  # own session and process group: pgid == pid
            )
        self.starts += 1
        deadline = time.monotonic() + ready_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise HarnessError(f"gunicorn exited with {self.proc.returncode} on start: {self._log_tail()}")
            try:
                status, _ = request(self.port, "GET", "/healthz", timeout=2)
                if status == 200:
                    return
            except (OSError, http.client.HTTPException):
                pass
            time.sleep(0.05)
        raise HarnessError(f"gunicorn did not become healthy within {ready_timeout} s: {self._log_tail()}")

    def kill_group(self) -> None:
        """SIGKILL to the master and every worker at once; waits until the port is closed."""
        if self.proc is None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        self._wait_port_closed(timeout=10)
        self.proc = None

    def stop(self) -> None:
        """Graceful stop (SIGTERM to the group), SIGKILL if it takes more than a few seconds."""
        if self.proc is None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=8)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            pass
        self.kill_group()

    def _wait_port_closed(self, timeout: float) -> None:
        """Dead workers may linger as zombies until init reaps them; a closed port is what matters."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    pass
            except OSError:
                return
            time.sleep(0.01)

    def _log_tail(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-1500:]
        except OSError:
            return ""


# --------------------------------------------------------------------------------------------
# HTTP (standard library, loopback only)
# --------------------------------------------------------------------------------------------


def request(port: int, method: str, path: str, *, body: bytes | None = None, headers: dict | None = None,
            timeout: float = 15, on_sent: threading.Event | None = None) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        if on_sent is not None:
            on_sent.set()
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()
