"""Moves every encrypted value to the newest key in TEND_ENCRYPTION_KEYS (key rotation)."""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import connection, transaction

from tend.core import crypto


class Command(BaseCommand):
    help = "Re-encrypt all encrypted fields with the first key in TEND_ENCRYPTION_KEYS."

    def handle(self, *args, **options):
        total = 0
        for model in apps.get_models():
            fields = crypto.encrypted_fields(model)
            if not fields:
                continue
            count = self._rotate_model(model, fields)
            total += count
            self.stdout.write(f"{model._meta.label}: {count} rows re-encrypted")
        self.stdout.write(self.style.SUCCESS(f"Done: {total} rows now use the newest key."))

    def _rotate_model(self, model, fields) -> int:
        """Rotates raw stored tokens, so plaintext never passes through a model instance."""
        table = connection.ops.quote_name(model._meta.db_table)
        pk_column = connection.ops.quote_name(model._meta.pk.column)
        columns = [model._meta.get_field(name).column for name in fields]
        quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
        count = 0
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SELECT {pk_column}, {quoted} FROM {table}")  # noqa: S608  (names from model meta)
            for pk, *values in cursor.fetchall():
                rotated = [crypto.rotate(v) if v else v for v in values]
                assignments = ", ".join(f"{connection.ops.quote_name(c)} = %s" for c in columns)
                cursor.execute(f"UPDATE {table} SET {assignments} WHERE {pk_column} = %s", [*rotated, pk])  # noqa: S608
                count += 1
        return count
