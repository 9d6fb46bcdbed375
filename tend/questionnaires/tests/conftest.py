import pytest

from tend.questionnaires.tests import sample_definitions


@pytest.fixture
def measures_content(tmp_path, settings):
    settings.TEND_CONTENT_DIR = sample_definitions.write(tmp_path / "content")
    return settings.TEND_CONTENT_DIR / "measures"


@pytest.fixture
def wording_csv(tmp_path):
    path = tmp_path / "wording.csv"
    path.write_text("item,text\n1,First test item\n2,Second test item\n3,Third test item\n4,Fourth test item\n")
    return path
