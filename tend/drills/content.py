"""Reads and validates the deliberate-practice drills under content/drills/. No Django.

Each problem names the file, the line, the field and what was expected (as for the curriculum).
"""

from dataclasses import dataclass, field
from pathlib import Path

from tend.learn.content import SLUG, ContentError, ContentErrors, _Checker, _read_yaml, _rel

LEVELS = ("beginner", "intermediate", "advanced")
MIN_PER_LEVEL = 2


@dataclass
class Drill:
    id: str
    level: str
    background: str
    statement: str
    risk_cues: bool
    model_replies: list[dict]
    pitfalls: list[str]


@dataclass
class Skill:
    id: str
    number: int
    title: str
    summary: str
    mastery_criteria: list[str]
    competencies: dict[str, list[str]]
    common_pitfalls: list[str]
    folder: str
    drills: list[Drill] = field(default_factory=list)

    def count(self, level: str) -> int:
        return sum(1 for d in self.drills if d.level == level)


def read_drills(content_dir: Path) -> list[Skill]:
    content_dir = Path(content_dir)
    root = content_dir / "drills"
    errors: list[ContentError] = []
    skills: list[Skill] = []
    folders = sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []
    seen_drills: dict[str, str] = {}
    for folder in folders:
        skill = _read_skill(folder, content_dir, errors)
        if skill is None:
            continue
        _read_drill_file(folder, content_dir, skill, seen_drills, errors)
        for level in LEVELS:
            if skill.count(level) < MIN_PER_LEVEL:
                errors.append(ContentError(f"{skill.folder}/drills.yaml", None, "drills",
                                           f"expected at least {MIN_PER_LEVEL} {level} drills, found {skill.count(level)}"))
        skills.append(skill)
    ids = [s.id for s in skills]
    for duplicate in {i for i in ids if ids.count(i) > 1}:
        errors.append(ContentError("content/drills", None, "id", f"skill id {duplicate!r} is used by more than one folder"))
    if errors:
        raise ContentErrors(errors)
    return skills


def _read_skill(folder: Path, content_dir: Path, errors) -> Skill | None:
    name = folder.name
    number = name.split("-", 1)[0]
    if not (number.isdigit() and len(number) == 2 and "-" in name):
        errors.append(ContentError(_rel(folder, content_dir), None, "(folder)", "expected a name like 01-skill-slug"))
        return None
    path = folder / "skill.yaml"
    if not path.exists():
        errors.append(ContentError(_rel(folder, content_dir), None, "skill.yaml", "is missing"))
        return None
    data = _read_yaml(path, content_dir, errors)
    if data is None:
        return None
    check = _Checker(errors, _rel(path, content_dir))
    competencies = check.get(data, "competencies", dict, default={}) or {}
    for key in ("cft_competency_framework", "cft_tcrs"):
        check.strings(competencies, key, where="competencies.") if isinstance(competencies, dict) else None
    return Skill(
        id=check.slug(data, "id") or "",
        number=int(number),
        title=check.get(data, "title", str) or "",
        summary=(check.get(data, "summary", str) or "").strip(),
        mastery_criteria=_between(check, data, "mastery_criteria", 3, 6),
        competencies={k: v for k, v in competencies.items() if isinstance(v, list)},
        common_pitfalls=_between(check, data, "common_pitfalls", 3, 6),
        folder=_rel(folder, content_dir),
    )


def _between(check: _Checker, data, key: str, low: int, high: int) -> list[str]:
    values = check.strings(data, key)
    if not low <= len(values) <= high:
        check.error(data.line_of(key), key, f"expected {low}–{high} items, found {len(values)}")
    return values


def _read_drill_file(folder: Path, content_dir: Path, skill: Skill, seen: dict[str, str], errors) -> None:
    path = folder / "drills.yaml"
    if not path.exists():
        errors.append(ContentError(_rel(folder, content_dir), None, "drills.yaml", "is missing"))
        return
    data = _read_yaml(path, content_dir, errors)
    if data is None:
        return
    check = _Checker(errors, _rel(path, content_dir))
    for index, item in enumerate(check.get(data, "drills", list, default=[])):
        where = f"drills[{index}]."
        if not isinstance(item, dict):
            check.error(data.line_of("drills"), where.rstrip("."), "expected a mapping")
            continue
        drill_id = check.slug(item, "id", where=where)
        level = check.get(item, "level", str, where=where)
        if level and level not in LEVELS:
            check.error(item.line_of("level"), f"{where}level", f"expected beginner, intermediate or advanced, found {level!r}")
        if drill_id in seen:
            check.error(item.line_of("id"), f"{where}id", f"drill id {drill_id!r} is also used in {seen[drill_id]}")
        elif drill_id:
            seen[drill_id] = check.file
        risk = check.get(item, "risk_cues", bool, where=where)
        replies = check.get(item, "model_replies", list, where=where, default=[])
        if len(replies) != 2:
            check.error(item.line_of("model_replies"), f"{where}model_replies", f"expected exactly two model replies, found {len(replies)}")
        parsed = []
        for r_index, reply in enumerate(replies):
            at = f"{where}model_replies[{r_index}]."
            if not isinstance(reply, dict):
                check.error(item.line_of("model_replies"), at.rstrip("."), "expected a mapping with style and text")
                continue
            style, text = check.get(reply, "style", str, where=at), check.get(reply, "text", str, where=at)
            if style and text:
                parsed.append({"style": style, "text": text.strip()})
        drill = Drill(
            id=drill_id or "", level=level or "", background=(check.get(item, "background", str, where=where) or "").strip(),
            statement=(check.get(item, "statement", str, where=where) or "").strip(), risk_cues=bool(risk),
            model_replies=parsed, pitfalls=check.strings(item, "pitfalls", where=where, required=False),
        )
        if drill.id and drill.level in LEVELS and drill.statement and len(parsed) == 2:
            skill.drills.append(drill)


__all__ = ["LEVELS", "SLUG", "Drill", "Skill", "read_drills"]
