"""Writing external CPD activities: evidence files and the screen of the person's reflection."""

from django.db import transaction

from tend.cpd.models import CpdCategory, ExternalActivity
from tend.safety.services import screen_own_writing


DEFAULT_CATEGORIES = [  # the same four the data migration seeds
    ("formal_learning", "Formal learning", 10),
    ("self_directed", "Self-directed learning", 20),
    ("supervision", "Supervision", 30),
    ("practice", "Practice", 40),
]


def ensure_default_categories() -> None:
    """Adds any of Tend's own four categories that are missing (an admin may have renamed them: kept)."""
    for key, name, order in DEFAULT_CATEGORIES:
        CpdCategory.objects.get_or_create(key=key, defaults={"name": name, "order": order})


def _delete_file_after_commit(storage, name: str) -> None:
    """Removes a replaced or deleted evidence file once the database change is safely committed."""
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def save_activity(request, form) -> ExternalActivity:
    """Saves the form's activity for request.user, replacing or removing its evidence file, then
    screens the reflection (the writer alone sees support; nothing is blocked)."""
    activity: ExternalActivity = form.instance
    if activity.pk is None:
        activity.owner = request.user
    old_file = activity.evidence.name if activity.evidence else ""
    upload = form.cleaned_data.get("evidence_file")
    if upload:
        activity.evidence_type = form.cleaned_data["evidence_type"]
        activity.evidence_size = upload.size
        activity.evidence.save("evidence", upload, save=False)
    elif form.cleaned_data.get("remove_evidence"):
        activity.evidence = ""
        activity.evidence_type = ""
        activity.evidence_size = 0
    activity = form.save()
    if old_file and old_file != activity.evidence.name:
        _delete_file_after_commit(activity.evidence.storage, old_file)
    if activity.reflection.strip():
        screen_own_writing(request, text=activity.reflection, source="cpd", item_key=str(activity.pk))
    return activity


def delete_activity(activity: ExternalActivity) -> None:
    name = activity.evidence.name if activity.evidence else ""
    storage = activity.evidence.storage
    activity.delete()
    _delete_file_after_commit(storage, name)
