"""Scores over time as server-drawn SVG (no JavaScript library): one line of points, the
reliable-change band around the first score, and published cut-offs as labelled lines."""

from dataclasses import dataclass, field
from datetime import date

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 120, 16, 36


def short(label: str, limit: int = 14) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class ChartLine:
    value: float
    label: str


@dataclass
class Chart:
    title: str
    points: list[tuple[date, float]]
    low: float
    high: float
    band: tuple[float, float] | None = None  # scores within it are not a reliable change from the first
    lines: list[ChartLine] = field(default_factory=list)
    chart_id: str = "chart"

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
        values = ", ".join(f"{when:%d %b %Y}: {value:g}" for when, value in self.points)
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
        coordinates = [(self._x(i), self._y(v)) for i, (_, v) in enumerate(self.points)]
        if len(coordinates) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coordinates)
            parts.append(f'<polyline class="measure-chart__line" points="{path}"/>')
        for (x, y), (when, value) in zip(coordinates, self.points):
            parts.append(f'<circle class="measure-chart__point" cx="{x:.1f}" cy="{y:.1f}" r="5">'
                         f'<title>{when:%d %b %Y}: {value:g}</title></circle>')
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
