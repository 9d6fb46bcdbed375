"""The formulation as a server-drawn SVG diagram and as a text outline (the same content, for
screen readers and print). Every piece of text that reaches the SVG goes through `_text`, which
escapes it and drops characters XML cannot hold, so what someone wrote can never become markup."""

import re
import textwrap
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _

INK, MUTED, LINE, BOX, ACCENT, PAPER = "#1f2328", "#4d5561", "#6a7380", "#f5f6f8", "#8a3b12", "#ffffff"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif"
MARGIN, BOX_W, GAP, TOP = 20, 220, 44, 56
WIDTH = MARGIN * 2 + BOX_W * 4 + GAP * 3
LINE_H, HEAD_H = 17, 20
BOX_CHARS, HEAD_CHARS, WIDE_CHARS = 30, 22, 130
MAX_LINES = 24  # per part in the picture; the outline always has every word

_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _text(value) -> str:
    """Text safe inside an SVG element or a double-quoted attribute."""
    return escape(_NOT_XML.sub("", str(value)), {'"': "&quot;", "'": "&#x27;"})


def _id(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "", value) or "f"


def wrap(text: str, width: int, max_lines: int | None = None) -> list[str]:
    lines: list[str] = []
    for paragraph in text.strip().splitlines() or [""]:
        lines.extend(textwrap.wrap(paragraph, width, break_long_words=True, break_on_hyphens=True) or [""])
    while lines and not lines[-1].strip():
        lines.pop()
    if max_lines and len(lines) > max_lines:
        lines = lines[: max_lines - 1] + [lines[max_lines - 1][: width - 1].rstrip() + "…"]
    return lines


@dataclass
class Section:
    number: int | None
    key: str
    heading: str
    parts: list[tuple[str, str]] = field(default_factory=list)  # (sub-heading or "", text)


def outline(item) -> list[Section]:
    """The five sections of a formulation (or the worked example) in reading order."""
    return [
        Section(1, "influences", _("Historical influences"), [("", item.influences)]),
        Section(2, "threats", _("Key threats and fears"), [(_("External"), item.threats_external), (_("Internal"), item.threats_internal)]),
        Section(3, "safety", _("Safety strategies"), [(_("External"), item.safety_external), (_("Internal"), item.safety_internal)]),
        Section(4, "consequences", _("Unintended consequences"),
                [(_("External"), item.consequences_external), (_("Internal"), item.consequences_internal)]),
        Section(None, "makes_sense", _("A compassionate re-reading: it makes sense that…"), [("", item.makes_sense)]),
    ]


def describe() -> str:
    return _("Four boxes joined by arrows: historical influences lead to key threats and fears, which lead to safety "
             "strategies, which lead to unintended consequences. A looping arrow runs from the unintended consequences back "
             "to the threats and fears, because the consequences add to them. Below is a compassionate re-reading. "
             "The full text is in the outline that follows the diagram.")


def _box_lines(section: Section) -> list[tuple[str, str]]:
    """(style, line) pairs for one box: heading lines, then each part's sub-heading and text."""
    rows = [("head", line) for line in wrap(f"{section.number}. {section.heading}", HEAD_CHARS)]
    for label, text in section.parts:
        if label:
            rows.append(("sub", label))
        if text.strip():
            rows += [("text", line) for line in wrap(text, BOX_CHARS, MAX_LINES)]
        else:
            rows.append(("empty", _("Not written yet")))
    return rows


def _row_svg(style: str, x: float, y: float, line: str) -> str:
    attrs = {
        "head": f'font-size="15" font-weight="700" fill="{INK}"',
        "sub": f'font-size="12" font-weight="700" fill="{ACCENT}" letter-spacing="0.04em"',
        "text": f'font-size="13" fill="{INK}" xml:space="preserve"',
        "empty": f'font-size="13" font-style="italic" fill="{MUTED}"',
    }[style]
    return f'<text x="{x}" y="{y}" {attrs}>{_text(line)}</text>'


