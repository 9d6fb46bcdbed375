"""Reads and validates the curriculum files under content/. Imports nothing from Django.

Every problem is reported as file, line, field and what was expected, and all problems are
collected before anything is written, so a malformed curriculum never half-loads.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tend import contentfiles
from tend.learn import rendering, yamlfile

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MODULE_FOLDER = re.compile(r"^(\d{2})-([a-z0-9-]+)$")
RESERVED_MODULE_IDS = {"glossary", "search", "cohorts"}  # these are pages under /learn/
PRACTICES = {"breathing", "imagery", "letter", "three-circles", "formulation", "diary", "drills"}
SVG_FORBIDDEN = re.compile(r"<script|\bon[a-z]+\s*=|javascript:|<foreignObject|href\s*=\s*[\"'](?!#)", re.IGNORECASE)


ContentError = contentfiles.ContentError


class ContentErrors(contentfiles.ContentErrors):
    """Problems in the curriculum's files."""


@dataclass
class LessonData:
    slug: str
    position: int
    title: str
    estimated_minutes: int
    objectives: list[str]
    body_markdown: str
    file: str


@dataclass
class QuestionData:
    key: str
    position: int
    kind: str
    prompt: str
    revisit: str
    options: list[dict]


@dataclass
class ReflectionData:
    key: str
    position: int
    title: str
    prompt: str


@dataclass
class ModuleData:
    slug: str
    number: int
    title: str
    summary: str
    learning_objectives: list[str]
    estimated_hours: float
    cpd_hours: float
    prerequisites: list[str]
    references: list[dict]
    practice_assignments: list[dict]
    pass_mark: int
    folder: str
    lessons: list[LessonData] = field(default_factory=list)
    questions: list[QuestionData] = field(default_factory=list)
    reflections: list[ReflectionData] = field(default_factory=list)
    figures: dict[str, str] = field(default_factory=dict)


@dataclass
class Curriculum:
    modules: list[ModuleData]
    glossary: list[dict]


