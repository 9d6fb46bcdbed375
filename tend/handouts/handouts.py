"""Reads and validates the client handouts in content/handouts/*.md. Imports nothing from Django.

Format (documented in content/handouts/README.md): YAML front matter (id, title, summary,
practice) and then exactly these `##` sections, in this order, each with some text:

    ## What it is for
    ## How to do it
    ## Common difficulties and what helps
    ## It's fine to stop

A section's body is paragraphs, `- ` bullet lists and `1. ` numbered lists, separated by blank
lines; `**words**` marks emphasis. Nothing else is interpreted, so the text is always escaped.
Every problem is reported as file, line, field and what was expected; all problems in all files
are collected before anything is returned, so a broken handout never half-loads.
`cached_handouts` re-reads the folder only when a file's mtime or size changes.
"""

import html
import re
from dataclasses import dataclass
from pathlib import Path


from tend import contentfiles
from tend.learn import yamlfile

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
HEADING = re.compile(r"^##\s+(?P<title>.*?)\s*$")
ANY_HEADING = re.compile(r"^#{1,6}(\s|$)")
BULLET = re.compile(r"^[-*]\s+(?P<text>.+)$")
NUMBERED = re.compile(r"^(?P<number>\d+)[.)]\s+(?P<text>.+)$")
BOLD = re.compile(r"\*\*(?P<text>[^*]+)\*\*")
FIELDS = ("id", "title", "summary", "practice")
SKIPPED_FILES = {"README.md"}

# The practice a handout belongs to: the same keys as the practice diary's tools, plus the diary itself.
PRACTICES = {
    "breathing": "Soothing rhythm breathing",
    "mindful": "Mindful breathing and body scan",
    "imagery": "Compassionate imagery",
    "letter": "Compassionate letter writing",
    "circles": "Three circles",
    "formulation": "Threat-based formulation",
    "diary": "Practice diary",
}
SECTIONS = (
    ("purpose", "What it is for"),
    ("how", "How to do it"),
    ("difficulties", "Common difficulties and what helps"),
    ("stopping", "It's fine to stop"),
)


HandoutError = contentfiles.ContentError


class HandoutErrors(contentfiles.ContentErrors):
    """Problems in the handout files."""


@dataclass(frozen=True)
class Block:
    kind: str  # "paragraph", "bullets" or "numbered"
    items: tuple[str, ...]  # one text for a paragraph, one per list item
    start: int = 1  # a numbered list's first number (a list can resume after an indented bullet list)

    @property
    def html_items(self) -> tuple[str, ...]:
        """Each text escaped, with **emphasis** as <strong>; safe to mark_safe."""
        return tuple(_inline_html(text) for text in self.items)

    @property
    def text(self) -> str:
        return "\n".join(BOLD.sub(r"\g<text>", item) for item in self.items)


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Handout:
    id: str
    title: str
    summary: str
    practice: str
    sections: tuple[Section, ...]
    file: str

    @property
    def practice_label(self) -> str:
        return PRACTICES[self.practice]

    @property
    def plain_text(self) -> str:
        parts = [self.title, self.summary]
        for section in self.sections:
            parts.append(section.title)
            parts.extend(block.text for block in section.blocks)
        return "\n".join(parts)


def _inline_html(text: str) -> str:
    escaped = html.escape(text, quote=True)
    return BOLD.sub(r"<strong>\g<text></strong>", escaped)


def read_handouts(directory: Path) -> list[Handout]:
    """Every handout in `directory`, sorted by file name; raises HandoutErrors listing every problem."""
    return contentfiles.read_folder(directory, read_handout, error_cls=HandoutError, errors_cls=HandoutErrors, folder_name="handouts")


def read_handout(path: Path, errors: list[HandoutError], *, name: str | None = None) -> Handout | None:
    """One handout; appends its problems to `errors` and returns None when there are any."""
    name = name or path.name
    before = len(errors)

    def error(line, field_name, message):
        errors.append(HandoutError(name, line, field_name, message))

    parsed = contentfiles.split_front_matter(path, error, fields_hint=", ".join(FIELDS))
    if parsed is None:
        return None
    meta, lines, body_start = parsed
    values = _check_front_matter(meta, path, error)
    sections = _read_sections(lines, body_start, error)
    if len(errors) > before:
        return None
    return Handout(sections=tuple(sections), file=name, **values)


