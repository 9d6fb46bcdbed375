"""Where the browser tests find Chromium, and which tests are browser tests. Plain Python, shared
by the root conftest (collection hooks) and the browser fixtures (tend/core/tests/browser)."""

import os
import shutil
from pathlib import Path

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


def is_browser_test(item) -> bool:
    """Browser tests live in each app's tests/browser/ folder."""
    folder = Path(item.fspath).parent
    return folder.name == "browser" and folder.parent.name == "tests"
