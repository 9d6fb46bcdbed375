"""Ready-made exercise prompts in content/exercises/*.md, read through tend.contentfiles.
Imports nothing from Django except settings (for the folder).

Each file: YAML front matter with `id` and `title`, then the prompt as plain paragraphs."""

import re
from dataclasses import dataclass
from pathlib import Path

from tend import contentfiles

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FIELDS = ("id", "title")


PromptError = contentfiles.ContentError


class PromptErrors(contentfiles.ContentErrors):
    """Problems in the exercise prompt files."""


@dataclass(frozen=True)
class ReadyPrompt:
    id: str
    title: str
    text: str
    file: str


def read_prompt(path: Path, errors: list, *, name: str) -> ReadyPrompt | None:
    def error(line, field, message):
        errors.append(PromptError(name, line, field, message))

    split = contentfiles.split_front_matter(path, error, fields_hint="id, title")
    if split is None:
        return None
    data, lines, body_start = split
    before = len(errors)
    for field in FIELDS:
        value = data.get(field)
        if not isinstance(value, str) or not value.strip():
            error(2, field, "expected some text")
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        error(2, "(front matter)", f"unknown fields {unknown}; expected only {list(FIELDS)}")
    if isinstance(data.get("id"), str) and not SLUG.match(data["id"]):
        error(2, "id", "expected lowercase words joined by hyphens, e.g. my-inner-critic")
    if isinstance(data.get("id"), str) and path.stem != data["id"]:
        error(2, "id", f"expected the file to be named {data['id']}.md")
    text = "\n".join(lines[body_start:]).strip()
    if not text:
        error(body_start + 1, "(prompt)", "expected the prompt text after the front matter")
    if len(errors) > before:
        return None
    return ReadyPrompt(id=data["id"], title=data["title"].strip(), text=text, file=name)


def read_prompts(directory: Path) -> list[ReadyPrompt]:
    found = contentfiles.read_folder(directory, read_prompt, error_cls=PromptError, errors_cls=PromptErrors, folder_name="exercises")
    seen: set[str] = set()
    duplicates = [PromptError(p.file, 2, "id", f"{p.id!r} is used by another prompt") for p in found if p.id in seen or seen.add(p.id)]
    if duplicates:
        raise PromptErrors(duplicates)
    return sorted(found, key=lambda p: p.title)


_cache = contentfiles.FolderCache(read_prompts)


def ready_prompts() -> list[ReadyPrompt]:
    from django.conf import settings

    return _cache.get(Path(settings.TEND_CONTENT_DIR) / "exercises")


def ready_prompt(prompt_id: str) -> ReadyPrompt | None:
    return next((p for p in ready_prompts() if p.id == prompt_id), None)
