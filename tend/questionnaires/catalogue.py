"""The measures on offer: definitions read from `content/measures/`, joined with the item
wording an organisation imported. A definition without wording cannot be administered."""

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from tend.measures.definitions import Definition, DefinitionError, load_definition, with_wording

logger = logging.getLogger(__name__)


def measures_dir() -> Path:
    return Path(settings.TEND_CONTENT_DIR) / "measures"


@dataclass(frozen=True)
class Loaded:
    """The definitions that loaded, and one error (file, line, field) for each file that did not."""

    definitions: dict[str, Definition]
    problems: tuple[DefinitionError, ...]


@lru_cache(maxsize=8)
def _load(folder: str, stamp: tuple) -> Loaded:
    """Each file on its own, so one broken definition takes only itself out of service."""
    found: dict[str, Definition] = {}
    problems: list[DefinitionError] = []
    for path in sorted(Path(folder).glob("*.yaml")):
        try:
            definition = load_definition(path)
        except DefinitionError as problem:
            logger.warning("Measure definition skipped: %s", problem)  # names the file and field, no answers
            problems.append(problem)
            continue
        found[definition.id] = definition
    return Loaded(found, tuple(problems))


def loaded() -> Loaded:
    """Re-read when a file in the folder is added, removed or changed."""
    folder = measures_dir()
    if not folder.is_dir():
        return Loaded({}, ())
    stamp = tuple(sorted((f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in folder.glob("*.yaml")))
    return _load(str(folder), stamp)


def definitions() -> dict[str, Definition]:
    """Every definition that loads, by id; broken files are left out (see `problems`)."""
    return loaded().definitions


def problems() -> tuple[DefinitionError, ...]:
    """What is wrong with each definition file that could not be loaded, for trainers and admins."""
    return loaded().problems


def definition(definition_id: str) -> Definition | None:
    return definitions().get(definition_id)


def import_command(definition_id: str) -> str:
    return f"python manage.py import_instrument_wording {definition_id} wording.csv"


@dataclass(frozen=True)
class Offer:
    """A definition and whether it can be administered now (and why not)."""

    definition: Definition
    administrable: Definition | None  # the definition with its wording, ready to show
    reason: str = ""

    @property
    def is_available(self) -> bool:
        return self.administrable is not None

    @property
    def is_checkin(self) -> bool:
        return self.definition.kind == "checkin"


def wording_for(definitions_by_id: dict[str, Definition]) -> dict[tuple[str, str], dict[int, str]]:
    """Imported wording for these definitions, in one query."""
    from tend.questionnaires.models import InstrumentWording

    ids = [d.id for d in definitions_by_id.values() if not d.has_wording]
    found: dict[tuple[str, str], dict[int, str]] = {}
    if ids:
        for row in InstrumentWording.objects.filter(definition_id__in=ids).values_list(
            "definition_id", "version", "item_number", "text"
        ):
            found.setdefault((row[0], row[1]), {})[row[2]] = row[3]
    return found


def offer(defn: Definition, wording: dict[tuple[str, str], dict[int, str]]) -> Offer:
    if defn.has_wording:
        return Offer(defn, defn)
    texts = wording.get((defn.id, str(defn.version)), {})
    needed = {item.number for item in defn.items}
    if not needed or not needed <= set(texts):
        reason = _(
            "Item wording has not been imported. Import it under your licence with “%(command)s” "
            "(a CSV of item number and text)."
        ) % {"command": import_command(defn.id)}
        return Offer(defn, None, reason)
    return Offer(defn, with_wording(defn, {n: texts[n] for n in needed}))


def offers() -> dict[str, Offer]:
    defs = definitions()
    wording = wording_for(defs)
    return {defn_id: offer(defn, wording) for defn_id, defn in sorted(defs.items(), key=lambda kv: kv[1].name)}


def offer_for(definition_id: str) -> Offer | None:
    defn = definition(definition_id)
    if defn is None:
        return None
    return offer(defn, wording_for({defn.id: defn}))
