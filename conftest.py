"""Test-wide fixtures (the named personas every access test speaks about) and the collection hooks
for every app's browser tests (their fixtures: tend/core/tests/browser/conftest.py)."""

import pytest

from tend.testing.chromium import NO_CHROMIUM, SKIP_ALL, is_browser_test
from tend.testing.personas import Personas, build_personas


@pytest.fixture
def personas(db) -> Personas:
    return build_personas()


@pytest.fixture
def trainee(personas):
    return personas.trainee


def pytest_collection_modifyitems(items):
    for item in items:
        if is_browser_test(item):
            # pytest-playwright's own base_url fixture trips a pytest deprecation warning; not ours.
            item.add_marker(pytest.mark.filterwarnings("ignore:Session-scoped fixtures defined as instance methods"))
            if SKIP_ALL:
                item.add_marker(pytest.mark.skip(reason=NO_CHROMIUM))


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if SKIP_ALL and report.skipped and is_browser_test(item) and isinstance(report.longrepr, tuple):
        # Report every skip at one place, so `-ra` folds them into ONE summary line.
        report.longrepr = (__file__, 0, report.longrepr[2])
    return report
