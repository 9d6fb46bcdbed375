from django.urls import reverse
from django.utils.translation import gettext_lazy as _

NAVIGATION = [
    ("home", _("Home")),
    ("learn:overview", _("Learn")),
    ("practise", _("Practise")),
    ("cohorts:list", _("Cohort")),
    ("supervision:home", _("Supervision")),
    ("questionnaires:home", _("Measures")),
    ("cpd:ledger", _("CPD")),
    ("progress", _("Progress")),
    ("journal:list", _("Journal")),
]


def navigation(request):
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {"nav_items": []}
    current = request.path
    items = []
    for name, label in NAVIGATION:
        url = reverse(name)
        active = current == url if url == "/" else current.startswith(url)
        items.append({"url": url, "label": label, "active": active})
    return {"nav_items": items}
