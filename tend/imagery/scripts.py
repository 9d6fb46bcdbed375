"""Reads and validates the guided-imagery scripts in content/practices/*.md. Imports nothing from Django.

Format (documented in content/practices/README.md): YAML front matter (id, title, summary,
estimated_minutes, cautions) and then `## Step title` sections, each optionally ending with a
`[pause Ns]` line. Every problem is reported as file, line, field and what was expected; all
problems in all files are collected before anything is returned, so a broken script never
half-loads. `cached_scripts` re-reads the folder only when a file's mtime or size changes.
"""

import re
from dataclasses import dataclass
from pathlib import Path


from tend import contentfiles
from tend.learn import yamlfile

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
STEP_HEADING = re.compile(r"^##\s+(?P<title>.*?)\s*$")
PAUSE_LINE = re.compile(r"^\[pause\s+(?P<seconds>\d+)s\]$")
PAUSE_LIKE = re.compile(r"^\s*\[\s*pause\b", re.IGNORECASE)
FIELDS = ("id", "title", "summary", "estimated_minutes", "cautions")
MIN_PAUSE, MAX_PAUSE = 5, 600
MIN_MINUTES, MAX_MINUTES = 1, 60
SKIPPED_FILES = {"README.md"}


ScriptError = contentfiles.ContentError


class ScriptErrors(contentfiles.ContentErrors):
    """Problems in the imagery script files."""


@dataclass(frozen=True)
class Step:
    number: int
    title: str
    paragraphs: tuple[str, ...]
    pause_seconds: int  # 0: no timed pause after this step

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True)
class Script:
    id: str
    title: str
    summary: str
    estimated_minutes: int
    cautions: tuple[str, ...]
    steps: tuple[Step, ...]
    file: str

    @property
    def total_pause_seconds(self) -> int:
        return sum(step.pause_seconds for step in self.steps)


def read_scripts(directory: Path) -> list[Script]:
    """Every script in `directory`, sorted by file name; raises ScriptErrors listing every problem."""
    return contentfiles.read_folder(directory, read_script, error_cls=ScriptError, errors_cls=ScriptErrors, folder_name="practices")


def read_script(path: Path, errors: list[ScriptError], *, name: str | None = None) -> Script | None:
    """One script; appends its problems to `errors` and returns None when there are any."""
    name = name or path.name
    before = len(errors)

    def error(line, field_name, message):
        errors.append(ScriptError(name, line, field_name, message))

    parsed = contentfiles.split_front_matter(path, error, fields_hint="id, title, summary, estimated_minutes, cautions")
    if parsed is None:
        return None
    meta, lines, body_start = parsed
    values = _check_front_matter(meta, path, error)
    steps = _read_steps(lines, body_start, error)
    if len(errors) > before:
        return None
    return Script(steps=tuple(steps), file=name, **values)


