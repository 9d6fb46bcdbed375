"""Reads and validates the competency framework in content/competencies/framework.yaml. No Django.

Each problem names the file, the line, the field and what was expected, like the curriculum and
drill readers; `python -m tend.supervision.content <content dir>` prints them all.
"""

import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from tend.learn.content import ContentError, ContentErrors, _Checker, _read_yaml, _rel

FILE = Path("competencies") / "framework.yaml"


@dataclass(frozen=True)
class Source:
    id: str
    citation: str
    url: str


@dataclass(frozen=True)
class Competency:
    id: str
    title: str
    description: str
    source: str
    area_id: str


@dataclass
class Area:
    id: str
    title: str
    summary: str
    source: str
    competencies: list[Competency] = field(default_factory=list)


@dataclass
class Framework:
    sources: list[Source]
    areas: list[Area]

    def competency(self, competency_id: str) -> Competency | None:
        return next((c for a in self.areas for c in a.competencies if c.id == competency_id), None)

    def area(self, area_id: str) -> Area | None:
        return next((a for a in self.areas if a.id == area_id), None)

    @property
    def competencies(self) -> list[Competency]:
        return [c for a in self.areas for c in a.competencies]


def read_framework(content_dir: Path) -> Framework:
    content_dir = Path(content_dir)
    path = content_dir / FILE
    errors: list[ContentError] = []
    if not path.is_file():
        raise ContentErrors([ContentError(str(FILE), None, "(file)", "is missing")])
    data = _read_yaml(path, content_dir, errors)
    if data is None:
        raise ContentErrors(errors)
    check = _Checker(errors, _rel(path, content_dir))
    if not isinstance(data, dict):
        check.error(1, "(file)", "expected a mapping with sources and areas")
        raise ContentErrors(errors)
    sources = _read_sources(check, data)
    source_ids = {s.id for s in sources}
    seen: dict[str, int] = {}
    areas = []
    for index, item in enumerate(check.get(data, "areas", list, default=[])):
        area = _read_area(check, data, item, f"areas[{index}].", source_ids, seen)
        if area is not None:
            areas.append(area)
    if not areas and not errors:
        check.error(data.line_of("areas"), "areas", "expected at least one area")
    if errors:
        raise ContentErrors(errors)
    return Framework(sources=sources, areas=areas)


def _read_sources(check: _Checker, data) -> list[Source]:
    sources = []
    for index, item in enumerate(check.get(data, "sources", list, default=[])):
        where = f"sources[{index}]."
        if not isinstance(item, dict):
            check.error(data.line_of("sources"), where.rstrip("."), "expected a mapping with id, citation and url")
            continue
        source_id, citation = check.slug(item, "id", where=where), check.get(item, "citation", str, where=where)
        url = check.get(item, "url", str, where=where)
        if url and not url.startswith("https://"):
            check.error(item.line_of("url"), f"{where}url", f"expected an https:// address, found {url!r}")
        if source_id and citation and url:
            sources.append(Source(source_id, " ".join(citation.split()), url))
    return sources


def _checked_source(check: _Checker, item, where: str, source_ids: set[str]) -> str:
    source = check.slug(item, "source", where=where)
    if source and source not in source_ids:
        known = ", ".join(sorted(source_ids))
        check.error(item.line_of("source"), f"{where}source", f"expected one of the source ids ({known}), found {source!r}")
    return source or ""


def _unique(check: _Checker, item, where: str, value: str | None, seen: dict[str, int]) -> None:
    if value and value in seen:
        check.error(item.line_of("id"), f"{where}id", f"id {value!r} is already used on line {seen[value]}")
    elif value:
        seen[value] = item.line_of("id")


def _read_area(check: _Checker, data, item, where: str, source_ids: set[str], seen: dict[str, int]) -> Area | None:
    if not isinstance(item, dict):
        check.error(data.line_of("areas"), where.rstrip("."),
                    "expected a mapping with id, title, summary, source and competencies")
        return None
    area_id = check.slug(item, "id", where=where)
    _unique(check, item, where, area_id, seen)
    area = Area(id=area_id or "", title=check.get(item, "title", str, where=where) or "",
                summary=" ".join((check.get(item, "summary", str, where=where) or "").split()),
                source=_checked_source(check, item, where, source_ids))
    competencies = check.get(item, "competencies", list, where=where, default=[])
    if "competencies" in item and isinstance(competencies, list) and not competencies:
        check.error(item.line_of("competencies"), f"{where}competencies", "expected at least one competency")
    for index, entry in enumerate(competencies):
        at = f"{where}competencies[{index}]."
        if not isinstance(entry, dict):
            check.error(item.line_of("competencies"), at.rstrip("."), "expected a mapping with id, title, description and source")
            continue
        competency_id = check.slug(entry, "id", where=at)
        _unique(check, entry, at, competency_id, seen)
        title, description = check.get(entry, "title", str, where=at), check.get(entry, "description", str, where=at)
        source = _checked_source(check, entry, at, source_ids)
        if competency_id and title and description and source:
            area.competencies.append(Competency(competency_id, title, " ".join(description.split()), source, area.id))
    return area


_lock = threading.Lock()
_cache: dict[str, tuple[tuple, Framework]] = {}


def cached_framework(content_dir: Path) -> Framework:
    """The framework, re-read only when the file changes."""
    path = Path(content_dir) / FILE
    signature = (path.stat().st_mtime_ns, path.stat().st_size) if path.is_file() else ()
    key = str(path.resolve())
    entry = _cache.get(key)
    if entry is not None and entry[0] == signature:
        return entry[1]
    with _lock:
        framework = read_framework(content_dir)
        _cache[key] = (signature, framework)
    return framework


if __name__ == "__main__":  # pragma: no cover  (a command-line check for content writers)
    try:
        found = read_framework(Path(sys.argv[1] if len(sys.argv) > 1 else "content"))
    except ContentErrors as problems:
        print(problems)
        sys.exit(1)
    print(f"OK: {len(found.areas)} areas, {len(found.competencies)} competencies")
