"""Scores over time as server-drawn SVG (no JavaScript library): one line of points, the
reliable-change band around the first score, and published cut-offs as labelled lines."""

from dataclasses import dataclass, field
from datetime import date

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 120, 16, 36
MAX_DATE_LABELS = 9


def short(label: str, limit: int = 14) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class ChartLine:
    value: float
    label: str


@dataclass
class Chart:
    title: str
    points: list[tuple[date, float | None]]
    low: float
    high: float
    band: tuple[float, float] | None = None  # scores within it are not a reliable change from the first
    lines: list[ChartLine] = field(default_factory=list)
    chart_id: str = "chart"
    gap_text: str = "no value"  # how a point without a value (None) is described: drawn as a gap

    def _segments(self) -> list[list[tuple[float, float]]]:
        """Runs of consecutive points with values; a point without one breaks the line."""
        runs, current = [], []
        for index, (_, value) in enumerate(self.points):
            if value is None:
                if current:
                    runs.append(current)
                current = []
            else:
                current.append((self._x(index), self._y(value)))
        if current:
            runs.append(current)
        return runs

    def _x(self, index: int) -> float:
        span = WIDTH - LEFT - RIGHT
        if len(self.points) <= 1:
            return LEFT + span / 2
        return LEFT + span * index / (len(self.points) - 1)

    def _y(self, value: float) -> float:
        span = (self.high - self.low) or 1
        clamped = min(max(value, self.low), self.high)
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - (clamped - self.low) / span)

    def describe(self) -> str:
        values = ", ".join(f"{when:%d %b %Y}: {self.gap_text if value is None else f'{value:g}'}"
                           for when, value in self.points)
        return f"{self.title}. {values}."

    def svg(self) -> SafeString:
        parts = [
            f'<svg class="measure-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
            f'aria-labelledby="{self.chart_id}-title {self.chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
            f'<title id="{self.chart_id}-title">{escape(self.title)}</title>',
            f'<desc id="{self.chart_id}-desc">{escape(self.describe())}</desc>',
        ]
        parts += self._axes()
        if self.band is not None:
            top, bottom = self._y(self.band[1]), self._y(self.band[0])
            parts.append(f'<rect class="measure-chart__band" x="{LEFT}" y="{top:.1f}" width="{WIDTH - LEFT - RIGHT}" '
                         f'height="{max(bottom - top, 1):.1f}"/>')
            parts.append(f'<text class="measure-chart__label" x="{WIDTH - RIGHT + 6}" y="{(top + bottom) / 2 + 4:.1f}">'
                         'no reliable change</text>')
        for line in self.lines:
            y = self._y(line.value)
            parts.append(f'<line class="measure-chart__cutoff" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>')
            parts.append(f'<text class="measure-chart__label" x="{WIDTH - RIGHT + 6}" y="{y + 4:.1f}">'
                         f'{escape(short(line.label))} ({line.value:g})</text>')
        for run in self._segments():
            if len(run) > 1:
                path = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
                parts.append(f'<polyline class="measure-chart__line" points="{path}"/>')
        every = -(-len(self.points) // MAX_DATE_LABELS)  # thin the dates so they never overlap
        for index, (when, value) in enumerate(self.points):
            x = self._x(index)
            if value is not None:
                parts.append(f'<circle class="measure-chart__point" cx="{x:.1f}" cy="{self._y(value):.1f}" r="5">'
                             f'<title>{when:%d %b %Y}: {value:g}</title></circle>')
            if index % every == 0:
                parts.append(f'<text class="measure-chart__date" x="{x:.1f}" y="{HEIGHT - 12}" text-anchor="middle">'
                             f'{when:%d %b}</text>')
        parts.append("</svg>")
        return mark_safe("".join(parts))  # every piece of text above is escaped

    def _axes(self) -> list[str]:
        bottom = HEIGHT - BOTTOM
        out = [f'<line class="measure-chart__axis" x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{bottom}"/>',
               f'<line class="measure-chart__axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{bottom}" y2="{bottom}"/>']
        for value in (self.low, (self.low + self.high) / 2, self.high):
            y = self._y(value)
            out.append(f'<text class="measure-chart__tick" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{value:g}</text>')
        return out
