from pathlib import Path

import pytest

from tend.measures.definitions import load_definition, load_folder

CONTENT = Path(__file__).resolve().parents[3] / "content" / "measures"
DRILLS = Path(__file__).resolve().parents[3] / "content" / "drills"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def shipped():
    return load_folder(CONTENT)


@pytest.fixture(scope="session")
def example():
    """A small test-only definition with a complete norm and published-style bands."""
    return load_definition(FIXTURES / "example-norms.yaml")
