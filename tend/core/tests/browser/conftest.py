"""Real-browser tests: Playwright drives the system Chromium against pytest-django's live server.

Run them alone with `pytest -m browser`. They need a Chromium binary (Playwright cannot
download its own here): /usr/bin/chromium, or the path in TEND_CHROMIUM. Without one they
are skipped locally and fail under CI=true.
"""

import io
import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from tend.core.tests.browser.helpers import DEMO_TRAINEE, REPO_ROOT, PageWatcher

# Playwright's sync API keeps an event loop alive in the main thread; Django would otherwise
# refuse the ORM calls these tests (and pytest-django's live_server) make from that thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SCREENSHOT_DIR = REPO_ROOT / "test-output" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NO_CHROMIUM = (
    "No Chromium found (looked at $TEND_CHROMIUM, /usr/bin/chromium and $PATH): browser tests skipped. "
    "Install one with `apt-get install chromium`, or set TEND_CHROMIUM to a Chromium binary."
)


def find_chromium() -> str | None:
    """TEND_CHROMIUM, when set, is the only candidate; otherwise Debian's path, then $PATH."""
    if os.environ.get("TEND_CHROMIUM"):
        candidates = [os.environ["TEND_CHROMIUM"]]
    else:
        candidates = ["/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")]
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


CHROMIUM = find_chromium()
SKIP_ALL = CHROMIUM is None and os.environ.get("CI") != "true"
HERE = Path(__file__).parent


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = CHROMIUM
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(NO_CHROMIUM.replace("skipped", "cannot run, and CI=true requires them"), pytrace=False)
        pytest.skip(NO_CHROMIUM)
    return path


@pytest.fixture(scope="session", autouse=True)
def _require_chromium(chromium_path):
    """Every test here needs the browser: check once, before anything else is set up."""


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, chromium_path):
    return {
        **browser_type_launch_args,
        "executable_path": chromium_path,
        "headless": browser_type_launch_args.get("headless", True),
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, live_server):
    return {
        **browser_context_args,
        "base_url": live_server.url,
        "viewport": {"width": 1280, "height": 900},
        "locale": "en-GB",
        "timezone_id": "UTC",
    }


@pytest.fixture
def context(context):
    context.set_default_timeout(10_000)
    return context


@pytest.fixture(autouse=True)
def _expect_timeout():
    from playwright.sync_api import expect

    expect.set_options(timeout=10_000)


def _is_browser_test(item) -> bool:
    return Path(item.fspath).parent == HERE


def pytest_collection_modifyitems(items):
    for item in items:
        if _is_browser_test(item):
            # pytest-playwright's own base_url fixture trips a pytest deprecation warning; not ours.
            item.add_marker(pytest.mark.filterwarnings("ignore:Session-scoped fixtures defined as instance methods"))
            if SKIP_ALL:
                item.add_marker(pytest.mark.skip(reason=NO_CHROMIUM))


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if SKIP_ALL and report.skipped and _is_browser_test(item) and isinstance(report.longrepr, tuple):
        # Report every skip at one place, so `-ra` folds them into ONE summary line.
        report.longrepr = (__file__, 0, report.longrepr[2])
    return report


@pytest.fixture
def screenshot_dir() -> Path:
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENSHOT_DIR


@pytest.fixture
def watcher(context) -> PageWatcher:
    """Collects CSP violations and uncaught script errors from every page of the test's context."""
    return PageWatcher(context)


@pytest.fixture
def demo_data(live_server):
    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def demo_trainee(demo_data):
    from tend.accounts.models import User

    return User.objects.get(email=DEMO_TRAINEE[0])
