"""Scoring a set of answers against a definition.

Conventions (see README.md for their sources):
- a reverse-keyed item scores (scale min + scale max - answer), unless the score says
  `report_reversed: false` (Neff reports the SCS's negative subscales on the answers as given);
- a `mean_of_scores` is the mean of its parts, each part computed with its reverse-keyed items
  reversed (the SCS total: grand mean of the six subscale means);
- items excluded from scoring (the CEAS's filler items) are checked but never counted;
- a missing answer is allowed only where the definition has a missing-data rule: a score is then
  prorated (a sum scaled up to all its items, a mean taken over the answered ones) while the
  unanswered share of its items is at most `max_missing_fraction`; otherwise it is None, with a
  warning saying why.
"""

import math
from dataclasses import dataclass, field

from tend.measures.definitions import Definition, ScoreRule


class ResponseError(ValueError):
    """The answers cannot be scored as given (unknown item, value out of range, not a number)."""


@dataclass
class ScoreResult:
    scores: dict[str, float | None]
    missing: list[int]
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"scores": self.scores, "missing": self.missing, "warnings": self.warnings}


def score(definition: Definition, responses: dict) -> ScoreResult:
    """Every score of the definition from `responses` ({item number: answer}; None = unanswered)."""
    answers = validated_answers(definition, responses)
    warnings: list[str] = []
    scores: dict[str, float | None] = {}
    for rule in definition.scores:
        if rule.rule == "mean_of_scores":
            scores[rule.id] = _mean_of_scores(definition, rule, answers, warnings)
        else:
            scores[rule.id] = _aggregate(definition, rule, answers, warnings, reverse=rule.report_reversed)
    missing = [number for number in definition.item_numbers if number not in answers]
    return ScoreResult(scores=scores, missing=missing, warnings=warnings)


def validated_answers(definition: Definition, responses: dict) -> dict[int, int]:
    """The answered items as {number: whole-number answer}; raises ResponseError naming the item."""
    if not isinstance(responses, dict):
        raise ResponseError("the responses must be a mapping of item number to answer")
    numbers = set(definition.item_numbers)
    allowed = {value for value, _ in definition.scale}
    answers: dict[int, int] = {}
    for key, value in responses.items():
        number = _item_number(key)
        if number is None or number not in numbers:
            raise ResponseError(f"{key!r} is not an item of {definition.id} (its items are numbered "
                                f"{min(numbers)} to {max(numbers)})")
        if number in answers:
            raise ResponseError(f"item {number} is answered twice")
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise ResponseError(f"item {number}: {value!r} is not a number")
        if not definition.scale_min <= value <= definition.scale_max:
            raise ResponseError(f"item {number}: {value:g} is outside the scale "
                                f"({definition.scale_min} to {definition.scale_max})")
        if value not in allowed:
            raise ResponseError(f"item {number}: {value:g} is not one of the scale's values "
                                f"(whole numbers {definition.scale_min} to {definition.scale_max})")
        answers[number] = int(value)
    return answers


def _item_number(key) -> int | None:
    if isinstance(key, bool):
        return None
    if isinstance(key, int):
        return key
    if isinstance(key, str) and key.strip().isdigit():
        return int(key.strip())
    return None


def _aggregate(definition: Definition, rule: ScoreRule, answers: dict[int, int], warnings: list[str],
               *, reverse: bool) -> float | None:
    values = [_scored(definition, number, answers[number], reverse) for number in rule.items if number in answers]
    if not _enough(definition, rule, len(values), warnings):
        return None
    if rule.rule == "mean":
        return sum(values) / len(values)
    return sum(values) * len(rule.items) / len(values)


def _scored(definition: Definition, number: int, answer: int, reverse: bool) -> int:
    if reverse and definition.item(number).reversed:
        return definition.scale_min + definition.scale_max - answer
    return answer


def _enough(definition: Definition, rule: ScoreRule, answered: int, warnings: list[str]) -> bool:
    """Whether the score can be given from `answered` of its items, noting any prorating."""
    total = len(rule.items)
    unanswered = total - answered
    if unanswered == 0:
        return True
    limit = definition.max_missing_fraction
    if answered == 0:
        warnings.append(f"{rule.id}: not scored, none of its {total} items was answered")
        return False
    if limit is None:
        warnings.append(f"{rule.id}: not scored, {unanswered} of its {total} items unanswered and "
                        f"{definition.id} allows no missing answers")
        return False
    if unanswered / total > limit + 1e-9:
        warnings.append(f"{rule.id}: not scored, {unanswered} of its {total} items unanswered "
                        f"(at most {limit:.0%} may be missing)")
        return False
    warnings.append(f"{rule.id}: prorated from {answered} of its {total} items")
    return True


def _mean_of_scores(definition: Definition, rule: ScoreRule, answers: dict[int, int],
                    warnings: list[str]) -> float | None:
    # Parts are recomputed with reversal, whatever the part reports on its own (Neff's SCS total).
    part_warnings: list[str] = []
    parts = [_aggregate(definition, definition.score_rule(part), answers, part_warnings, reverse=True)
             for part in rule.parts]
    if any(value is None for value in parts):
        warnings.append(f"{rule.id}: not scored, because a part could not be scored")
        return None
    return sum(parts) / len(parts)
