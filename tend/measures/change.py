"""Reliable change (Jacobson & Truax, 1991) and published bands.

SEdiff = SD * sqrt(2) * sqrt(1 - r); RCI = (after - before) / SEdiff; |RCI| > 1.96 is reliable
(p < .05); the smallest reliable change is 1.96 * SEdiff. SD and r come from a norm in the
definition (the reliability of the score actually used), or are given by the caller.
"""

import math
from dataclasses import asdict, dataclass

from tend.measures.definitions import Cutoff, Definition

CRITICAL = 1.96
IMPROVED, UNCHANGED, DETERIORATED = "reliably improved", "no reliable change", "reliably deteriorated"


class ChangeError(ValueError):
    """Reliable change cannot be worked out (no norm, no SD or reliability, no better direction)."""


@dataclass
class ChangeResult:
    score_id: str
    before: float
    after: float
    difference: float
    rci: float
    minimum_reliable_change: float
    category: str
    recovered: bool | None
    norm_id: str | None
    sd: float = 0.0
    reliability: float = 0.0

    def as_dict(self) -> dict:
        return asdict(self)


def reliable_change(definition: Definition, score_id: str, before: float, after: float, norm_id: str | None = None,
                    *, sd: float | None = None, reliability: float | None = None) -> ChangeResult:
    """The RCI between two values of one score. Uses `norm_id`, or (given neither it nor
    sd/reliability) the first norm of that score with both an SD and a reliability."""
    rule = _rule(definition, score_id)
    if rule.higher_is_better is None:
        raise ChangeError(f"{definition.id}: the score {score_id!r} has no 'better' direction, so a change "
                          "cannot be called an improvement or a deterioration")
    sd, reliability, norm_id = _spread(definition, score_id, norm_id, sd, reliability)
    se_difference = sd * math.sqrt(2) * math.sqrt(1 - reliability)
    difference = after - before
    rci = difference / se_difference
    reliable = abs(rci) > CRITICAL
    better = difference > 0 if rule.higher_is_better else difference < 0
    category = UNCHANGED if not reliable else (IMPROVED if better else DETERIORATED)
    return ChangeResult(
        score_id=score_id, before=before, after=after, difference=difference, rci=rci,
        minimum_reliable_change=CRITICAL * se_difference, category=category,
        recovered=_recovered(definition, score_id, before, after, category), norm_id=norm_id,
        sd=sd, reliability=reliability,
    )


def band(definition: Definition, score_id: str, value: float, system: str | None = None) -> Cutoff | None:
    """The published band `value` falls in (the first listed that contains it), or None where
    the score has no published bands or the value falls in none. `system` picks a banding system
    where a score has more than one; by default the first one listed is used."""
    _rule(definition, score_id)
    cutoffs = definition.cutoffs_for(score_id)
    if not cutoffs:
        return None
    system = system or cutoffs[0].system
    return next((cutoff for cutoff in cutoffs if cutoff.system == system and cutoff.contains(value)), None)


def _rule(definition: Definition, score_id: str):
    try:
        return definition.score_rule(score_id)
    except KeyError as missing:
        raise ChangeError(missing.args[0]) from None


def _spread(definition, score_id, norm_id, sd, reliability) -> tuple[float, float, str | None]:
    if sd is not None or reliability is not None:
        if norm_id is not None:
            raise ChangeError("give either a norm or an SD and a reliability, not both")
        if sd is None or reliability is None:
            raise ChangeError("give both an SD and a reliability")
        _check(sd, reliability, "the values given")
        return float(sd), float(reliability), None
    if norm_id is not None:
        try:
            norm = definition.norm(norm_id)
        except KeyError as missing:
            raise ChangeError(missing.args[0]) from None
        if norm.score != score_id:
            raise ChangeError(f"{definition.id}: the norm {norm_id!r} is for the score {norm.score!r}, "
                              f"not {score_id!r}")
        if norm.sd is None or norm.reliability is None:
            lacking = " or ".join(name for name, value in (("SD", norm.sd), ("reliability", norm.reliability))
                                  if value is None)
            raise ChangeError(f"{definition.id}: the norm {norm_id!r} has no published {lacking}; "
                              "give an SD and a reliability from a suitable source")
        return norm.sd, norm.reliability, norm.id
    usable = [n for n in definition.norms if n.score == score_id and n.sd is not None and n.reliability is not None]
    if not usable:
        raise ChangeError(f"{definition.id}: no norm with both an SD and a reliability is available for the score "
                          f"{score_id!r}; give an SD and a reliability from a suitable source")
    return usable[0].sd, usable[0].reliability, usable[0].id


def _check(sd: float, reliability: float, where: str) -> None:
    if not isinstance(sd, int | float) or isinstance(sd, bool) or not sd > 0:
        raise ChangeError(f"{where}: the SD must be a number greater than 0")
    if not isinstance(reliability, int | float) or isinstance(reliability, bool) or not 0 < reliability < 1:
        raise ChangeError(f"{where}: the reliability must be a number between 0 and 1")


def _recovered(definition: Definition, score_id: str, before: float, after: float, category: str) -> bool | None:
    """Jacobson & Truax's 'recovered': a reliable improvement that also leaves a worse-side band
    (e.g. 'high' burnout, 'low' compassion satisfaction). None where the score has no cut-offs."""
    cutoffs = definition.cutoffs_for(score_id)
    if not cutoffs:
        return None
    higher_is_better = definition.score_rule(score_id).higher_is_better

    def on_worse_side(value: float) -> bool:
        found = band(definition, score_id, value)
        return found is not None and (
            (found.direction == "above" and not higher_is_better) or (found.direction == "below" and higher_is_better))

    return category == IMPROVED and on_worse_side(before) and not on_worse_side(after)
