"""Small statistics for cohort summaries, in plain Python (no SciPy): mean, SD and the paired
mean difference with a t-based 95% confidence interval."""

import math
from dataclasses import dataclass

MIN_GROUP = 5  # fewer contributors than this and a summary could identify someone


def _beta_continued_fraction(a: float, b: float, x: float) -> float:
    """Lentz's method for the continued fraction of the regularised incomplete beta function."""
    tiny, qab, qap, qam = 1e-300, a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        for numerator in (m * (b - m) * x / ((qam + m2) * (a + m2)), -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + numerator / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1.0) < 1e-14:
            break
    return h


def regularised_beta(a: float, b: float, x: float) -> float:
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1) / (a + b + 2):
        return front * _beta_continued_fraction(a, b, x) / a
    return 1.0 - front * _beta_continued_fraction(b, a, 1 - x) / b


def t_cdf(t: float, df: float) -> float:
    tail = 0.5 * regularised_beta(df / 2, 0.5, df / (df + t * t))
    return 1 - tail if t >= 0 else tail


def t_quantile(p: float, df: float) -> float:
    """The t value below which a fraction p of the distribution lies (bisection on the CDF)."""
    low, high = -1000.0, 1000.0
    for _ in range(200):
        middle = (low + high) / 2
        if t_cdf(middle, df) < p:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def mean(values: list[float]) -> float:
    return sum(values) / len(values)


def sd(values: list[float]) -> float | None:
    if len(values) < 2:
        return None
    m = mean(values)
    return math.sqrt(sum((v - m) ** 2 for v in values) / (len(values) - 1))


def mean_sd_from_sums(n: int, total: float | None, squares: float | None) -> tuple[float | None, float | None]:
    """Mean and sample SD from a count, a sum and a sum of squares (one pass in the database)."""
    if not n or total is None:
        return None, None
    m = total / n
    if n < 2 or squares is None:
        return m, None
    return m, math.sqrt(max(squares - n * m * m, 0.0) / (n - 1))


@dataclass(frozen=True)
class PairedChange:
    n: int
    mean_difference: float
    low: float
    high: float

    @property
    def clearly_up(self) -> bool:
        return self.low > 0

    @property
    def clearly_down(self) -> bool:
        return self.high < 0


def paired_change(pairs: list[tuple[float, float]], confidence: float = 0.95) -> PairedChange | None:
    """Mean of (after − before) with a t-based confidence interval; None below the minimum group."""
    differences = [after - before for before, after in pairs]
    if len(differences) < 2:
        return None
    return change_from_summary(len(differences), mean(differences), sd(differences), confidence)


def change_from_summary(n: int, mean_difference: float, sd_difference: float | None,
                        confidence: float = 0.95) -> PairedChange | None:
    """The same interval from the differences' count, mean and sample SD (as the database gives them)."""
    if n < max(MIN_GROUP, 2):
        return None
    margin = t_quantile(1 - (1 - confidence) / 2, n - 1) * (sd_difference or 0.0) / math.sqrt(n)
    return PairedChange(n, mean_difference, mean_difference - margin, mean_difference + margin)
