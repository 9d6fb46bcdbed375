"""The handout reader: every shipped handout is valid, and malformed files name file, line and field."""

import re
from pathlib import Path

import pytest

from tend.handouts import handouts
from tend.handouts.handouts import PRACTICES, HandoutErrors, cached_handouts, read_handouts

SHIPPED = Path(__file__).resolve().parents[3] / "content" / "handouts"
EXPECTED_IDS = {
    "soothing-rhythm-breathing", "mindful-breathing-and-body-scan", "compassionate-imagery", "compassionate-self",
    "compassionate-letter-writing", "three-circles", "threat-based-formulation", "practice-diary",
}
# American spellings that have no place in a British English handout.
AMERICAN = re.compile(r"\b(color\w*|behavior\w*|organiz\w*|realiz\w*|recogniz\w*|practic(?:ing|ed)|center|favorite|criticiz\w*|apologiz\w*|mom)\b", re.I)

GOOD = """---
id: sample
title: A sample handout
summary: One sentence.
practice: breathing
---
## What it is for

It helps.
It really does.

## How to do it

1. First **this**.
2. Then that,
   carried on here.
   - a detail
3. Last.

## Common difficulties and what helps

- **Hard?** Go gently.

## It's fine to stop

Stop whenever you like, and talk to your therapist.
"""


def write(folder: Path, text: str, name: str = "sample.md") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def errors_for(folder: Path) -> list[str]:
    with pytest.raises(HandoutErrors) as caught:
        read_handouts(folder)
    return [str(e) for e in caught.value.errors]


def test_every_shipped_handout_is_valid_and_every_practice_has_one():
    found = read_handouts(SHIPPED)
    assert {h.id for h in found} == EXPECTED_IDS
    assert {h.practice for h in found} == set(PRACTICES)
    for handout in found:
        assert [s.title for s in handout.sections] == [title for _, title in handouts.SECTIONS], handout.id
        stopping = " ".join(block.text for block in handout.sections[-1].blocks).lower()
        assert "stop" in stopping and "talk to your therapist" in stopping, handout.id


def test_shipped_handouts_are_in_british_english_and_plain_text():
    for path in sorted(p for p in SHIPPED.glob("*.md") if p.name != "README.md"):
        text = path.read_text(encoding="utf-8")
        assert not AMERICAN.findall(text), (path.name, AMERICAN.findall(text))
        assert "<" not in text and "](" not in text, path.name  # no HTML, no links: the handout is printed


def test_a_good_file_is_read_into_sections_and_blocks(tmp_path):
    write(tmp_path, GOOD)
    write(tmp_path, "# Not a handout\n", name="README.md")  # the folder's README is skipped
    [handout] = read_handouts(tmp_path)
    assert (handout.id, handout.title, handout.practice, handout.practice_label) == ("sample", "A sample handout", "breathing", "Soothing rhythm breathing")
    purpose, how, difficulties, stopping = handout.sections
    assert [s.key for s in handout.sections] == ["purpose", "how", "difficulties", "stopping"]
    assert purpose.blocks == (handouts.Block("paragraph", ("It helps. It really does.",)),)
    assert [(b.kind, b.items, b.start) for b in how.blocks] == [
        ("numbered", ("First **this**.", "Then that, carried on here."), 1),
        ("bullets", ("a detail",), 1),
        ("numbered", ("Last.",), 3),
    ]
    assert how.blocks[0].html_items[0] == "First <strong>this</strong>."
    assert difficulties.blocks[0].text == "Hard? Go gently."
    assert "talk to your therapist" in handout.plain_text