class _Checker:
    """Collects errors for one file, with helpers that check a field and return its value."""

    def __init__(self, errors: list[ContentError], file: str):
        self.errors, self.file = errors, file

    def error(self, line, field_name: str, message: str) -> None:
        self.errors.append(ContentError(self.file, line, field_name, message))

    def get(self, data, key: str, kind, *, where: str = "", required: bool = True, default=None):
        name = f"{where}{key}"
        line = data.line_of(key) if isinstance(data, yamlfile.LineDict) else None
        if not isinstance(data, dict) or key not in data:
            if required:
                self.error(getattr(data, "line", None), name, f"is missing (expected {_describe(kind)})")
            return default
        value = data[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
            self.error(line, name, f"expected {_describe(kind)}, found {type(value).__name__}")
            return default
        if kind is str and not value.strip():
            self.error(line, name, "must not be empty")
            return default
        return value

    def slug(self, data, key: str, *, where: str = "") -> str | None:
        value = self.get(data, key, str, where=where)
        if value is not None and not SLUG.match(value):
            self.error(data.line_of(key), f"{where}{key}", f"expected lowercase words joined by hyphens, found {value!r}")
            return None
        return value

    def strings(self, data, key: str, *, where: str = "", required: bool = True) -> list[str]:
        values = self.get(data, key, list, where=where, required=required, default=[])
        for index, value in enumerate(values):
            if not isinstance(value, str) or not value.strip():
                self.error(data.line_of(key), f"{where}{key}[{index}]", "expected a non-empty text")
        return [v for v in values if isinstance(v, str)]


def _describe(kind) -> str:
    return {str: "text", int: "a whole number", float: "a number", list: "a list", dict: "a mapping", bool: "true or false"}[kind]


def _read_yaml(path: Path, root: Path, errors: list[ContentError], *, text: str | None = None, first_line: int = 1):
    relative = str(path.relative_to(root.parent) if root.parent in path.parents else path)
    try:
        return yamlfile.load(text if text is not None else path.read_text(encoding="utf-8"), first_line=first_line)
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        line = mark.line + first_line if mark else None
        errors.append(ContentError(relative, line, "(syntax)", f"not valid YAML: {getattr(problem, 'problem', problem)}"))
    except UnicodeDecodeError:
        errors.append(ContentError(relative, None, "(encoding)", "expected UTF-8 text"))
    return None


def read_curriculum(content_dir: Path) -> Curriculum:
    """Reads content/curriculum/* and content/glossary.yaml; raises ContentErrors listing every problem."""
    content_dir = Path(content_dir)
    errors: list[ContentError] = []
    curriculum_dir = content_dir / "curriculum"
    folders = sorted(p for p in curriculum_dir.iterdir() if p.is_dir()) if curriculum_dir.is_dir() else []
    # The shared glossary plus the terms each module introduces (content/curriculum/NN-x/glossary.yaml).
    glossary = _read_glossary(content_dir / "glossary.yaml", content_dir, errors, seen={})
    seen = {term["id"]: "content/glossary.yaml" for term in glossary}
    for folder in folders:
        glossary += _read_glossary(folder / "glossary.yaml", content_dir, errors, seen=seen)
    glossary_ids = {term["id"] for term in glossary}
    modules = []
    for folder in folders:
        module = _read_module(folder, content_dir, glossary_ids, errors)
        if module is not None:
            modules.append(module)
    _check_across_modules(modules, errors)
    if errors:
        raise ContentErrors(errors)
    return Curriculum(modules=modules, glossary=glossary)


def _rel(path: Path, content_dir: Path) -> str:
    return str(path.relative_to(content_dir.parent))


def _read_glossary(path: Path, content_dir: Path, errors, *, seen: dict[str, str]) -> list[dict]:
    if not path.exists():
        return []
    data = _read_yaml(path, content_dir, errors)
    check = _Checker(errors, _rel(path, content_dir))
    if data is None:
        return []
    terms = check.get(data, "terms", list, default=[])
    result = []
    for index, item in enumerate(terms):
        where = f"terms[{index}]."
        if not isinstance(item, dict):
            check.error(getattr(terms, "line", None), f"terms[{index}]", "expected a mapping with id, term and definition")
            continue
        slug = check.slug(item, "id", where=where)
        term = check.get(item, "term", str, where=where)
        definition = check.get(item, "definition", str, where=where)
        aliases = check.strings(item, "aliases", where=where, required=False)
        if slug in seen:
            check.error(item.line_of("id"), f"{where}id", f"glossary id {slug!r} is already defined in {seen[slug]}")
        elif slug:
            seen[slug] = check.file
        if slug and term and definition:
            result.append({"id": slug, "term": term, "definition": definition.strip(), "aliases": aliases})
    return result


def _read_module(folder: Path, content_dir: Path, glossary_ids: set[str], errors) -> ModuleData | None:
    folder_match = MODULE_FOLDER.match(folder.name)
    if not folder_match:
        errors.append(ContentError(_rel(folder, content_dir), None, "(folder)", "expected a name like 03-module-slug"))
        return None
    path = folder / "module.yaml"
    if not path.exists():
        errors.append(ContentError(_rel(folder, content_dir), None, "module.yaml", "is missing"))
        return None
    data = _read_yaml(path, content_dir, errors)
    if data is None:
        return None
    check = _Checker(errors, _rel(path, content_dir))
    if not isinstance(data, dict):
        check.error(1, "(file)", "expected a mapping of fields")
        return None
    slug = check.slug(data, "id")
    if slug in RESERVED_MODULE_IDS:
        check.error(data.line_of("id"), "id", f"{slug!r} is reserved for a page of its own; choose another id")
    references = _read_references(data, check)
    module = ModuleData(
        slug=slug or "",
        number=int(folder_match.group(1)),
        title=check.get(data, "title", str) or "",
        summary=(check.get(data, "summary", str) or "").strip(),
        learning_objectives=check.strings(data, "learning_objectives"),
        estimated_hours=check.get(data, "estimated_hours", float) or 0.0,
        cpd_hours=check.get(data, "cpd_hours", float) or 0.0,
        prerequisites=check.strings(data, "prerequisites", required=False),
        references=references,
        practice_assignments=_read_practices(data, check),
        pass_mark=80,
        folder=_rel(folder, content_dir),
    )
    lesson_files = check.strings(data, "lessons")
    if not lesson_files:
        check.error(data.line_of("lessons"), "lessons", "expected at least one lesson file")
    module.figures = _read_figures(folder, content_dir, errors)
    for position, name in enumerate(lesson_files, start=1):
        lesson_path = folder / name
        if not lesson_path.exists():
            check.error(data.line_of("lessons"), f"lessons[{position - 1}]", f"file {name!r} does not exist in {folder.name}/")
            continue
        lesson = _read_lesson(lesson_path, position, content_dir, module, glossary_ids, errors)
        if lesson:
            module.lessons.append(lesson)
    lesson_slugs = {lesson.slug for lesson in module.lessons}
    _read_knowledge_check(folder, content_dir, module, lesson_slugs, errors)
    _read_reflections(folder, content_dir, module, errors)
    return module


def _read_references(data, check: _Checker) -> list[dict]:
    references, keys = [], set()
    for index, item in enumerate(check.get(data, "references", list, required=False, default=[])):
        where = f"references[{index}]."
        if not isinstance(item, dict):
            check.error(data.line_of("references"), f"references[{index}]", "expected a mapping with key and citation")
            continue
        key = check.get(item, "key", str, where=where)
        citation = check.get(item, "citation", str, where=where)
        doi = item.get("doi")
        if doi is not None and not (isinstance(doi, str) and doi.startswith("10.")):
            check.error(item.line_of("doi"), f"{where}doi", "expected a DOI starting with 10.")
            doi = None
        if key in keys:
            check.error(item.line_of("key"), f"{where}key", f"duplicate reference key {key!r}")
        keys.add(key)
        if key and citation:
            references.append({"key": key, "citation": citation.strip(), "doi": doi or ""})
    return references


def _read_practices(data, check: _Checker) -> list[dict]:
    practices = []
    for index, item in enumerate(check.get(data, "practice_assignments", list, required=False, default=[])):
        where = f"practice_assignments[{index}]."
        if not isinstance(item, dict):
            check.error(data.line_of("practice_assignments"), f"practice_assignments[{index}]", "expected a mapping")
            continue
        slug = check.slug(item, "id", where=where)
        title = check.get(item, "title", str, where=where)
        practice = check.get(item, "practice", str, where=where)
        description = check.get(item, "description", str, where=where)
        if practice and practice not in PRACTICES:
            check.error(item.line_of("practice"), f"{where}practice", f"expected one of {', '.join(sorted(PRACTICES))}, found {practice!r}")
        if slug and title and practice and description:
            practices.append({"id": slug, "title": title, "practice": practice, "description": description.strip()})
    return practices


def _read_figures(folder: Path, content_dir: Path, errors) -> dict[str, str]:
    figures = {}
    for path in sorted((folder / "figures").glob("*.svg")) if (folder / "figures").is_dir() else []:
        svg = path.read_text(encoding="utf-8")
        if "<svg" not in svg or SVG_FORBIDDEN.search(svg):
            errors.append(ContentError(_rel(path, content_dir), None, "(svg)", "expected a plain SVG without scripts, event handlers or external links"))
            continue
        figures[path.name] = svg
    return figures


def _read_lesson(path: Path, position: int, content_dir: Path, module: ModuleData, glossary_ids, errors) -> LessonData | None:
    file = _rel(path, content_dir)
    text = path.read_text(encoding="utf-8")
    match = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.DOTALL)
    if not match:
        errors.append(ContentError(file, 1, "(front matter)", "expected the file to start with front matter between two '---' lines"))
        return None
    front = _read_yaml(path, content_dir, errors, text=match.group(1), first_line=2)
    if front is None:
        return None
    check = _Checker(errors, file)
    body = match.group(2).strip()
    body_first_line = text[: match.start(2)].count("\n") + 1
    lesson = LessonData(
        slug=check.slug(front, "id") or "",
        position=position,
        title=check.get(front, "title", str) or "",
        estimated_minutes=check.get(front, "estimated_minutes", int) or 0,
        objectives=check.strings(front, "objectives"),
        body_markdown=body,
        file=file,
    )
    if not body:
        check.error(body_first_line, "(body)", "the lesson has no text")
    reference_keys = {ref["key"] for ref in module.references}
    for line_number, line in enumerate(body.splitlines(), start=body_first_line):
        for key in rendering.CITATION.findall(line):
            if key not in reference_keys:
                check.error(line_number, f"[^{key}]", "cites a reference key that module.yaml does not list")
        for slug, _ in rendering.TERM.findall(line):
            if slug not in glossary_ids:
                check.error(line_number, f"[[{slug}]]", "names a term that content/glossary.yaml does not define")
        for _, name, _ in rendering.FIGURE.findall(line):
            if name.removeprefix("figures/") not in module.figures:
                check.error(line_number, name, "figure file does not exist (or is not a safe SVG)")
        image = re.search(r"!\[([^\]]*)\]\(([^)]*)\)", line)
        if image and not rendering.FIGURE.match(line.strip()):
            check.error(line_number, "(figure)", "expected a figure on its own line as ![alt](figures/name.svg \"caption\")")
        if image and not image.group(1).strip():
            check.error(line_number, "(figure)", "a figure needs alt text describing it")
        if line.startswith("# "):
            check.error(line_number, "(heading)", "use ## and ### headings; the lesson title is the page's only top heading")
    opened = len(re.findall(r"^:::(note|try|caution)", body, re.MULTILINE))
    if opened != len(rendering.CALLOUT.findall(body)) or re.search(r"^:::(?!note|try|caution)\w", body, re.MULTILINE):
        check.error(body_first_line, "(callout)", "expected callouts as ':::note|try|caution Title' ... ':::' on their own lines")
    return lesson


