"""Writing external CPD activities: evidence files and the screen of the person's reflection."""

from django.db import transaction

from tend.core import autosave
from tend.core.models import ConflictCopy
from tend.cpd.models import CpdCategory, ExternalActivity
from tend.safety.services import screen_own_writing

EVIDENCE_FIELDS = ["evidence", "evidence_type", "evidence_size"]


class StaleEdit(Exception):
    """The page was based on an older version: its text is kept as a conflict copy, not saved over."""

    def __init__(self, conflict: ConflictCopy):
        super().__init__(conflict.pk)
        self.conflict = conflict


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


def screen_reflection(request, activity: ExternalActivity, text: str, *, next_page: bool = True) -> str:
    """Screens the person's reflection (the writer alone sees support; nothing is blocked)."""
    if not text.strip():
        return "none"
    return screen_own_writing(request, text=text, source="cpd", item_key=str(activity.pk), next_page=next_page)


def _apply_evidence(activity: ExternalActivity, form) -> bool:
    """Replaces or removes the evidence file on the instance (not yet saved); True if it changed."""
    upload = form.cleaned_data.get("evidence_file")
    if upload:
        activity.evidence_type = form.cleaned_data["evidence_type"]
        activity.evidence_size = upload.size
        activity.evidence.save("evidence", upload, save=False)
        return True
    if form.cleaned_data.get("remove_evidence"):
        activity.evidence = ""
        activity.evidence_type = ""
        activity.evidence_size = 0
        return True
    return False


def save_activity(request, form) -> ExternalActivity:
    """Saves the form's activity for request.user, replacing or removing its evidence file, then
    screens the reflection. An existing activity saves through autosave's versions, so a page
    based on an older version never overwrites newer text: StaleEdit, with the text kept."""
    activity: ExternalActivity = form.instance
    old_file = ""
    if activity.pk is None:
        activity.owner = request.user
        _apply_evidence(activity, form)
        activity = form.save()
    else:
        outcome = autosave.save_version(activity, base_version=form.cleaned_data.get("base_version") or 0,
                                        save_id=form.cleaned_data.get("save_id") or "", values=form.saved_values())
        if outcome.status == "conflict":
            screen_reflection(request, activity, form.cleaned_data["reflection"])
            raise StaleEdit(outcome.conflict)
        old_file = activity.evidence.name if activity.evidence else ""
        if _apply_evidence(activity, form):
            activity.save(update_fields=EVIDENCE_FIELDS)
    if old_file and old_file != activity.evidence.name:
        _delete_file_after_commit(activity.evidence.storage, old_file)
    screen_reflection(request, activity, activity.reflection)
    return activity


def delete_activity(activity: ExternalActivity) -> None:
    name = activity.evidence.name if activity.evidence else ""
    storage = activity.evidence.storage
    activity.delete()
    _delete_file_after_commit(storage, name)
