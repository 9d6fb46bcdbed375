"""Spaced repetition: gaps grow with secure attempts, shaky ones come back tomorrow, mastery stops it."""

from dataclasses import dataclass
from datetime import date, datetime, timezone

from tend.drills import services, spacing


@dataclass
class A:  # the fields review_for reads from an attempt
    level: str = "beginner"
    score: float | None = 3.0
    difficulty: str | None = "good"
    criteria_met: int | None = None
    created_at: datetime = datetime(2026, 3, 10, 9, tzinfo=timezone.utc)


def test_never_practised_is_not_due():
    assert spacing.review_for([], 4) == spacing.Review(due=None, mastered=False, secure_run=0)
    assert spacing.review_for([A(score=None, difficulty=None)], 4).due is None  # opened but not answered


def test_a_shaky_attempt_comes_back_the_next_day():
    review = spacing.review_for([A(score=1.5)], 4)
    assert review.due == date(2026, 3, 11) and review.secure_run == 0
    assert spacing.review_for([A(difficulty="too_hard")], 4).due == date(2026, 3, 11)
    assert spacing.review_for([A(criteria_met=1)], 4).due == date(2026, 3, 11)  # met only 1 of 4 criteria


def test_each_secure_attempt_in_a_row_lengthens_the_gap():
    # newest first: three secure attempts after a shaky one -> the fourth gap (14 days)
    review = spacing.review_for([A(), A(), A(), A(score=1.0)], 3)
    assert review.secure_run == 3 and review.due == date(2026, 3, 24)
    assert spacing.review_for([A(), A(score=1.0)], 3).due == date(2026, 3, 13)  # one secure: 3 days
    long_run = spacing.review_for([A()] * 9, 3)
    assert long_run.due == date(2026, 4, 9)  # the gap stops growing at 30 days


def test_two_secure_advanced_attempts_in_a_row_are_mastered():
    review = spacing.review_for([A(level="advanced"), A(level="advanced"), A(score=0.5)], 3)
    assert review.mastered and review.due is None
    assert not spacing.review_for([A(level="advanced"), A(level="intermediate")], 3).mastered


def test_due_today_and_overdue():
    review = spacing.review_for([A(score=1.0)], 3)
    assert review.is_due(date(2026, 3, 11)) and review.is_due(date(2026, 3, 20))
    assert not review.is_due(date(2026, 3, 10))


def test_mixed_practice_picks_the_most_overdue_then_an_untried_skill():
    rows = [services.Progress(skill=s) for s in services.skills()[:3]]
    today = date(2026, 3, 20)
    assert services.mixed_practice_skill(rows, today) == rows[0].skill  # nothing due: the first untried
    rows[0].attempts = 1
    rows[0].review = spacing.Review(due=date(2026, 3, 18), mastered=False, secure_run=1)
    rows[2].attempts = 1
    rows[2].review = spacing.Review(due=date(2026, 3, 12), mastered=False, secure_run=0)
    assert services.mixed_practice_skill(rows, today) == rows[2].skill
