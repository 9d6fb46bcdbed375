"""Server-side pictures of the three circles: SVG (the source of truth), PNG (Pillow) and the
timeline chart. Every piece of text that reaches an SVG goes through `_text`, which escapes it
and drops characters XML cannot hold, so a note can never become markup."""

import io
import math
import re
import textwrap
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from tend.circles.models import NOTE_KINDS, SIZE_MAX, Circle

PANEL_W, PANEL_H = 360, 360
R_MIN, R_MAX = 10, 95
CENTRES = {Circle.THREAT: (118, 140), Circle.DRIVE: (242, 140), Circle.SOOTHING: (180, 248)}
COLOURS = {Circle.THREAT: "#c4403a", Circle.DRIVE: "#2f64b0", Circle.SOOTHING: "#2e8a4e"}
INK, MUTED, GRID, PAPER = "#1f2328", "#4d5561", "#d0d5dc", "#ffffff"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif"

_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _text(value) -> str:
    """Text safe inside an SVG element or a double-quoted attribute."""
    return escape(_NOT_XML.sub("", str(value)), {'"': "&quot;", "'": "&#x27;"})


def _id(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "", value) or "c"


def radius(size: int) -> float:
    """Area grows with the size, so a circle twice as big in feeling looks twice as big."""
    size = max(0, min(SIZE_MAX, int(size)))
    return round(R_MIN + (R_MAX - R_MIN) * math.sqrt(size / SIZE_MAX), 1)


@dataclass(frozen=True)
class Disc:
    circle: str
    label: str
    size: int
    cx: float
    cy: float
    r: float
    colour: str


def layout(sizes: dict[str, int], *, offset_x: float = 0) -> list[Disc]:
    return [
        Disc(c.value, str(c.label), int(sizes[c.value]), CENTRES[c][0] + offset_x, CENTRES[c][1], radius(sizes[c.value]), COLOURS[c])
        for c in Circle
    ]


def of_ten(size) -> str:
    return _("%(size)s of 10") % {"size": size}


def sizes_sentence(sizes: dict[str, int]) -> str:
    return ", ".join(f"{Circle(c).label} {of_ten(sizes[c.value])}" for c in Circle)


def describe(now: dict, wish: dict | None) -> str:
    text = _("This week: %(sizes)s.") % {"sizes": sizes_sentence(now)}
    if wish:
        text += " " + _("How I'd like it: %(sizes)s.") % {"sizes": sizes_sentence(wish)}
    return text + " " + _("Bigger circles mean that system feels bigger in life right now. A reflective picture, not a measurement.")


def _panel(heading: str, discs: list[Disc], offset_x: float) -> list[str]:
    parts = [f'<text x="{offset_x + PANEL_W / 2}" y="28" text-anchor="middle" font-size="18" font-weight="700" fill="{INK}">{_text(heading)}</text>']
    for d in sorted(discs, key=lambda d: -d.r):  # big ones first, so small ones stay on top
        dash = ' stroke-dasharray="4 3"' if d.size == 0 else ""
        parts.append(f'<circle cx="{d.cx}" cy="{d.cy}" r="{d.r}" fill="{d.colour}" fill-opacity="0.22" '
                     f'stroke="{d.colour}" stroke-width="2.5"{dash} data-circle="{d.circle}"/>')
    for d in discs:
        parts.append(f'<text x="{d.cx}" y="{d.cy - 4}" text-anchor="middle" font-size="16" font-weight="700" fill="{INK}">{_text(d.label)}</text>')
        parts.append(f'<text x="{d.cx}" y="{d.cy + 15}" text-anchor="middle" font-size="14" fill="{INK}">{_text(of_ten(d.size))}</text>')
    return parts


def _wrapped(text: str, width: int) -> list[str]:
    lines = []
    for paragraph in text.splitlines() or [""]:
        lines.extend(textwrap.wrap(paragraph, width) or [""])
    return lines


def snapshot_svg(now: dict, wish: dict | None = None, *, title: str = "", when=None, notes: list[dict] | None = None,
                 id_prefix: str = "circles", standalone: bool = False) -> str:
    """The three circles for `now` (and `wish`, side by side), optionally with the notes below.

    `notes` is Snapshot.notes(). Returns an <svg> string; with standalone=True it starts with an
    XML declaration, for a downloaded file."""
    pid = _id(id_prefix)
    panels = [(_("This week"), now)] + ([(_("How I'd like it"), wish)] if wish else [])
    width = PANEL_W * len(panels)
    body: list[str] = []
    for index, (heading, sizes) in enumerate(panels):
        body += _panel(heading, layout(sizes, offset_x=index * PANEL_W), index * PANEL_W)
    height = PANEL_H
    if notes:
        chars = int(width / 7.4)
        y = PANEL_H + 10
        body.append(f'<line x1="16" y1="{y}" x2="{width - 16}" y2="{y}" stroke="{GRID}"/>')
        y += 14
        for group in notes:
            y += 22
            colour = COLOURS[Circle(group["circle"])]
            body.append(f'<text x="16" y="{y}" font-size="15" font-weight="700" fill="{colour}">{_text(group["label"])}</text>')
            for label, text in group["notes"]:
                y += 20
                body.append(f'<text x="16" y="{y}" font-size="13" font-weight="700" fill="{INK}">{_text(label)}</text>')
                for line in _wrapped(text, chars):
                    y += 18
                    body.append(f'<text x="24" y="{y}" font-size="13" fill="{INK}" xml:space="preserve">{_text(line)}</text>')
        height = y + 20
    heading = _("Three circles")
    if title.strip():
        heading = f"{heading}: {title.strip()}"
    if when is not None:
        heading = f"{heading} ({date_format(timezone.localtime(when), 'j F Y')})"
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-labelledby="{pid}-title {pid}-desc" font-family="{_text(FONT)}" class="circles-svg">'
        f'<title id="{pid}-title">{_text(heading)}</title>'
        f'<desc id="{pid}-desc">{_text(describe(now, wish))}</desc>'
        f'<rect width="{width}" height="{height}" fill="{PAPER}"/>'
        + "".join(body) + "</svg>"
    )
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + svg + "\n") if standalone else svg


