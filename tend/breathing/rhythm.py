"""The rules of a soothing-rhythm breathing pattern, in plain Python (no Django).

A pattern is four phases in seconds: breathing in, a pause at the top, breathing out, a pause at
the bottom. One breath (a cycle) is their sum, so the rate is 60 / cycle breaths per minute.
CFT's soothing rhythm is slower and deeper than usual but comfortable, with a longer out-breath;
about 5.5 breaths per minute is the default (4 s in, 1 s pause, 5 s out, 1 s pause).
"""

from dataclasses import asdict, dataclass
from decimal import Decimal

MIN_BREATHS_PER_MINUTE = 3
MAX_BREATHS_PER_MINUTE = 10
# A rate of 3-10 breaths per minute is a cycle of 6-20 seconds.
MIN_CYCLE_SECONDS = 60 / MAX_BREATHS_PER_MINUTE
MAX_CYCLE_SECONDS = 60 / MIN_BREATHS_PER_MINUTE
MIN_BREATH_SECONDS = Decimal("1")  # breathing in or out
MAX_BREATH_SECONDS = Decimal("15")
MAX_PAUSE_SECONDS = Decimal("10")
# The on-ramp starts near a natural resting rate and slows to the pattern over the first minute.
NATURAL_BREATHS_PER_MINUTE = 12
ON_RAMP_SECONDS = 60
DURATION_CHOICES_MINUTES = (1, 2, 3, 5, 10, 15, 20)
MAX_PATTERNS_PER_PERSON = 20


@dataclass(frozen=True)
class Rhythm:
    inhale: Decimal
    hold_in: Decimal
    exhale: Decimal
    hold_out: Decimal

    @property
    def cycle_seconds(self) -> Decimal:
        return self.inhale + self.hold_in + self.exhale + self.hold_out

    @property
    def breaths_per_minute(self) -> float:
        cycle = self.cycle_seconds
        return round(60 / float(cycle), 2) if cycle > 0 else 0.0

    def as_dict(self) -> dict:
        return {key: float(value) for key, value in asdict(self).items()}


DEFAULT_RHYTHM = Rhythm(Decimal("4"), Decimal("1"), Decimal("5"), Decimal("1"))


def _s(value: Decimal) -> str:
    """Seconds as people write them: 4 s, 4.5 s."""
    return f"{value.normalize():f} s"


def validate(rhythm: Rhythm, *, allow_shorter_exhale: bool = False) -> dict[str, list[str]]:
    """Every problem with a pattern, keyed by the field it concerns ("__all__" for the rate).

    Returns an empty dict for a valid pattern. Messages say what is wrong and how to fix it."""
    errors: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    for field, value, label in (("inhale", rhythm.inhale, "Breathing in"), ("exhale", rhythm.exhale, "Breathing out")):
        if value < MIN_BREATH_SECONDS:
            add(field, f"{label} needs at least {_s(MIN_BREATH_SECONDS)}.")
        elif value > MAX_BREATH_SECONDS:
            add(field, f"{label} can be at most {_s(MAX_BREATH_SECONDS)}.")
    for field, value, label in (
        ("hold_in", rhythm.hold_in, "The pause after breathing in"),
        ("hold_out", rhythm.hold_out, "The pause after breathing out"),
    ):
        if value < 0:
            add(field, f"{label} cannot be negative; use 0 for no pause.")
        elif value > MAX_PAUSE_SECONDS:
            add(field, f"{label} can be at most {_s(MAX_PAUSE_SECONDS)}.")
    if errors:
        return errors

    if not allow_shorter_exhale and rhythm.exhale < rhythm.inhale:
        add(
            "exhale",
            f"Breathing out ({_s(rhythm.exhale)}) is shorter than breathing in ({_s(rhythm.inhale)}). "
            f"A longer out-breath is what settles the body: make it at least {_s(rhythm.inhale)}, "
            "or tick “Allow a shorter out-breath”.",
        )

    cycle = rhythm.cycle_seconds
    rate = 60 / float(cycle)
    if cycle < MIN_CYCLE_SECONDS:
        add(
            "__all__",
            f"This pattern is {rate:.1f} breaths per minute (one breath every {_s(cycle)}), faster than "
            f"{MAX_BREATHS_PER_MINUTE}. Lengthen the phases so one breath takes at least {MIN_CYCLE_SECONDS:g} s.",
        )
    elif cycle > MAX_CYCLE_SECONDS:
        add(
            "__all__",
            f"This pattern is {rate:.1f} breaths per minute (one breath every {_s(cycle)}), slower than "
            f"{MIN_BREATHS_PER_MINUTE}. Shorten the phases so one breath takes at most {MAX_CYCLE_SECONDS:g} s.",
        )
    return errors


def summary(rhythm: Rhythm, *, name: str) -> dict:
    """What a session record keeps about the pattern it used."""
    return {"name": name, **rhythm.as_dict(), "breaths_per_minute": rhythm.breaths_per_minute}