def formulation_svg(item, *, title: str, id_prefix: str = "formulation", standalone: bool = False) -> str:
    pid = _id(id_prefix)
    sections = outline(item)
    boxes = [_box_lines(s) for s in sections[:4]]

    def height_of(rows):
        return 16 + sum(HEAD_H if style == "head" else (LINE_H + 4 if style == "sub" else LINE_H) for style, _line in rows) + 10

    box_h = max(140, *(height_of(rows) for rows in boxes))
    body: list[str] = [
        f'<text x="{MARGIN}" y="32" font-size="19" font-weight="700" fill="{INK}">{_text(title)}</text>',
    ]
    centres = []
    for index, rows in enumerate(boxes):
        x = MARGIN + index * (BOX_W + GAP)
        centres.append(x + BOX_W / 2)
        body.append(f'<rect x="{x}" y="{TOP}" width="{BOX_W}" height="{box_h}" rx="10" fill="{BOX}" stroke="{LINE}" '
                    f'stroke-width="1.5" data-area="{sections[index].key}"/>')
        y = TOP + 8
        for style, line in rows:
            y += HEAD_H if style == "head" else (LINE_H + 4 if style == "sub" else LINE_H)
            body.append(_row_svg(style, x + 12, y, line))
        if index < 3:  # the arrow on to the next area
            ay = TOP + 34
            body.append(f'<line x1="{x + BOX_W + 4}" y1="{ay}" x2="{x + BOX_W + GAP - 6}" y2="{ay}" stroke="{INK}" '
                        f'stroke-width="2.5" marker-end="url(#{pid}-arrow)" data-arrow="{index + 1}-{index + 2}"/>')
    # The loop: from the unintended consequences back round to the threats and fears.
    bottom = TOP + box_h
    loop_y = bottom + 34
    body.append(f'<path d="M {centres[3]} {bottom + 2} V {loop_y} H {centres[1]} V {bottom + 8}" fill="none" stroke="{ACCENT}" '
                f'stroke-width="2.5" stroke-dasharray="7 4" marker-end="url(#{pid}-loop)" data-arrow="4-2"/>')
    body.append(f'<text x="{(centres[1] + centres[3]) / 2}" y="{loop_y + 20}" text-anchor="middle" font-size="13" '
                f'font-style="italic" fill="{ACCENT}">{_text(_("…which add heat to the threats and fears"))}</text>')
    # The compassionate re-reading, across the whole width.
    re_reading = sections[4]
    rows = [("head", re_reading.heading)]
    rows += [("text", line) for line in wrap(re_reading.parts[0][1], WIDE_CHARS, MAX_LINES)] if re_reading.parts[0][1].strip() \
        else [("empty", _("Not written yet"))]
    top2 = loop_y + 44
    h2 = 16 + sum(HEAD_H if style == "head" else LINE_H for style, _line in rows) + 10
    body.append(f'<rect x="{MARGIN}" y="{top2}" width="{WIDTH - 2 * MARGIN}" height="{h2}" rx="10" fill="{PAPER}" '
                f'stroke="{ACCENT}" stroke-width="1.5" data-area="makes_sense"/>')
    y = top2 + 8
    for style, line in rows:
        y += HEAD_H if style == "head" else LINE_H
        body.append(_row_svg(style, MARGIN + 12, y, line))
    height = top2 + h2 + MARGIN
    defs = (
        f'<defs><marker id="{pid}-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        f'<path d="M 0 0 L 10 5 L 0 10 z" fill="{INK}"/></marker>'
        f'<marker id="{pid}-loop" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        f'<path d="M 0 0 L 10 5 L 0 10 z" fill="{ACCENT}"/></marker></defs>'
    )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'role="img" aria-labelledby="{pid}-title {pid}-desc" font-family="{_text(FONT)}" class="formulation-svg">'
        f'<title id="{pid}-title">{_text(title)}</title>'
        f'<desc id="{pid}-desc">{_text(describe())}</desc>'
        + defs + f'<rect width="{WIDTH}" height="{height}" fill="{PAPER}"/>' + "".join(body) + "</svg>"
    )
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + svg + "\n") if standalone else svg


def formulation_pdf(item, html: str, *, title: str) -> bytes:
    """`html` is the rendered PDF template; its only image is this formulation's SVG, served here."""
    import weasyprint  # slow to import: only this view needs it

    svg = formulation_svg(item, title=title, id_prefix="pdf", standalone=True).encode()

    class DiagramOnly(weasyprint.urls.URLFetcher):
        def fetch(self, url, headers=None):
            if url.endswith("/formulation-diagram.svg"):
                return weasyprint.urls.URLFetcherResponse(url, body=svg, headers={"Content-Type": "image/svg+xml"})
            raise ValueError(f"PDF rendering does not fetch {url}")

    return weasyprint.HTML(string=html, base_url="https://tend.invalid/", url_fetcher=DiagramOnly()).write_pdf()
