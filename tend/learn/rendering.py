"""Lesson Markdown to safe HTML: callouts, figures, glossary terms and numbered citations.

Extensions to Markdown (all validated by the loader):
    :::note|try|caution Optional title        a callout block, closed by a line ":::"
    ![Alt text](figures/name.svg "Caption")   a figure shipped in the module folder
    [[term-id]] or [[term-id|shown text]]     a glossary term with an accessible definition
    [^reference-key]                          a citation numbered from the module's references
"""

import html
import itertools
import re
from dataclasses import dataclass, field

import markdown
import nh3

CALLOUT = re.compile(r"^:::(note|try|caution)[ \t]*(.*?)\n(.*?)\n:::[ \t]*$", re.MULTILINE | re.DOTALL)
FIGURE = re.compile(r"^!\[([^\]]*)\]\((figures/[\w.\-]+\.svg)(?:\s+\"([^\"]*)\")?\)[ \t]*$", re.MULTILINE)
TERM = re.compile(r"\[\[([a-z0-9\-]+)(?:\|([^\]]+))?\]\]")
CITATION = re.compile(r"\[\^([A-Za-z0-9_\-]+)\]")
TABLE_OPEN = re.compile(r"<table\b[^>]*>")

CALLOUT_LABELS = {"note": "Note", "try": "Try this", "caution": "Clinical caution"}

ALLOWED_TAGS = {
    "p", "br", "hr", "em", "strong", "blockquote", "code", "pre", "ul", "ol", "li", "h2", "h3", "h4",
    "a", "table", "thead", "tbody", "tr", "th", "td", "aside", "figure", "figcaption", "img", "sup", "span", "dfn",
}
ALLOWED_ATTRIBUTES = {
    "*": {"class", "id"},
    "a": {"href", "title", "aria-describedby"},
    "img": {"src", "alt", "width", "height", "loading"},
    "aside": {"role", "aria-label"},
    "span": {"role"},
    "th": {"align"},
    "td": {"align"},
}


@dataclass
class RenderContext:
    references: list[dict]
    glossary: dict[str, dict]  # id -> {"term", "definition"}
    figure_url: callable = None  # name -> URL
    glossary_url: str = "/learn/glossary/"
    citations: list[str] = field(default_factory=list)  # keys in order of first use


def _md(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "sane_lists"], output_format="html")


def render(source: str, ctx: RenderContext) -> str:
    blocks: list[str] = []

    def stash(fragment: str) -> str:
        blocks.append(fragment)
        return f"\n\nTENDBLOCK{len(blocks) - 1}X\n\n"

    def callout(match: re.Match) -> str:
        kind, title, inner = match.group(1), match.group(2).strip(), match.group(3)
        label = html.escape(title or CALLOUT_LABELS[kind])
        body = _md(_inline(inner, ctx))
        return stash(
            f'<aside class="callout callout--{kind}" aria-label="{label}">'
            f'<p class="callout__title">{label}</p>{body}</aside>'
        )

    def figure(match: re.Match) -> str:
        alt, path, caption = match.group(1), match.group(2), match.group(3) or ""
        src = ctx.figure_url(path.removeprefix("figures/")) if ctx.figure_url else path
        caption_html = f"<figcaption>{html.escape(caption)}</figcaption>" if caption else ""
        return stash(f'<figure><img src="{html.escape(src)}" alt="{html.escape(alt)}" loading="lazy">{caption_html}</figure>')

    text = CALLOUT.sub(callout, source)
    text = FIGURE.sub(figure, text)
    rendered = _md(_inline(text, ctx))
    for index, fragment in enumerate(blocks):
        rendered = rendered.replace(f"<p>TENDBLOCK{index}X</p>", fragment)
    rendered = rendered.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    cleaned = nh3.clean(
        rendered, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes={"http", "https", "mailto"}, link_rel=None
    )
    return _scrollable_tables(cleaned)


def _scrollable_tables(fragment: str) -> str:
    """Wraps each table in a focusable region that scrolls sideways on its own, so a wide table
    never makes the whole page scroll sideways on a phone (keyboard users can scroll it too)."""
    count = itertools.count(1)
    opened = TABLE_OPEN.sub(
        lambda m: f'<div class="table-scroll" role="region" tabindex="0" aria-label="Table {next(count)}">{m.group(0)}',
        fragment,
    )
    return opened.replace("</table>", "</table></div>")


def _inline(text: str, ctx: RenderContext) -> str:
    keys = [ref["key"] for ref in ctx.references]

    def cite(match: re.Match) -> str:
        key = match.group(1)
        if key not in ctx.citations:
            ctx.citations.append(key)
        number = keys.index(key) + 1 if key in keys else "?"
        return f'<sup class="citation"><a href="#ref-{key}">[{number}]</a></sup>'

    def term(match: re.Match) -> str:
        slug, shown = match.group(1), match.group(2)
        entry = ctx.glossary.get(slug, {"term": slug, "definition": ""})
        label = html.escape(shown or entry["term"])
        tip_id = f"tip-{slug}-{len(ctx.citations)}-{match.start()}"
        return (
            f'<span class="term"><a class="term__link" href="{ctx.glossary_url}#term-{slug}" aria-describedby="{tip_id}">'
            f'{label}</a><span class="term__tip" role="tooltip" id="{tip_id}">{html.escape(entry["definition"])}</span></span>'
        )

    return TERM.sub(term, CITATION.sub(cite, text))


def plain_text(source: str) -> str:
    """Readable text for search and word counts: markup and directives removed."""
    text = CALLOUT.sub(lambda m: f"{m.group(2)}\n{m.group(3)}", source)
    text = FIGURE.sub(lambda m: m.group(3) or m.group(1), text)
    text = TERM.sub(lambda m: m.group(2) or m.group(1).replace("-", " "), text)
    text = CITATION.sub("", text)
    text = re.sub(r"[#*_`>|]+", " ", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def word_count(source: str) -> int:
    return len(plain_text(source).split())
