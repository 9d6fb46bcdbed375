"""The competency framework reader: the real file is valid, and each problem names file, line and field."""

from pathlib import Path

import pytest
from django.conf import settings

from tend.learn.content import ContentErrors
from tend.supervision.content import read_framework

VALID = """\
sources:
  - id: liddell-2017
    citation: A citation.
    url: https://example.org/a
areas:
  - id: creating-safeness
    title: Creating safeness
    summary: A summary.
    source: liddell-2017
    competencies:
      - id: pacing
        title: Pacing
        description: A description.
        source: liddell-2017
"""


def write(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "content" / "competencies"
    folder.mkdir(parents=True)
    (folder / "framework.yaml").write_text(text)
    return tmp_path / "content"


def problems(tmp_path, text) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        read_framework(write(tmp_path, text))
    return [str(e) for e in caught.value.errors]


def test_the_shipped_framework_has_six_areas_and_cites_both_sources():
    framework = read_framework(settings.TEND_CONTENT_DIR)
    assert len(framework.areas) == 6
    assert len(framework.competencies) >= 23
    assert {s.id for s in framework.sources} == {"liddell-2017", "horwood-2020"}
    assert framework.competency("pacing").area_id == "creating-safeness"


def test_a_valid_file_is_read(tmp_path):
    framework = read_framework(write(tmp_path, VALID))
    assert [c.id for c in framework.competencies] == ["pacing"]


def test_unknown_source_and_duplicate_id_are_reported_with_line_and_field(tmp_path):
    text = VALID.replace("        source: liddell-2017", "        source: nobody-2020") + """\
      - id: pacing
        title: Again
        description: Again.
        source: liddell-2017
"""
    found = problems(tmp_path, text)
    assert "content/competencies/framework.yaml:14: areas[0].competencies[0].source: expected one of the source ids (liddell-2017), found 'nobody-2020'" in found
    assert "content/competencies/framework.yaml:15: areas[0].competencies[1].id: id 'pacing' is already used on line 11" in found


def test_missing_fields_and_bad_yaml(tmp_path):
    found = problems(tmp_path, VALID.replace("        title: Pacing\n", ""))
    assert any("areas[0].competencies[0].title: is missing" in p for p in found)
    found = problems(tmp_path / "two", "areas: [unclosed\n")
    assert any("(syntax)" in p for p in found)


def test_a_missing_file_is_reported(tmp_path):
    with pytest.raises(ContentErrors) as caught:
        read_framework(tmp_path)
    assert "is missing" in str(caught.value)
