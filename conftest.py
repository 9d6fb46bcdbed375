"""Test-wide fixtures: the named personas every access test speaks about."""

import pytest

from tend.testing.personas import Personas, build_personas


@pytest.fixture
def personas(db) -> Personas:
    return build_personas()


@pytest.fixture
def trainee(personas):
    return personas.trainee
