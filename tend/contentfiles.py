"""Shared reading of Markdown content files with YAML front matter (imagery scripts, handouts).

Pure Python. Errors go to a callback as (line, field, message), so each reader reports problems
in its own words with the file's name; a folder is re-read only when a file changes.
"""

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from tend.learn import yamlfile

SKIPPED_FILES = {"README.md"}
ErrorFn = Callable[[int | None, str, str], None]


@dataclass(frozen=True)
class ContentError:
    """One problem in a content file, named by file, line and field."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}"


class ContentErrors(Exception):
    """All the problems found in a folder; each reader raises its own subclass."""

    def __init__(self, errors: list[ContentError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


def markdown_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.md") if p.is_file() and p.name not in SKIPPED_FILES)


def read_folder(directory: Path, read_one: Callable, *, error_cls, errors_cls, folder_name: str) -> list:
    """Every file in `directory` read by read_one(path, errors, name=...); raises errors_cls with
    every problem found in every file, so one run shows all there is to fix."""
    directory = Path(directory)
    if not directory.is_dir():
        raise errors_cls([error_cls(str(directory), None, "(folder)", f"the {folder_name} folder does not exist")])
    errors: list = []
    found = [item for path in markdown_files(directory)
             if (item := read_one(path, errors, name=f"{directory.name}/{path.name}")) is not None]
    if errors:
        raise errors_cls(errors)
    return found


def split_front_matter(path: Path, error: ErrorFn, *, fields_hint: str) -> tuple[dict, list[str], int] | None:
    """(front matter, all lines, index of the first body line), or None after reporting why."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        error(None, "(encoding)", "expected UTF-8 text")
        return None
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        error(1, "(front matter)", "expected the file to start with a '---' line opening the YAML front matter")
        return None
    closing = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if closing is None:
        error(1, "(front matter)", "the front matter is not closed by a second '---' line")
        return None
    try:
        data = yamlfile.load("\n".join(lines[1:closing]), first_line=2)
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        error(mark.line + 2 if mark else None, "(front matter)", f"not valid YAML: {getattr(problem, 'problem', problem)}")
        return None
    if not isinstance(data, dict):
        error(2, "(front matter)", f"expected a mapping of fields ({fields_hint})")
        return None
    return data, lines, closing + 1


class FolderCache:
    """Caches what `reader(directory)` returns until a file is added, removed or changed."""

    def __init__(self, reader: Callable[[Path], list]):
        self.reader = reader
        self.entries: dict[str, tuple[tuple, list]] = {}
        self.lock = threading.Lock()

    @staticmethod
    def signature(directory: Path) -> tuple:
        if not directory.is_dir():
            return ()
        return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in markdown_files(directory))

    def get(self, directory: Path) -> list:
        directory = Path(directory)
        key, signature = str(directory.resolve()), self.signature(directory)
        entry = self.entries.get(key)
        if entry is not None and entry[0] == signature:
            return entry[1]
        with self.lock:
            found = self.reader(directory)
            self.entries[key] = (signature, found)
        return found
