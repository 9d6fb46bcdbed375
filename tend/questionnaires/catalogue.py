"""The measures on offer: definitions read from `content/measures/`, joined with the item
wording an organisation imported. A definition without wording cannot be administered."""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from tend.measures.definitions import Definition, load_folder, with_wording


def measures_dir() -> Path:
    return Path(settings.TEND_CONTENT_DIR) / "measures"


@lru_cache(maxsize=8)
def _load(folder: str, stamp: float) -> dict[str, Definition]:
    loaded = load_folder(Path(folder))
    values = loaded.values() if isinstance(loaded, dict) else loaded
    return {definition.id: definition for definition in values}


def definitions() -> dict[str, Definition]:
    """Every definition by id (re-read when a file in the folder changes)."""
    folder = measures_dir()
    if not folder.is_dir():
        return {}
    stamp = max((f.stat().st_mtime for f in folder.glob("*.y*ml")), default=0.0)
    return _load(str(folder), stamp)


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