def snapshot_picture_svg(snapshot, *, notes: bool = False, id_prefix: str = "circles", standalone: bool = False) -> str:
    return snapshot_svg(
        snapshot.sizes("now"), snapshot.sizes("wish") if snapshot.has_wish else None,
        title=snapshot.title, when=snapshot.created_at, notes=snapshot.notes() if notes else None,
        id_prefix=id_prefix, standalone=standalone,
    )


# --- Timeline ---------------------------------------------------------------------------------

T_W, T_H = 720, 330
T_LEFT, T_RIGHT, T_TOP, T_BOTTOM = 56, 24, 56, 64
MARKERS = {Circle.THREAT: "circle", Circle.DRIVE: "square", Circle.SOOTHING: "triangle"}
DASHES = {Circle.THREAT: "", Circle.DRIVE: ' stroke-dasharray="8 5"', Circle.SOOTHING: ' stroke-dasharray="2 4"'}


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    if kind == "circle":
        return f'<circle cx="{x}" cy="{y}" r="5" fill="{colour}"/>'
    if kind == "square":
        return f'<rect x="{x - 5}" y="{y - 5}" width="10" height="10" fill="{colour}"/>'
    return f'<polygon points="{x},{y - 6} {x + 6},{y + 5} {x - 6},{y + 5}" fill="{colour}"/>'


def timeline_svg(snapshots, *, id_prefix: str = "timeline") -> str:
    """A line chart of the 'this week' sizes, oldest first, one line per circle."""
    pid = _id(id_prefix)
    snapshots = sorted(snapshots, key=lambda s: (s.created_at, s.pk))
    n = len(snapshots)
    plot_w, plot_h = T_W - T_LEFT - T_RIGHT, T_H - T_TOP - T_BOTTOM

    def x_at(i: int) -> float:
        return round(T_LEFT + (plot_w / 2 if n == 1 else plot_w * i / (n - 1)), 1)

    def y_at(size: int) -> float:
        return round(T_TOP + plot_h * (1 - size / SIZE_MAX), 1)

    parts = []
    for tick in range(0, SIZE_MAX + 1, 2):
        y = y_at(tick)
        parts.append(f'<line x1="{T_LEFT}" y1="{y}" x2="{T_W - T_RIGHT}" y2="{y}" stroke="{GRID}"/>')
        parts.append(f'<text x="{T_LEFT - 8}" y="{y + 4}" text-anchor="end" font-size="12" fill="{MUTED}">{tick}</text>')
    parts.append(f'<text x="16" y="{T_TOP + plot_h / 2}" font-size="12" fill="{MUTED}" text-anchor="middle" '
                 f'transform="rotate(-90 16 {T_TOP + plot_h / 2})">{_text(_("size, 0 to 10"))}</text>')
    step = max(1, math.ceil(n / 8))
    for i, snap in enumerate(snapshots):
        if i % step == 0 or i == n - 1:
            label = date_format(timezone.localtime(snap.created_at), "j M")
            parts.append(f'<text x="{x_at(i)}" y="{T_H - T_BOTTOM + 20}" text-anchor="middle" font-size="12" fill="{MUTED}">{_text(label)}</text>')
    for c in Circle:
        colour = COLOURS[c]
        points = [(x_at(i), y_at(getattr(s, f"{c.value}_now"))) for i, s in enumerate(snapshots)]
        if n > 1:
            path = " ".join(f"{x},{y}" for x, y in points)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"{DASHES[c]} data-line="{c.value}"/>')
        parts.extend(_marker(MARKERS[c], x, y, colour) for x, y in points)
    # Legend: colour, line style and marker shape together, so colour is never the only cue.
    for index, c in enumerate(Circle):
        x = T_LEFT + index * 150
        parts.append(f'<line x1="{x}" y1="24" x2="{x + 30}" y2="24" stroke="{COLOURS[c]}" stroke-width="2.5"{DASHES[c]}/>')
        parts.append(_marker(MARKERS[c], x + 15, 24, COLOURS[c]))
        parts.append(f'<text x="{x + 38}" y="29" font-size="14" fill="{INK}">{_text(c.label)}</text>')
    parts.append(f'<text x="{T_LEFT + plot_w / 2}" y="{T_H - 14}" text-anchor="middle" font-size="12" fill="{MUTED}">'
                 f'{_text(_("your snapshots, oldest to newest"))}</text>')

    title = _("How your three circles have changed")
    if n == 0:
        desc = _("No snapshots yet.")
    else:
        first, last = snapshots[0], snapshots[-1]
        desc = _("%(count)s snapshots from %(start)s to %(end)s.") % {
            "count": n, "start": date_format(timezone.localtime(first.created_at), "j F Y"),
            "end": date_format(timezone.localtime(last.created_at), "j F Y")}
        for c in Circle:
            desc += " " + _("%(circle)s: from %(start)s to %(end)s.") % {
                "circle": c.label, "start": getattr(first, f"{c.value}_now"), "end": getattr(last, f"{c.value}_now")}
        desc += " " + _("A reflective picture, not a measurement.")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {T_W} {T_H}" width="{T_W}" height="{T_H}" role="img" '
        f'aria-labelledby="{pid}-title {pid}-desc" font-family="{_text(FONT)}" class="circles-svg">'
        f'<title id="{pid}-title">{_text(title)}</title><desc id="{pid}-desc">{_text(desc)}</desc>'
        f'<rect width="{T_W}" height="{T_H}" fill="{PAPER}"/>' + "".join(parts) + "</svg>"
    )