def _read_knowledge_check(folder: Path, content_dir: Path, module: ModuleData, lesson_slugs: set[str], errors) -> None:
    path = folder / "knowledge_check.yaml"
    if not path.exists():
        return
    data = _read_yaml(path, content_dir, errors)
    if data is None:
        return
    check = _Checker(errors, _rel(path, content_dir))
    pass_mark = check.get(data, "pass_mark", int, required=False, default=80)
    if not 1 <= pass_mark <= 100:
        check.error(data.line_of("pass_mark"), "pass_mark", "expected a percentage from 1 to 100")
    module.pass_mark = pass_mark
    keys = set()
    for position, item in enumerate(check.get(data, "questions", list, default=[]), start=1):
        where = f"questions[{position - 1}]."
        if not isinstance(item, dict):
            check.error(data.line_of("questions"), where.rstrip("."), "expected a mapping")
            continue
        key = check.slug(item, "id", where=where)
        kind = check.get(item, "type", str, where=where)
        prompt = check.get(item, "prompt", str, where=where)
        revisit = check.get(item, "revisit", str, where=where)
        if key in keys:
            check.error(item.line_of("id"), f"{where}id", f"duplicate question id {key!r}")
        keys.add(key)
        if kind and kind not in {"single", "multiple"}:
            check.error(item.line_of("type"), f"{where}type", f"expected single or multiple, found {kind!r}")
        if revisit and revisit not in lesson_slugs:
            check.error(item.line_of("revisit"), f"{where}revisit", f"expected the id of a lesson in this module, found {revisit!r}")
        options = _read_options(item, check, where, kind)
        if key and kind and prompt and revisit and options:
            module.questions.append(QuestionData(key, position, kind, prompt.strip(), revisit, options))