def test_text_is_escaped_in_html(tmp_path):
    write(tmp_path, GOOD.replace("It helps.", 'It <script>alert("x")</script> & **helps**.'))
    [handout] = read_handouts(tmp_path)
    assert handout.sections[0].blocks[0].html_items[0].startswith(
        "It &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <strong>helps</strong>.")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("id: sample", "id: other"), "tmp/sample.md:2: id: must match the file name: expected 'sample', found 'other'"),
        (("id: sample", "id: Not A Slug"), "sample.md:2: id: expected lowercase words joined by hyphens"),
        (("title: A sample handout\n", ""), "sample.md:2: title: is missing (expected text)"),
        (("summary: One sentence.", "summary: ''"), "sample.md:4: summary: expected non-empty text, found empty text"),
        (("practice: breathing", "practice: yoga"), "sample.md:5: practice: expected one of breathing, mindful, imagery, letter, circles, formulation, diary, found 'yoga'"),
        (("practice: breathing", "practice: 3"), "sample.md:5: practice: expected non-empty text, found the number 3"),
        (("practice: breathing", "practice: breathing\nauthor: me"), "sample.md:6: author: unknown field (expected only id, title, summary, practice)"),
        (("## How to do it", "## How to do this"), "sample.md:12: sections[2].title: expected 'How to do it', found 'How to do this'"),
        (("It helps.\nIt really does.\n", ""), "sample.md:7: sections[1].text: section 'What it is for' has no text"),
        (("## It's fine to stop\n\nStop whenever you like, and talk to your therapist.\n", ""),
         "sample.md:23: (sections): missing section(s) 'It's fine to stop'"),
        (("Stop whenever you like", "Stop whenever you like\n\n## Extra\n\nMore"), "sample.md:28: (sections): unexpected section 'Extra'"),
        (("It helps.", "### It helps."), "sample.md:9: (sections): expected only '## ' headings"),
        (("1. First **this**.", "1. First **this."), "sample.md:14: sections[2].text: unbalanced '**'"),
        (("---\nid: sample", "---\nid: [sample"), "sample.md:3: (front matter): not valid YAML"),
    ],
)
def test_a_malformed_file_names_file_line_and_field(tmp_path, change, expected):
    folder = tmp_path / "tmp"
    folder.mkdir()
    old, new = change
    assert old in GOOD
    write(folder, GOOD.replace(old, new, 1))
    problems = errors_for(folder)
    assert any(expected in problem for problem in problems), problems


def test_text_before_the_first_section_and_missing_front_matter_are_reported(tmp_path):
    write(tmp_path, GOOD.replace("---\n## What", "---\nStray text\n## What"), name="sample.md")
    write(tmp_path, "no front matter\n", name="bare.md")
    problems = errors_for(tmp_path)
    assert any(p.startswith(f"{tmp_path.name}/sample.md:7: (sections): expected the '## What it is for' heading") for p in problems), problems
    assert any(p.startswith(f"{tmp_path.name}/bare.md:1: (front matter): expected the file to start with a '---'") for p in problems), problems


def test_every_problem_in_every_file_is_collected(tmp_path):
    write(tmp_path, GOOD.replace("practice: breathing", "practice: yoga").replace("## How to do it", "## How"))
    write(tmp_path, GOOD.replace("id: sample", "id: second"), name="second.md")
    write(tmp_path, GOOD.replace("id: sample", "id: third").replace("summary: One sentence.\n", ""), name="third.md")
    problems = errors_for(tmp_path)
    assert len(problems) == 3 and {p.split(":")[0] for p in problems} == {f"{tmp_path.name}/sample.md", f"{tmp_path.name}/third.md"}


def test_a_missing_folder_is_an_error(tmp_path):
    assert errors_for(tmp_path / "nowhere") == [f"{tmp_path / 'nowhere'}: (folder): the handouts folder does not exist"]


def test_the_cache_rereads_only_when_a_file_changes(tmp_path):
    path = write(tmp_path, GOOD)
    first = cached_handouts(tmp_path)
    assert cached_handouts(tmp_path) is first
    path.write_text(GOOD.replace("A sample handout", "A changed handout, longer"), encoding="utf-8")
    assert cached_handouts(tmp_path)[0].title == "A changed handout, longer"