# --- PNG (Pillow, a dependency WeasyPrint already brings) -------------------------------------


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def snapshot_png(snapshot, *, scale: int = 2) -> bytes:
    """The same picture as the SVG (same geometry and colours), drawn by Pillow. Notes are not
    drawn: they stay in the SVG and PDF, where they are text."""
    from PIL import Image, ImageDraw, ImageFont

    now = snapshot.sizes("now")
    wish = snapshot.sizes("wish") if snapshot.has_wish else None
    panels = [(_("This week"), now)] + ([(_("How I'd like it"), wish)] if wish else [])
    caption_h = 56
    width, height = PANEL_W * len(panels) * scale, (PANEL_H + caption_h) * scale
    image = Image.new("RGBA", (width, height), PAPER)
    bold = ImageFont.load_default(size=16 * scale)
    small = ImageFont.load_default(size=13 * scale)
    heading_font = ImageFont.load_default(size=18 * scale)
    for index, (heading, sizes) in enumerate(panels):
        discs = layout(sizes, offset_x=index * PANEL_W)
        for d in sorted(discs, key=lambda d: -d.r):
            overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
            draw = ImageDraw.Draw(overlay)
            box = [(d.cx - d.r) * scale, (d.cy - d.r) * scale, (d.cx + d.r) * scale, (d.cy + d.r) * scale]
            draw.ellipse(box, fill=(*_rgb(d.colour), 56), outline=(*_rgb(d.colour), 255), width=max(1, int(2.5 * scale)))
            image = Image.alpha_composite(image, overlay)
        draw = ImageDraw.Draw(image)
        draw.text(((index * PANEL_W + PANEL_W / 2) * scale, 22 * scale), heading, fill=INK, font=heading_font, anchor="mm")
        for d in discs:
            draw.text((d.cx * scale, (d.cy - 9) * scale), d.label, fill=INK, font=bold, anchor="mm")
            draw.text((d.cx * scale, (d.cy + 10) * scale), of_ten(d.size), fill=INK, font=small, anchor="mm")
    draw = ImageDraw.Draw(image)
    caption = _("Three circles")
    if snapshot.title.strip():
        caption = f"{caption}: {snapshot.title.strip()}"
    caption = f"{caption} ({date_format(timezone.localtime(snapshot.created_at), 'j F Y')})"
    draw.text((16 * scale, (PANEL_H + 14) * scale), caption[:90], fill=INK, font=small)
    draw.text((16 * scale, (PANEL_H + 34) * scale), _("A reflective picture, not a measurement."), fill=MUTED, font=small)
    out = io.BytesIO()
    image.convert("RGB").save(out, format="PNG", optimize=True)
    return out.getvalue()


def snapshot_pdf(snapshot, html: str) -> bytes:
    """`html` is the rendered PDF template; its only image is this snapshot's SVG, served here."""
    import weasyprint  # slow to import: only this view needs it

    svg = snapshot_picture_svg(snapshot, id_prefix="pdf", standalone=True).encode()

    class PictureOnly(weasyprint.urls.URLFetcher):
        def fetch(self, url, headers=None):
            if url.endswith("/circles-picture.svg"):
                return weasyprint.urls.URLFetcherResponse(url, body=svg, headers={"Content-Type": "image/svg+xml"})
            raise ValueError(f"PDF rendering does not fetch {url}")

    return weasyprint.HTML(string=html, base_url="https://tend.invalid/", url_fetcher=PictureOnly()).write_pdf()


NOTE_LABELS = dict(NOTE_KINDS)
