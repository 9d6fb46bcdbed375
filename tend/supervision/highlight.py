"""Commented passages marked inside the item's text on the review page.

Each comment on a passage stored its offsets. Those are trusted only while the text at those
offsets is still exactly the quoted passage (the owner may have edited the item since); otherwise
the comment keeps its quote in the comment list and nothing is marked for it.

Ranges may overlap, so the text is cut at every start and end: each piece is covered by zero or
more comments, and each covered piece becomes one <mark>. A comment's first piece carries the id
its comment links to; after its last piece comes a small link back to the comment. That link has
no text of its own (its number comes from CSS and its name from aria-label), so the text's
characters, and the offsets a new selection is measured in, stay exactly the item's.
Everything taken from the text is escaped."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Placed:
    pk: int
    number: int
    start: int
    end: int


def still_matches(text: str, comment) -> bool:
    """The comment's offsets still hold its quoted passage in `text`."""
    start, end = comment.start, comment.end
    if not comment.quote or start is None or end is None:
        return False
    return 0 <= start < end <= len(text) and text[start:end] == comment.quote


def place(text: str, comments: Sequence) -> list[Placed]:
    """The comments whose passages can be marked, numbered as `comment.number`."""
    return [Placed(c.pk, c.number, c.start, c.end) for c in comments if still_matches(text, c)]


def anchor_id(pk: int) -> str:
    return f"passage-{pk}"


def highlight(text: str, placed: Sequence[Placed]) -> tuple[SafeString, dict[int, str]]:
    """(the text as HTML with passages marked, {comment pk: id of the mark it links to})."""
    cuts = sorted({0, len(text), *(p.start for p in placed), *(p.end for p in placed)})
    anchors: dict[int, str] = {}
    parts: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        parts.extend(_back_links([p for p in placed if p.end == a]))
        covering = [p for p in placed if p.start <= a and b <= p.end]
        piece = text[a:b]
        if not covering:
            parts.append(escape(piece))
            continue
        starting = sorted((p for p in covering if p.start == a), key=lambda p: p.number)
        element_id = anchor_id(starting[0].pk) if starting else ""
        for p in starting:
            anchors[p.pk] = element_id
        parts.append(_mark(piece, element_id, covering))
    parts.extend(_back_links([p for p in placed if p.end == len(text)]))
    return mark_safe("".join(str(part) for part in parts)), anchors  # noqa: S308 (every piece escaped above)


def _mark(piece: str, element_id: str, covering: list[Placed]) -> str:
    classes = "passage passage--overlap" if len(covering) > 1 else "passage"
    if element_id:
        return format_html('<mark id="{}" class="{}" tabindex="-1">{}</mark>', element_id, classes, piece)
    return format_html('<mark class="{}">{}</mark>', classes, piece)


def _back_links(ending: list[Placed]) -> list[str]:
    return [
        format_html('<a class="passage-ref" href="#comment-{}" data-number="{}" aria-label="{}"></a>',
                    p.pk, p.number, _("Go to comment %(number)s") % {"number": p.number})
        for p in sorted(ending, key=lambda p: p.number)
    ]
