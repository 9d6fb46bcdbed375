import pytest

from tend.learn import loader
from tend.learn.content import read_curriculum
from tend.learn.tests.sample_content import write_curriculum


@pytest.fixture
def curriculum(db, tmp_path):
    """Two small modules loaded into the database."""
    loader.load(read_curriculum(write_curriculum(tmp_path / "content")))
