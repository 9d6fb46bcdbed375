"""Server-side SVG charts with a title and description; every chart also has a data table."""

from datetime import date, timedelta
from html import escape


def _svg(width: int, height: int, title: str, desc: str, body: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" aria-labelledby="t d" class="chart">'
            f'<title id="t">{escape(title)}</title><desc id="d">{escape(desc)}</desc>{body}</svg>')


def heatmap(by_day: dict[date, int], *, end: date, weeks: int = 12, title: str, desc: str) -> str:
    """A calendar of the last `weeks` weeks: darker squares for more minutes of practice."""
    cell, gap = 14, 3
    start = end - timedelta(days=end.weekday()) - timedelta(weeks=weeks - 1)
    squares = []
    for offset in range(weeks * 7):
        day = start + timedelta(days=offset)
        if day > end:
            break
        minutes = by_day.get(day, 0)
        level = 0 if minutes == 0 else 1 if minutes < 5 else 2 if minutes < 15 else 3 if minutes < 30 else 4
        x, y = (offset // 7) * (cell + gap), (offset % 7) * (cell + gap)
        squares.append(f'<rect x="{x}" y="{y}" width="{cell}" height="{cell}" rx="3" class="heat heat--{level}">'
                       f'<title>{day:%d %b}: {minutes} min</title></rect>')
    return _svg(weeks * (cell + gap), 7 * (cell + gap), title, desc, "".join(squares))


def bars(values: list[tuple[str, int]], *, title: str, desc: str) -> str:
    width, height, pad = 360, 140, 20
    top = max([v for _, v in values] + [1])
    step = (width - pad) / max(len(values), 1)
    parts = []
    for i, (label, value) in enumerate(values):
        h = (height - 2 * pad) * value / top
        x = pad / 2 + i * step
        parts.append(f'<rect x="{x:.1f}" y="{height - pad - h:.1f}" width="{step * 0.7:.1f}" height="{h:.1f}" rx="3" class="bar"><title>{escape(label)}: {value} min</title></rect>'
                     f'<text x="{x + step * 0.35:.1f}" y="{height - 5}" class="bar-label" text-anchor="middle">{escape(label)}</text>')
    return _svg(width, height, title, desc, "".join(parts))
