"""A sensible default until the organisation adds its own contacts: an international directory."""

from django.db import migrations


def add_default(apps, schema_editor):
    CrisisContact = apps.get_model("safety", "CrisisContact")
    if not CrisisContact.objects.exists():
        CrisisContact.objects.create(
            name="Find A Helpline",
            description="A directory of free, confidential helplines in many countries, by phone, text or chat.",
            web="https://findahelpline.com",
            hours="Directory available at any time; each service lists its own hours.",
            order=100,
        )


class Migration(migrations.Migration):
    dependencies = [("safety", "0001_initial")]
    operations = [migrations.RunPython(add_default, migrations.RunPython.noop)]