def _read_options(item, check: _Checker, where: str, kind: str | None) -> list[dict]:
    options, ids = [], set()
    raw = check.get(item, "options", list, where=where, default=[])
    for index, option in enumerate(raw):
        at = f"{where}options[{index}]."
        if not isinstance(option, dict):
            check.error(item.line_of("options"), at.rstrip("."), "expected a mapping with id, text, correct, explanation")
            continue
        option_id = check.get(option, "id", str, where=at)
        text = check.get(option, "text", str, where=at)
        correct = check.get(option, "correct", bool, where=at)
        explanation = check.get(option, "explanation", str, where=at)
        if option_id in ids:
            check.error(option.line_of("id"), f"{at}id", f"duplicate option id {option_id!r}")
        ids.add(option_id)
        if option_id and text and correct is not None and explanation:
            options.append({"id": option_id, "text": text.strip(), "correct": correct, "explanation": explanation.strip()})
    correct_count = sum(1 for o in options if o["correct"])
    if kind == "single" and (correct_count != 1 or not 3 <= len(raw) <= 5):
        check.error(item.line_of("options"), f"{where}options", f"a single-answer question needs 3–5 options with exactly one correct (found {len(raw)} options, {correct_count} correct)")
    if kind == "multiple" and (correct_count < 2 or not 4 <= len(raw) <= 6):
        check.error(item.line_of("options"), f"{where}options", f"a multiple-answer question needs 4–6 options with at least two correct (found {len(raw)} options, {correct_count} correct)")
    return options


