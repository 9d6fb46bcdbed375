from django.db import migrations

CATEGORIES = [
    ("formal_learning", "Formal learning", 10),
    ("self_directed", "Self-directed learning", 20),
    ("supervision", "Supervision", 30),
    ("practice", "Practice", 40),
]


def seed(apps, schema_editor):
    CpdCategory = apps.get_model("cpd", "CpdCategory")
    for key, name, order in CATEGORIES:
        CpdCategory.objects.get_or_create(key=key, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [("cpd", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
