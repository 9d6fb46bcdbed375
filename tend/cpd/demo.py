"""Demo data: one workshop the demo trainee attended outside Tend (idempotent)."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

DEMO_TITLE = "Workshop: compassionate mind training in groups"


def load(people, cohort):
    from tend.cpd.models import CpdCategory, ExternalActivity
    from tend.cpd.services import ensure_default_categories

    ensure_default_categories()
    trainee = people["trainee@example.com"]
    category = CpdCategory.objects.get(key="formal_learning")
    ExternalActivity.objects.get_or_create(
        owner=trainee, title=DEMO_TITLE,
        defaults={
            "date": timezone.localdate() - timedelta(days=10),
            "hours": Decimal("6"),
            "category": category,
            "reflection": "Practising the compassionate voice in a group felt awkward at first, then freeing.",
        },
    )