def _read_reflections(folder: Path, content_dir: Path, module: ModuleData, errors) -> None:
    path = folder / "reflections.yaml"
    if not path.exists():
        return
    data = _read_yaml(path, content_dir, errors)
    if data is None:
        return
    check = _Checker(errors, _rel(path, content_dir))
    keys = set()
    for position, item in enumerate(check.get(data, "prompts", list, default=[]), start=1):
        where = f"prompts[{position - 1}]."
        if not isinstance(item, dict):
            check.error(data.line_of("prompts"), where.rstrip("."), "expected a mapping")
            continue
        key = check.slug(item, "id", where=where)
        title = check.get(item, "title", str, where=where)
        prompt = check.get(item, "prompt", str, where=where)
        if key in keys:
            check.error(item.line_of("id"), f"{where}id", f"duplicate prompt id {key!r}")
        keys.add(key)
        if key and title and prompt:
            module.reflections.append(ReflectionData(key, position, title, prompt.strip()))


def _check_across_modules(modules: list[ModuleData], errors) -> None:
    seen_modules, seen_numbers, seen_lessons = {}, {}, {}
    for module in modules:
        file = f"{module.folder}/module.yaml"
        if module.slug in seen_modules:
            errors.append(ContentError(file, None, "id", f"module id {module.slug!r} is also used by {seen_modules[module.slug]}"))
        seen_modules[module.slug] = file
        if module.number in seen_numbers:
            errors.append(ContentError(module.folder, None, "(folder)", f"number {module.number:02d} is also used by {seen_numbers[module.number]}"))
        seen_numbers[module.number] = module.folder
        for lesson in module.lessons:
            if lesson.slug in seen_lessons:
                errors.append(ContentError(lesson.file, 2, "id", f"lesson id {lesson.slug!r} is also used by {seen_lessons[lesson.slug]}"))
            seen_lessons[lesson.slug] = lesson.file
    for module in modules:
        for slug in module.prerequisites:
            if slug not in seen_modules:
                errors.append(ContentError(f"{module.folder}/module.yaml", None, "prerequisites", f"names an unknown module {slug!r}"))
