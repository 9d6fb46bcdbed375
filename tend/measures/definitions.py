"""Instrument definitions: one YAML file per instrument, read into frozen dataclasses.

Every problem is a DefinitionError naming the file, the line and the field, so whoever edits a
definition can go straight to the mistake. The format is described in README.md.
"""

import math
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from tend.measures import yamllines
from tend.measures.yamllines import Located

KINDS = ("licensed", "checkin")
RULES = ("sum", "mean", "mean_of_scores")
DIRECTIONS = ("above", "below", "between")
CONTENT_FOLDER = Path(__file__).resolve().parents[2] / "content" / "measures"
SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
TOP_LEVEL_FIELDS = {
    "id", "name", "version", "kind", "validated", "label", "citation", "licence", "attribution",
    "instructions", "scale", "items", "scores", "missing", "norms", "cutoffs", "banding_system", "notes",
    "to_verify",
}


class DefinitionError(ValueError):
    """A problem in a definition file, located by file, line (None when unknown) and field."""

    def __init__(self, file: str, line: int | None, field: str, message: str):
        self.file, self.line, self.field, self.message = str(file), line, field, message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.file}, line {self.line}" if self.line else f"{self.file}, line unknown"
        return f"{where}, field {self.field}: {self.message}"


@dataclass(frozen=True)
class Item:
    number: int
    subscale: str | None = None
    reversed: bool = False
    excluded: bool = False
    text: str | None = None


@dataclass(frozen=True)
class ScoreRule:
    """How one score is computed.

    rule: `sum` or `mean` of `items`, or `mean_of_scores` of `parts` (other scores' ids).
    report_reversed: True (the default) scores reverse-keyed items as (min + max - answer);
    False reports the score on the answers as given, as Neff does for the SCS's negative
    subscales. A `mean_of_scores` always reverses its parts' reverse-keyed items first.
    """

    id: str
    label: str
    rule: str
    items: tuple[int, ...] = ()
    parts: tuple[str, ...] = ()
    higher_is_better: bool | None = None
    report_reversed: bool = True


@dataclass(frozen=True)
class Norm:
    """Reference values for one score; mean/sd/reliability may be None where not published."""

    id: str
    score: str
    population: str
    mean: float | None
    sd: float | None
    reliability: float | None
    reliability_type: str | None
    source: str


@dataclass(frozen=True)
class Cutoff:
    """A published band of one score. direction: `above` (value >= `value`), `below`
    (value <= `value`) or `between` (`value` <= value <= `upper`); all bounds inclusive, and
    where bands touch, the one listed first in the file wins."""

    score: str
    value: float
    label: str
    direction: str
    system: str
    source: str
    upper: float | None = None

    def contains(self, score_value: float) -> bool:
        if self.direction == "above":
            return score_value >= self.value
        if self.direction == "below":
            return score_value <= self.value
        return self.value <= score_value <= self.upper


@dataclass(frozen=True)
class Definition:
    id: str
    name: str
    version: str
    kind: str
    validated: bool
    label: str | None
    citation: dict = field(compare=False)  # author, year, title, journal, doi, url ({} for our check-ins)
    licence: str
    attribution: str
    scale_min: int
    scale_max: int
    scale: tuple[tuple[int, str], ...]
    items: tuple[Item, ...]
    scores: tuple[ScoreRule, ...]
    max_missing_fraction: float | None
    norms: tuple[Norm, ...] = ()
    cutoffs: tuple[Cutoff, ...] = ()
    notes: tuple[str, ...] = ()
    instructions: str | None = None
    banding_system: str | None = None
    to_verify: tuple[str, ...] = ()
    source_file: str = field(default="", compare=False)

    def item(self, number: int) -> Item:
        for item in self.items:
            if item.number == number:
                return item
        raise KeyError(f"{self.id} has no item {number}")

    def score_rule(self, score_id: str) -> ScoreRule:
        for rule in self.scores:
            if rule.id == score_id:
                return rule
        raise KeyError(f"{self.id} has no score {score_id!r} (its scores: {', '.join(self.score_ids)})")

    def norm(self, norm_id: str) -> Norm:
        for norm in self.norms:
            if norm.id == norm_id:
                return norm
        raise KeyError(f"{self.id} has no norm {norm_id!r}")

    @property
    def score_ids(self) -> tuple[str, ...]:
        return tuple(rule.id for rule in self.scores)

    @property
    def item_numbers(self) -> tuple[int, ...]:
        return tuple(item.number for item in self.items)

    @property
    def has_wording(self) -> bool:
        return all(item.text for item in self.items)

    def cutoffs_for(self, score_id: str) -> tuple[Cutoff, ...]:
        return tuple(cutoff for cutoff in self.cutoffs if cutoff.score == score_id)


