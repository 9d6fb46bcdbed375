"""Real-browser tests: Playwright drives the system Chromium against pytest-django's live server.

Run them alone with `pytest -m browser`. They need a Chromium binary (Playwright cannot
download its own here): /usr/bin/chromium, or the path in TEND_CHROMIUM. Without one they
are skipped locally and fail under CI=true. Each app's tests/browser/conftest.py star-imports
these fixtures; the collection hooks for all browser tests are in the root conftest.py.
"""

import io
import os
from pathlib import Path

import pytest
from django.core.management import call_command

from tend.core.tests.browser.helpers import DEMO_TRAINEE, REPO_ROOT, PageWatcher
from tend.testing.chromium import CHROMIUM, NO_CHROMIUM

# Playwright's sync API keeps an event loop alive in the main thread; Django would otherwise
# refuse the ORM calls these tests (and pytest-django's live_server) make from that thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

__all__ = [
    "_expect_timeout", "_require_chromium", "browser_context_args", "browser_type_launch_args", "chromium_path",
    "context", "demo_data", "demo_trainee", "screenshot_dir", "watcher",
]

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
