"""The kinds of shareable item a supervisor can review, each under a short slug used in URLs
("letter/12"): how to find them, what to call them and which text to show.

Visibility is never decided here: every read goes through tend.core.access."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Model, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tend.supervision.models import ItemKind


@dataclass(frozen=True)
class Kind:
    slug: str
    label: str  # "letter": used in "Your supervisor commented on your letter"
    queryset: Callable[[], QuerySet]
    title: Callable[[Model], str]
    text: Callable[[Model], str]
    owner_url: Callable[[Model], str]  # the item's own page in its app, for its owner
    context: Callable[[Model], str] = lambda item: ""  # what the text answers (a drill's client statement)


def _journal_qs():
    from tend.journal.models import JournalEntry

    return JournalEntry.objects.live()


def _letter_qs():
    from tend.letters.models import Letter

    return Letter.objects.all()


def _formulation_qs():
    from tend.formulation.models import Formulation

    return Formulation.objects.all()


def _drill_qs():
    from tend.drills.models import DrillAttempt

    return DrillAttempt.objects.all()


def _formulation_text(item) -> str:
    """All areas in one text with their headings, so a passage can be quoted by its offsets."""
    from tend.formulation.models import TEXT_FIELDS, Formulation

    parts = []
    for name in TEXT_FIELDS:
        value = getattr(item, name).strip()
        if value:
            parts.append(f"{Formulation._meta.get_field(name).verbose_name}\n{value}")
    return "\n\n".join(parts)


def _drill_title(item) -> str:
    from tend.drills import services

    skill = services.skill_by_id(item.skill_id)
    name = skill.title if skill else item.skill_id
    return _("Drill reply: %(skill)s (%(level)s)") % {"skill": name, "level": item.level}


def _drill_statement(item) -> str:
    from tend.drills import services

    skill = services.skill_by_id(item.skill_id)
    drill = services.drill_in(skill, item.drill_id) if skill else None
    return drill.statement if drill else ""


KINDS: dict[str, Kind] = {
    ItemKind.JOURNAL: Kind(
        ItemKind.JOURNAL, gettext_lazy("reflection"), _journal_qs, lambda e: e.display_title, lambda e: e.body,
        lambda e: reverse("journal:detail", args=[e.pk]),
    ),
    ItemKind.LETTER: Kind(
        ItemKind.LETTER, gettext_lazy("letter"), _letter_qs, lambda e: e.display_title, lambda e: e.body,
        lambda e: reverse("letters:detail", args=[e.pk]),
    ),
    ItemKind.FORMULATION: Kind(
        ItemKind.FORMULATION, gettext_lazy("formulation"), _formulation_qs, lambda e: e.display_title, _formulation_text,
        lambda e: reverse("formulation:detail", args=[e.pk]),
    ),
    ItemKind.DRILL: Kind(
        ItemKind.DRILL, gettext_lazy("drill reply"), _drill_qs, _drill_title, lambda e: e.reply,
        lambda e: reverse("drills:attempt", args=[e.pk]), _drill_statement,
    ),
}


def kind_of(item: Model) -> Kind:
    """The kind of an item instance (raises KeyError for a model that is not reviewable)."""
    for kind in KINDS.values():
        if isinstance(item, kind.queryset().model):
            return kind
    raise KeyError(type(item).__name__)


def text_of(item: Model) -> str:
    """The item's text as the review page shows it (line endings as a browser reads them, so
    offsets from a selection match)."""
    return kind_of(item).text(item).replace("\r\n", "\n")


def review_url(kind_slug: str, pk: int) -> str:
    return reverse("supervision:item", args=[kind_slug, pk])
