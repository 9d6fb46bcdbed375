"""Imports a published instrument's item wording under the organisation's own licence.

    python manage.py import_instrument_wording DEFINITION wording.csv

The CSV has two columns, item number and text (a header row is allowed). Every item of the
definition must be covered exactly once; on any problem nothing is stored and the line is named."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tend.questionnaires import catalogue
from tend.questionnaires.services import WordingError, import_wording, parse_wording_csv


class Command(BaseCommand):
    help = "Import item wording (CSV: item number, text) for a measure definition, under your licence."

    def add_arguments(self, parser):
        parser.add_argument("definition", help="the definition id, e.g. proqol-5")
        parser.add_argument("csv", type=Path, help="a UTF-8 CSV file with columns: item number, text")

    def handle(self, *args, definition, csv, **options):
        defn = catalogue.definition(definition)
        if defn is None:
            broken = next((p for p in catalogue.problems() if Path(p.file).stem == definition), None)
            if broken is not None:
                raise CommandError(f"The definition {definition!r} cannot be loaded: {broken}")
            known = ", ".join(sorted(catalogue.definitions())) or "none"
            raise CommandError(f"No measure definition {definition!r} in {catalogue.measures_dir()} (known: {known}).")
        if defn.has_wording:
            raise CommandError(f"{definition} ships with its own wording; nothing to import.")
        try:
            text = csv.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {csv}: {error}") from error
        try:
            texts = parse_wording_csv(defn, text)
        except WordingError as error:
            raise CommandError(f"{csv}: {error}. Nothing was imported.") from error
        count = import_wording(defn, texts)
        self.stdout.write(self.style.SUCCESS(f"Imported wording for {count} items of {defn.name} (version {defn.version})."))
