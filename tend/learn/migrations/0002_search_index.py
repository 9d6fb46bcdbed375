"""The SQLite full-text index for lesson and glossary search (PostgreSQL searches the tables)."""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS learn_search USING fts5(kind UNINDEXED, ref UNINDEXED, title, body, "
            "tokenize = 'porter unicode61 remove_diacritics 2')"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS learn_search")


class Migration(migrations.Migration):
    dependencies = [("learn", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
