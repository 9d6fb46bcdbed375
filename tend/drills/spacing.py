"""Spaced repetition for drill skills, computed from the attempts themselves (no extra state).

A *secure* attempt went well by every measure we have: the feedback score was good (≥ 2.5 of 4),
the trainee did not rate it too hard, and — where they ticked the self-check — the reply met most
mastery criteria. Each run of secure attempts moves a skill to a longer gap before it comes back
(Leitner-style boxes); a shaky attempt brings it back the next day. Two secure attempts in a row at
the advanced level count as mastered, and a mastered skill stops coming back."""

from dataclasses import dataclass
from datetime import date, timedelta

GAPS_DAYS = (1, 3, 7, 14, 30)
SECURE_SCORE = 2.5
MASTERED_RUN = 2


def is_secure(attempt, criteria_total: int) -> bool:
    if attempt.score is None or attempt.score < SECURE_SCORE or attempt.difficulty == "too_hard":
        return False
    if attempt.criteria_met is not None and criteria_total:
        return attempt.criteria_met * 3 >= criteria_total * 2  # at least two thirds of the criteria
    return True


@dataclass(frozen=True)
class Review:
    due: date | None  # None: never practised, or mastered
    mastered: bool
    secure_run: int

    def is_due(self, today: date) -> bool:
        return self.due is not None and self.due <= today


def review_for(attempts: list, criteria_total: int) -> Review:
    """`attempts` for one skill, newest first (each with created_at, level, score, difficulty, criteria_met)."""
    practised = [a for a in attempts if a.score is not None or a.difficulty]
    if not practised:
        return Review(due=None, mastered=False, secure_run=0)
    run = 0
    for attempt in practised:
        if not is_secure(attempt, criteria_total):
            break
        run += 1
    advanced_run = 0
    for attempt in practised:
        if attempt.level != "advanced" or not is_secure(attempt, criteria_total):
            break
        advanced_run += 1
    if advanced_run >= MASTERED_RUN:
        return Review(due=None, mastered=True, secure_run=run)
    last_day = practised[0].created_at.date()
    return Review(due=last_day + timedelta(days=GAPS_DAYS[min(run, len(GAPS_DAYS) - 1)]), mastered=False, secure_run=run)
