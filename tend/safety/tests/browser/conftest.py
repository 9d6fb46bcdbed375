"""This app's browser tests reuse the shared browser fixtures (system Chromium, live server, demo
data, CSP watcher) from tend/core/tests/browser/conftest.py."""

from tend.core.tests.browser.conftest import *  # noqa: F401,F403  (fixtures, found by name)