def load_definition(path) -> Definition:
    """Read and check one definition file; raises DefinitionError on the first problem."""
    path = Path(path)
    name = _display_name(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DefinitionError(name, None, "(file)", "the file does not exist") from None
    except UnicodeDecodeError:
        raise DefinitionError(name, None, "(file)", "expected UTF-8 text") from None
    try:
        data = yamllines.load(text)
    except yamllines.DuplicateKey as problem:
        raise DefinitionError(name, problem.line, str(problem.key), str(problem)) from None
    except yaml.YAMLError as problem:
        detail = getattr(problem, "problem", None) or str(problem)
        raise DefinitionError(name, yamllines.error_line(problem), "(yaml)", f"not valid YAML: {detail}") from None
    if not isinstance(data, Located):
        raise DefinitionError(name, 1, "(file)",
                              "expected a mapping of fields (id, name, kind, scale, items, scores …)")
    definition = _Reader(name, data).definition()
    if definition.id != path.stem:
        raise DefinitionError(name, data.line_of("id"), "id",
                              f"the id {definition.id!r} must match the file name {path.stem!r}")
    return replace(definition, source_file=str(path))


def load_folder(folder=CONTENT_FOLDER) -> dict[str, Definition]:
    """Every `*.yaml` definition in the folder, keyed by id; raises for the first bad file."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DefinitionError(str(folder), None, "(folder)", "the measures folder does not exist")
    found: dict[str, Definition] = {}
    for path in sorted(folder.glob("*.yaml")):
        definition = load_definition(path)
        found[definition.id] = definition
    return found


def with_wording(definition: Definition, texts: dict[int, str]) -> Definition:
    """A copy of the definition with item wording imported by the organisation (licensed
    instruments ship without it). Items not in `texts` keep what they had."""
    numbers = set(definition.item_numbers)
    for number, text in texts.items():
        if number not in numbers:
            raise DefinitionError(definition.source_file or definition.id, None, f"items[{number}].text",
                                  f"{definition.id} has no item {number} (items {_span(numbers)})")
        if not isinstance(text, str) or not text.strip():
            raise DefinitionError(definition.source_file or definition.id, None, f"items[{number}].text",
                                  "the wording must be non-empty text")
    items = tuple(replace(item, text=texts[item.number].strip()) if item.number in texts else item
                  for item in definition.items)
    return replace(definition, items=items)


def _display_name(path: Path) -> str:
    parts = path.parts
    return "/".join(parts[-3:]) if len(parts) >= 3 else str(path)


def _span(numbers) -> str:
    numbers = sorted(numbers)
    return f"{numbers[0]}–{numbers[-1]}" if numbers else "none"


def _float_or_none(value) -> float | None:
    return None if value is None else float(value)


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


class _Reader:
    """Checks one parsed file field by field, raising at the first problem with its line."""

    def __init__(self, file: str, data: Located):
        self.file, self.data = file, data

    def fail(self, line: int | None, field_name: str, message: str):
        raise DefinitionError(self.file, line, field_name, message)

    # -- small typed getters -------------------------------------------------------------------

    def get(self, mapping: Located, key: str, where: str, *, kind, required=True, default=None, nullable=False):
        label = f"{where}.{key}" if where else key
        if key not in mapping:
            if required:
                self.fail(mapping.line, label, "this field is required")
            return default
        value = mapping[key]
        if value is None and nullable:
            return None
        ok = isinstance(value, kind) and not (kind is not bool and isinstance(value, bool))
        if kind is float:
            ok = _is_number(value)
        if not ok:
            self.fail(mapping.line_of(key), label, f"expected {_kind_name(kind)}, found {value!r}")
        if isinstance(value, str) and not value.strip():
            self.fail(mapping.line_of(key), label, "must not be empty")
        return value

    def mapping(self, parent: Located, key: str, where: str, *, required=True) -> Located | None:
        value = self.get(parent, key, where, kind=dict, required=required, nullable=not required)
        return value

    def sequence(self, parent: Located, key: str, where: str = "", *, required=True) -> list:
        value = self.get(parent, key, where, kind=list, required=required, default=[], nullable=not required)
        return value or []

    def entries(self, parent: Located, key: str) -> list[tuple[int, Located]]:
        """(index, mapping) for each entry of a list of mappings."""
        found = []
        for index, entry in enumerate(self.sequence(parent, key, required=key in ("items", "scores"))):
            if not isinstance(entry, Located):
                self.fail(parent.line_of(key), f"{key}[{index}]", f"expected a mapping of fields, found {entry!r}")
            found.append((index, entry))
        return found

    def only_known(self, mapping: Located, allowed: set[str], where: str):
        for key in mapping:
            if key not in allowed:
                self.fail(mapping.line_of(key), f"{where}.{key}" if where else str(key),
                          f"unknown field (expected one of: {', '.join(sorted(allowed))})")

    # -- the definition ------------------------------------------------------------------------

    def definition(self) -> Definition:
        data = self.data
        self.only_known(data, TOP_LEVEL_FIELDS, "")
        identifier = self.get(data, "id", "", kind=str)
        if not SLUG.match(identifier):
            self.fail(data.line_of("id"), "id", "use lowercase letters, digits and hyphens")
        if "version" not in data:
            self.fail(data.line, "version", "this field is required")
        version = data["version"]
        if not isinstance(version, str | int) or isinstance(version, bool):
            self.fail(data.line_of("version"), "version", f"expected text or a whole number, found {version!r}")
        kind = self.get(data, "kind", "", kind=str)
        if kind not in KINDS:
            self.fail(data.line_of("kind"), "kind", f"expected one of {', '.join(KINDS)}, found {kind!r}")
        validated = self.get(data, "validated", "", kind=bool)
        label = self.get(data, "label", "", kind=str, required=False, nullable=True)
        if kind == "checkin":
            if validated:
                self.fail(data.line_of("validated"), "validated",
                          "our own check-ins are not validated measures: use false")
            if not label:
                self.fail(data.line, "label", "a check-in needs a visible label saying it is not a validated measure")
        scale_min, scale_max, scale = self.scale()
        items = self.items(kind)
        scores = self.scores(items)
        return Definition(
            id=identifier,
            name=self.get(data, "name", "", kind=str),
            version=str(version),
            kind=kind,
            validated=validated,
            label=label,
            citation=self.citation(kind),
            licence=self.get(data, "licence", "", kind=str),
            attribution=self.get(data, "attribution", "", kind=str),
            instructions=self.get(data, "instructions", "", kind=str, required=False, nullable=True),
            scale_min=scale_min,
            scale_max=scale_max,
            scale=scale,
            items=items,
            scores=scores,
            max_missing_fraction=self.missing(),
            norms=self.norms(scores),
            cutoffs=self.cutoffs(scores),
            banding_system=self.get(data, "banding_system", "", kind=str, required=False, nullable=True),
            notes=self.texts("notes"),
            to_verify=self.texts("to_verify"),
        )

    def citation(self, kind: str) -> dict:
        citation = self.mapping(self.data, "citation", "", required=kind == "licensed")
        if citation is None:
            return {}
        allowed = {"author", "year", "title", "journal", "doi", "url"}
        self.only_known(citation, allowed, "citation")
        self.get(citation, "author", "citation", kind=str)
        self.get(citation, "year", "citation", kind=int)
        for key in ("title", "journal", "doi", "url"):
            self.get(citation, key, "citation", kind=str, required=False, nullable=True)
        return {key: citation.get(key) for key in sorted(allowed)}

    def scale(self) -> tuple[int, int, tuple[tuple[int, str], ...]]:
        scale = self.mapping(self.data, "scale", "")
        self.only_known(scale, {"min", "max", "labels"}, "scale")
        low = self.get(scale, "min", "scale", kind=int)
        high = self.get(scale, "max", "scale", kind=int)
        if low >= high:
            self.fail(scale.line_of("max"), "scale.max", f"must be greater than scale.min ({low})")
        labels = self.get(scale, "labels", "scale", kind=dict, required=False, default={}) or {}
        for value, text in labels.items():
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                self.fail(labels.line_of(value), f"scale.labels.{value}",
                          f"must be a whole number from {low} to {high}")
            if not isinstance(text, str | int) or not str(text).strip():
                self.fail(labels.line_of(value), f"scale.labels.{value}", "expected a short label")
        return low, high, tuple((value, str(labels.get(value, value))) for value in range(low, high + 1))

    def items(self, kind: str) -> tuple[Item, ...]:
        allowed = {"number", "subscale", "reversed", "excluded_from_scoring", "text"}
        items = []
        for index, entry in self.entries(self.data, "items"):
            where = f"items[{index}]"
            self.only_known(entry, allowed, where)
            number = self.get(entry, "number", where, kind=int)
            if number != index + 1:
                self.fail(entry.line_of("number"), f"{where}.number",
                          f"items must be numbered 1, 2, 3 … in order: expected {index + 1}, found {number}")
            text = self.get(entry, "text", where, kind=str, required=False, nullable=True)
            if kind == "licensed" and text is not None:
                self.fail(entry.line_of("text"), f"{where}.text",
                          "a licensed instrument ships without item wording (the organisation imports it)")
            if kind == "checkin" and text is None:
                self.fail(entry.line, f"{where}.text", "our own check-ins carry their full wording")
            items.append(Item(
                number=number,
                subscale=self.get(entry, "subscale", where, kind=str, required=False, nullable=True),
                reversed=self.get(entry, "reversed", where, kind=bool, required=False, default=False),
                excluded=self.get(entry, "excluded_from_scoring", where, kind=bool, required=False, default=False),
                text=text.strip() if text else None,
            ))
        if not items:
            self.fail(self.data.line_of("items"), "items", "at least one item is needed")
        return tuple(items)

    def scores(self, items: tuple[Item, ...]) -> tuple[ScoreRule, ...]:
        allowed = {"id", "label", "rule", "items", "parts", "higher_is_better", "report_reversed"}
        by_number = {item.number: item for item in items}
        rules: list[ScoreRule] = []
        for index, entry in self.entries(self.data, "scores"):
            where = f"scores[{index}]"
            self.only_known(entry, allowed, where)
            score_id = self.get(entry, "id", where, kind=str)
            if not SLUG.match(score_id):
                self.fail(entry.line_of("id"), f"{where}.id", "use lowercase letters, digits and underscores")
            if score_id in {rule.id for rule in rules}:
                self.fail(entry.line_of("id"), f"{where}.id", f"the score id {score_id!r} is used twice")
            rule = self.get(entry, "rule", where, kind=str)
            if rule not in RULES:
                self.fail(entry.line_of("rule"), f"{where}.rule", f"expected one of {', '.join(RULES)}, found {rule!r}")
            if "higher_is_better" not in entry:
                self.fail(entry.line, f"{where}.higher_is_better", "say true, false or null (no better direction)")
            numbers, parts = (), ()
            if rule == "mean_of_scores":
                if "items" in entry:
                    self.fail(entry.line_of("items"), f"{where}.items", "a mean_of_scores rule lists parts, not items")
                parts = tuple(self.sequence(entry, "parts", where))
                known = {r.id: r for r in rules}
                for part in parts:
                    if part not in known or known[part].rule == "mean_of_scores":
                        self.fail(entry.line_of("parts"), f"{where}.parts",
                                  f"{part!r} is not a sum or mean score listed above this one")
                if not parts:
                    self.fail(entry.line_of("parts"), f"{where}.parts", "list at least one part")
            else:
                if "parts" in entry:
                    self.fail(entry.line_of("parts"), f"{where}.parts", f"a {rule} rule lists items, not parts")
                numbers = tuple(self.sequence(entry, "items", where))
                for number in numbers:
                    if number not in by_number:
                        self.fail(entry.line_of("items"), f"{where}.items", f"there is no item {number!r}")
                    if by_number[number].excluded:
                        self.fail(entry.line_of("items"), f"{where}.items", f"item {number} is excluded from scoring")
                if len(set(numbers)) != len(numbers):
                    self.fail(entry.line_of("items"), f"{where}.items", "an item is listed twice")
                if not numbers:
                    self.fail(entry.line_of("items"), f"{where}.items", "list at least one item")
            rules.append(ScoreRule(
                id=score_id,
                label=self.get(entry, "label", where, kind=str),
                rule=rule,
                items=numbers,
                parts=parts,
                higher_is_better=self.get(entry, "higher_is_better", where, kind=bool, nullable=True),
                report_reversed=self.get(entry, "report_reversed", where, kind=bool, required=False, default=True),
            ))
        if not rules:
            self.fail(self.data.line_of("scores"), "scores", "at least one score is needed")
        return tuple(rules)

    def missing(self) -> float | None:
        missing = self.mapping(self.data, "missing", "", required=False)
        if missing is None:
            if "missing" not in self.data:
                self.fail(self.data.line, "missing",
                          "say how missing answers are handled, or null for 'no missing answers allowed'")
            return None
        self.only_known(missing, {"max_missing_fraction", "method"}, "missing")
        fraction = self.get(missing, "max_missing_fraction", "missing", kind=float)
        if not 0 < fraction < 1:
            self.fail(missing.line_of("max_missing_fraction"), "missing.max_missing_fraction",
                      "expected a fraction between 0 and 1")
        method = self.get(missing, "method", "missing", kind=str)
        if method != "prorate":
            self.fail(missing.line_of("method"), "missing.method", f"the only method is 'prorate', found {method!r}")
        return float(fraction)

    def norms(self, scores: tuple[ScoreRule, ...]) -> tuple[Norm, ...]:
        allowed = {"id", "score", "population", "mean", "sd", "reliability", "reliability_type", "source"}
        score_ids = {rule.id for rule in scores}
        norms: list[Norm] = []
        for index, entry in self.entries(self.data, "norms"):
            where = f"norms[{index}]"
            self.only_known(entry, allowed, where)
            norm_id = self.get(entry, "id", where, kind=str)
            if norm_id in {norm.id for norm in norms}:
                self.fail(entry.line_of("id"), f"{where}.id", f"the norm id {norm_id!r} is used twice")
            score_id = self.get(entry, "score", where, kind=str)
            if score_id not in score_ids:
                self.fail(entry.line_of("score"), f"{where}.score", f"there is no score {score_id!r}")
            for key in ("mean", "sd", "reliability"):
                if key not in entry:
                    self.fail(entry.line, f"{where}.{key}", "this field is required (null where not published)")
            sd = self.get(entry, "sd", where, kind=float, nullable=True)
            if sd is not None and sd <= 0:
                self.fail(entry.line_of("sd"), f"{where}.sd", "must be greater than 0")
            reliability = self.get(entry, "reliability", where, kind=float, nullable=True)
            if reliability is not None and not 0 < reliability < 1:
                self.fail(entry.line_of("reliability"), f"{where}.reliability",
                          "expected a coefficient between 0 and 1")
            reliability_type = self.get(entry, "reliability_type", where, kind=str,
                                        required=reliability is not None, nullable=True)
            norms.append(Norm(
                id=norm_id,
                score=score_id,
                population=self.get(entry, "population", where, kind=str),
                mean=_float_or_none(self.get(entry, "mean", where, kind=float, nullable=True)),
                sd=_float_or_none(sd),
                reliability=_float_or_none(reliability),
                reliability_type=reliability_type,
                source=self.get(entry, "source", where, kind=str),
            ))
        return tuple(norms)

    def cutoffs(self, scores: tuple[ScoreRule, ...]) -> tuple[Cutoff, ...]:
        allowed = {"score", "value", "upper", "label", "direction", "system", "source"}
        score_ids = {rule.id for rule in scores}
        cutoffs = []
        for index, entry in self.entries(self.data, "cutoffs"):
            where = f"cutoffs[{index}]"
            self.only_known(entry, allowed, where)
            score_id = self.get(entry, "score", where, kind=str)
            if score_id not in score_ids:
                self.fail(entry.line_of("score"), f"{where}.score", f"there is no score {score_id!r}")
            direction = self.get(entry, "direction", where, kind=str)
            if direction not in DIRECTIONS:
                self.fail(entry.line_of("direction"), f"{where}.direction",
                          f"expected one of {', '.join(DIRECTIONS)}, found {direction!r}")
            value = self.get(entry, "value", where, kind=float)
            between = direction == "between"
            upper = self.get(entry, "upper", where, kind=float, required=between, nullable=not between)
            if direction == "between" and upper <= value:
                self.fail(entry.line_of("upper"), f"{where}.upper", f"must be greater than value ({value})")
            if direction != "between" and upper is not None:
                self.fail(entry.line_of("upper"), f"{where}.upper", "only a 'between' band has an upper value")
            cutoffs.append(Cutoff(
                score=score_id,
                value=float(value),
                upper=float(upper) if upper is not None else None,
                label=self.get(entry, "label", where, kind=str),
                direction=direction,
                system=self.get(entry, "system", where, kind=str),
                source=self.get(entry, "source", where, kind=str),
            ))
        return tuple(cutoffs)

    def texts(self, key: str) -> tuple[str, ...]:
        """`notes` or `to_verify`: one text or a list of texts."""
        value = self.data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            return (value.strip(),)
        if isinstance(value, list) and all(isinstance(text, str) and text.strip() for text in value):
            return tuple(" ".join(text.split()) for text in value)
        self.fail(self.data.line_of(key), key, "expected text or a list of texts (quote any text that contains ': ')")


def _kind_name(kind) -> str:
    return {str: "text", int: "a whole number", float: "a number", bool: "true or false",
            dict: "a mapping of fields", list: "a list"}.get(kind, kind.__name__)
