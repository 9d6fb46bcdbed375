"""A post's Markdown to safe HTML, the way tend.learn renders lessons (Markdown, then nh3), but
narrower: no images, no headings, no raw HTML (shown as typed), links marked nofollow, and
@mentions of cohort members highlighted. Pure Python."""

import html
import re
from collections.abc import Iterable

import markdown
import nh3

ALLOWED_TAGS = {"p", "br", "hr", "em", "strong", "blockquote", "code", "pre", "ul", "ol", "li", "a", "span"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "span": {"class"}}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow noopener"
HEADING = re.compile(r"<h[1-6][^>]*>(.*?)</h[1-6]>", re.DOTALL)


def mentioned(text: str, members: Iterable) -> list:
    """The members whose display name follows an "@" in the text (longest names first, so
    "@Sam Okafor" is not also read as "@Sam")."""
    found, taken = [], []
    for member in sorted(members, key=lambda m: -len(m.display_name or "")):
        name = (member.display_name or "").strip()
        if not name:
            continue
        for match in _mention_pattern(name).finditer(text):
            span = range(match.start(), match.end())
            if not any(match.start() in other for other in taken):
                taken.append(span)
                found.append(member)
                break
    return found


def _mention_pattern(name: str) -> re.Pattern:
    return re.compile(r"(?<![\w@])@" + re.escape(name) + r"(?!\w)", re.IGNORECASE)


def render(source: str, mentioned_names: Iterable[str] = ()) -> str:
    rendered = _markdown().convert(source)
    # Headings would break the page's outline: a post's heading reads as a bold line instead.
    rendered = HEADING.sub(r"<p><strong>\1</strong></p>", rendered)
    cleaned = nh3.clean(
        rendered, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=LINK_REL,
        strip_comments=True,
    )
    return _highlight_mentions(cleaned, mentioned_names)


def _markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    # Raw HTML is not allowed: without these two steps Markdown escapes it, so it reads as typed.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


def _highlight_mentions(fragment: str, names: Iterable[str]) -> str:
    names = sorted({html.escape(n, quote=False) for n in names if n}, key=len, reverse=True)
    if not names:
        return fragment
    # One pass, longest names first, so "@Sam Okafor" is never also wrapped as "@Sam".
    pattern = re.compile(r"(?<![\w@])@(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.IGNORECASE)
    return pattern.sub(lambda m: f'<span class="mention">{m.group(0)}</span>', fragment)
