"""The practice flow: the drill bank (read from content files, cached until they change), the
suggested level from self-ratings, picking the next drill, and progress per skill."""

import threading
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from tend.drills import spacing
from tend.drills.content import LEVELS, Drill, Skill, read_drills

_lock = threading.Lock()
_cache: dict[str, tuple[tuple, list[Skill]]] = {}


def _signature(root: Path) -> tuple:
    if not root.is_dir():
        return ()
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(root.glob("*/*.yaml")))


def skills() -> list[Skill]:
    """All skills with their drills; re-read only when a content file is added, removed or changed."""
    content_dir = Path(settings.TEND_CONTENT_DIR)
    key, signature = str(content_dir.resolve()), _signature(content_dir / "drills")
    entry = _cache.get(key)
    if entry is not None and entry[0] == signature:
        return entry[1]
    with _lock:
        found = read_drills(content_dir)
        _cache[key] = (signature, found)
    return found


def skill_by_id(skill_id: str) -> Skill | None:
    return next((s for s in skills() if s.id == skill_id), None)


def drill_in(skill: Skill, drill_id: str) -> Drill | None:
    return next((d for d in skill.drills if d.id == drill_id), None)


def next_level(level: str, difficulty: str | None) -> str:
    """Too easy: one level up; good challenge: stay; too hard: one level down (within the levels)."""
    index = LEVELS.index(level) if level in LEVELS else 0
    step = {"too_easy": 1, "too_hard": -1}.get(difficulty or "", 0)
    return LEVELS[max(0, min(len(LEVELS) - 1, index + step))]


def suggested_level(attempts) -> str:
    """From one skill's attempts, newest first: the latest rating decides; unrated, stay; none, beginner."""
    for attempt in attempts:
        if attempt.difficulty:
            return next_level(attempt.level, attempt.difficulty)
    return attempts[0].level if attempts else LEVELS[0]


def pick_drill(skill: Skill, level: str, attempted_ids: set[str]) -> Drill:
    """A drill at the level, preferring ones not yet attempted (in the order they are written)."""
    at_level = [d for d in skill.drills if d.level == level] or skill.drills
    fresh = [d for d in at_level if d.id not in attempted_ids]
    return (fresh or at_level)[0]


def start_attempt(owner, skill: Skill):
    from tend.drills.models import DrillAttempt

    attempts = list(DrillAttempt.objects.filter(owner=owner, skill_id=skill.id).only("drill_id", "level", "difficulty"))
    level = suggested_level(attempts)
    drill = pick_drill(skill, level, {a.drill_id for a in attempts})
    return DrillAttempt.objects.create(owner=owner, skill_id=skill.id, drill_id=drill.id, level=drill.level)


@dataclass
class Progress:
    skill: Skill
    attempts: int = 0
    level: str = LEVELS[0]
    highest: str | None = None
    scores: list[float] = field(default_factory=list)  # the last five feedback scores, oldest first
    review: spacing.Review = spacing.Review(due=None, mastered=False, secure_run=0)
    criteria_met: int | None = None  # the latest self-check: how many mastery criteria the reply met

    @property
    def criteria_total(self) -> int:
        return len(self.skill.mastery_criteria)

    @property
    def trend(self) -> str:
        if len(self.scores) < 2:
            return ""
        change = self.scores[-1] - self.scores[0]
        return "up" if change > 0.25 else "down" if change < -0.25 else "steady"


def progress(owner) -> list[Progress]:
    """One row per skill, from a single query over the person's attempts."""
    from tend.drills.models import DrillAttempt

    by_skill: dict[str, list] = {}
    rows = DrillAttempt.objects.filter(owner=owner).only(
        "skill_id", "level", "difficulty", "score", "criteria_met", "created_at"
    )
    for attempt in rows:  # newest first
        by_skill.setdefault(attempt.skill_id, []).append(attempt)
    result = []
    for skill in skills():
        attempts = by_skill.get(skill.id, [])
        levels = [a.level for a in attempts if a.level in LEVELS]
        result.append(Progress(
            skill=skill, attempts=len(attempts), level=suggested_level(attempts),
            highest=max(levels, key=LEVELS.index) if levels else None,
            scores=[a.score for a in attempts if a.score is not None][:5][::-1],
            review=spacing.review_for(attempts, len(skill.mastery_criteria)),
            criteria_met=next((a.criteria_met for a in attempts if a.criteria_met is not None), None),
        ))
    return result


def mixed_practice_skill(rows: list[Progress], today) -> Skill:
    """The most overdue skill; else the first never tried; else the least advanced not yet mastered."""
    due = sorted((r for r in rows if r.review.is_due(today)), key=lambda r: r.review.due)
    if due:
        return due[0].skill
    untried = [r for r in rows if r.attempts == 0]
    if untried:
        return untried[0].skill
    open_rows = [r for r in rows if not r.review.mastered] or rows
    return min(open_rows, key=lambda r: (LEVELS.index(r.level), r.review.due or today)).skill