def _check_front_matter(meta: yamlfile.LineDict, path: Path, error) -> dict:
    values: dict = {}
    for key in meta:
        if key not in FIELDS:
            error(meta.line_of(key), str(key), f"unknown field (expected only {', '.join(FIELDS)})")
    for key in FIELDS:
        if key not in meta:
            error(meta.line, key, "is missing (expected text)")
        elif not isinstance(meta[key], str) or not meta[key].strip():
            error(meta.line_of(key), key, f"expected non-empty text, found {_found(meta[key])}")
        else:
            values[key] = meta[key].strip()
    handout_id = values.get("id")
    if handout_id is not None:
        if not SLUG.match(handout_id):
            error(meta.line_of("id"), "id", f"expected lowercase words joined by hyphens, found {handout_id!r}")
        elif handout_id != path.stem:
            error(meta.line_of("id"), "id", f"must match the file name: expected {path.stem!r}, found {handout_id!r}")
    practice = values.get("practice")
    if practice is not None and practice not in PRACTICES:
        error(meta.line_of("practice"), "practice", f"expected one of {', '.join(PRACTICES)}, found {practice!r}")
    return values


def _found(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return "empty text" if not value.strip() else repr(value)
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _read_sections(lines: list[str], start: int, error) -> list[Section]:
    """The four sections from lines[start:]; line numbers in errors are 1-based file lines."""
    found: list[tuple[int, str, list[tuple[int, str]]]] = []
    for index in range(start, len(lines)):
        line_no, line = index + 1, lines[index]
        heading = HEADING.match(line)
        if heading:
            found.append((line_no, heading.group("title"), []))
        elif ANY_HEADING.match(line):
            error(line_no, "(sections)", f"expected only '## ' headings (one of the four sections), found {line.strip()!r}")
        elif found:
            found[-1][2].append((line_no, line))
        elif line.strip():
            error(line_no, "(sections)", f"expected the '## {SECTIONS[0][1]}' heading before any text")
            return []
    expected_titles = [title for _, title in SECTIONS]
    sections = []
    for position, (line_no, title, body) in enumerate(found):
        if position >= len(SECTIONS):
            error(line_no, "(sections)", f"unexpected section {title!r}: a handout has exactly the sections {_quoted(expected_titles)}")
            continue
        key, expected = SECTIONS[position]
        if title != expected:
            error(line_no, f"sections[{position + 1}].title", f"expected {expected!r}, found {title!r}")
            continue
        blocks = _blocks(body, f"sections[{position + 1}]", error)
        if not blocks:
            error(line_no, f"sections[{position + 1}].text", f"section {title!r} has no text")
        sections.append(Section(key=key, title=title, blocks=tuple(blocks)))
    if len(found) < len(SECTIONS):
        missing = expected_titles[len(found):]
        last_line = len(lines) if lines else 1
        error(last_line, "(sections)", f"missing section(s) {_quoted(missing)} (expected {_quoted(expected_titles)}, in that order)")
    return sections


def _quoted(titles) -> str:
    return ", ".join(f"'{t}'" for t in titles)


def _blocks(body: list[tuple[int, str]], where: str, error) -> list[Block]:
    blocks: list[Block] = []
    kind, items, start = None, [], 1

    def flush():
        nonlocal kind, items, start
        if kind and items:
            blocks.append(Block(kind=kind, items=tuple(items), start=start))
        kind, items, start = None, [], 1

    for line_no, raw in body:
        line = raw.strip()
        if not line:
            flush()
            continue
        if line.count("**") % 2:
            error(line_no, f"{where}.text", "unbalanced '**' (emphasis must open and close on the same line)")
        bullet, numbered = BULLET.match(line), NUMBERED.match(line)
        if bullet or numbered:
            new_kind = "bullets" if bullet else "numbered"
            if kind != new_kind:
                flush()
                kind = new_kind
                if numbered:
                    start = int(numbered.group("number"))
            items.append((bullet or numbered).group("text").strip())
        elif kind in ("bullets", "numbered") and raw.startswith((" ", "\t")):
            items[-1] = f"{items[-1]} {line}"  # a list item continued on an indented line
        else:
            if kind != "paragraph":
                flush()
                kind = "paragraph"
                items = [line]
            else:
                items[0] = f"{items[0]} {line}"
    flush()
    return blocks


# --- Runtime cache -------------------------------------------------------------------------------

_cache = contentfiles.FolderCache(lambda directory: read_handouts(directory))  # looked up at call time


def cached_handouts(directory: Path) -> list[Handout]:
    """read_handouts, re-read only when a file is added, removed or changed (mtime or size)."""
    return _cache.get(Path(directory))


def find_handout(directory: Path, handout_id: str) -> Handout | None:
    return next((h for h in cached_handouts(directory) if h.id == handout_id), None)
