"""The browser fixtures live in tend/core/tests/browser/conftest.py; this app's browser tests reuse
them (system Chromium, live server, demo data, CSP watcher) rather than repeating them."""

import pytest

from tend.core.tests.browser.conftest import (  # noqa: F401  (fixtures, found by name)
    _expect_timeout,
    _require_chromium,
    browser_context_args,
    browser_type_launch_args,
    chromium_path,
    context,
    demo_data,
    demo_trainee,
    screenshot_dir,
    watcher,
)


def pytest_collection_modifyitems(items):
    for item in items:
        if "cohorts/tests/browser" in str(item.fspath):
            # pytest-playwright's own base_url fixture trips a pytest deprecation warning; not ours.
            item.add_marker(pytest.mark.filterwarnings("ignore:Session-scoped fixtures defined as instance methods"))