def _check_front_matter(meta: yamlfile.LineDict, path: Path, error) -> dict:
    values: dict = {}
    for key in meta:
        if key not in FIELDS:
            error(meta.line_of(key), str(key), f"unknown field (expected only {', '.join(FIELDS)})")
    for key in ("id", "title", "summary"):
        if key not in meta:
            error(meta.line, key, "is missing (expected text)")
        elif not isinstance(meta[key], str) or not meta[key].strip():
            error(meta.line_of(key), key, f"expected non-empty text, found {_found(meta[key])}")
        else:
            values[key] = meta[key].strip()
    script_id = values.get("id")
    if script_id is not None:
        if not SLUG.match(script_id):
            error(meta.line_of("id"), "id", f"expected lowercase words joined by hyphens, found {script_id!r}")
        elif script_id != path.stem:
            error(meta.line_of("id"), "id", f"must match the file name: expected {path.stem!r}, found {script_id!r}")
    minutes = meta.get("estimated_minutes")
    if "estimated_minutes" not in meta:
        error(meta.line, "estimated_minutes", "is missing (expected a whole number)")
    elif not isinstance(minutes, int) or isinstance(minutes, bool):
        error(meta.line_of("estimated_minutes"), "estimated_minutes", f"expected a whole number, found {_found(minutes)}")
    elif not MIN_MINUTES <= minutes <= MAX_MINUTES:
        error(meta.line_of("estimated_minutes"), "estimated_minutes",
              f"expected a whole number from {MIN_MINUTES} to {MAX_MINUTES}, found {minutes}")
    else:
        values["estimated_minutes"] = minutes
    cautions = meta.get("cautions")
    if "cautions" not in meta:
        error(meta.line, "cautions", "is missing (expected a list of at least one safety note)")
    elif not isinstance(cautions, list) or not cautions:
        error(meta.line_of("cautions"), "cautions", f"expected a list of at least one safety note, found {_found(cautions)}")
    else:
        for index, item in enumerate(cautions):
            if not isinstance(item, str) or not item.strip():
                error(meta.line_of("cautions") + index + 1, f"cautions[{index}]", f"expected non-empty text, found {_found(item)}")
        values["cautions"] = tuple(c.strip() for c in cautions if isinstance(c, str))
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
    return {list: "a list", dict: "a mapping"}.get(type(value), "a mapping" if isinstance(value, dict) else type(value).__name__)


def _read_steps(lines: list[str], start: int, error) -> list[Step]:
    """Steps from lines[start:]; line numbers in errors are 1-based file lines."""
    sections: list[tuple[int, str, list[tuple[int, str]]]] = []
    for index in range(start, len(lines)):
        line_no, line = index + 1, lines[index]
        heading = STEP_HEADING.match(line)
        if heading:
            sections.append((line_no, heading.group("title"), []))
        elif sections:
            sections[-1][2].append((line_no, line))
        elif line.strip():
            error(line_no, "(steps)", "expected a '## Step title' line before any text")
            return []
    if not sections:
        error(start + 1 if start < len(lines) else len(lines), "(steps)", "expected at least one '## Step title' section")
        return []
    steps = []
    for number, (line_no, title, body) in enumerate(sections, start=1):
        where = f"steps[{number}]"
        if not title:
            error(line_no, f"{where}.title", "expected a title after '## '")
        while body and not body[-1][1].strip():
            body.pop()
        pause = 0
        if body and PAUSE_LIKE.match(body[-1][1]):
            pause_line_no, pause_text = body.pop()
            match = PAUSE_LINE.match(pause_text.strip())
            if not match:
                error(pause_line_no, f"{where}.pause", f"expected a line like '[pause 30s]' (whole seconds), found {pause_text.strip()!r}")
            else:
                pause = int(match.group("seconds"))
                if not MIN_PAUSE <= pause <= MAX_PAUSE:
                    error(pause_line_no, f"{where}.pause", f"expected {MIN_PAUSE} to {MAX_PAUSE} seconds, found {pause}")
        for body_line_no, text in body:
            if PAUSE_LIKE.match(text):
                error(body_line_no, f"{where}.pause", "a pause marker may only be the last line of a step")
        paragraphs = _paragraphs([text for _, text in body])
        if not paragraphs:
            error(line_no, f"{where}.text", f"step {title!r} has no text")
        steps.append(Step(number=number, title=title, paragraphs=tuple(paragraphs), pause_seconds=pause))
    return steps


def _paragraphs(lines: list[str]) -> list[str]:
    paragraphs, current = [], []
    for line in lines:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


# --- Runtime cache -------------------------------------------------------------------------------

_cache = contentfiles.FolderCache(lambda directory: read_scripts(directory))  # looked up at call time


def cached_scripts(directory: Path) -> list[Script]:
    """read_scripts, re-read only when a file is added, removed or changed (mtime or size)."""
    return _cache.get(Path(directory))


def find_script(directory: Path, script_id: str) -> Script | None:
    return next((s for s in cached_scripts(directory) if s.id == script_id), None)
