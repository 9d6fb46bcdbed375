from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# Kept short enough to fit one line on a laptop: the logo links home, and Progress links every
# record (measures, CPD, certificates).
NAVIGATION = [
    ("learn:overview", _("Learn")),
    ("practise", _("Practise")),
    ("cohorts:list", _("Cohort")),
    ("supervision:home", _("Supervision")),
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
