"""The shared autosave mechanism: every long text field in Tend saves through `save_version`.

A save names the version it was based on and carries an idempotency key (`save_id`):
- based on the current version: written, version + 1 ("saved");
- a retry of a save that already committed (same save_id): acknowledged, not repeated ("replayed");
- based on an older version: the incoming text is stored as a ConflictCopy *before* answering,
  so nothing from a stale tab is ever lost ("conflict").
The caller's request is atomic (ATOMIC_REQUESTS), so an answer is only sent after commit.
"""

import json
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F, Model
from django.utils import timezone

from tend.core.models import ConflictCopy


@dataclass(frozen=True)
class SaveOutcome:
    status: str  # "saved" | "replayed" | "conflict"
    version: int
    conflict: ConflictCopy | None = None
    saved_at: object = field(default=None)

    @property
    def acknowledged(self) -> bool:
        return self.status in {"saved", "replayed"}


def save_version(item: Model, *, base_version: int, save_id: str, values: dict) -> SaveOutcome:
    model = type(item)
    with transaction.atomic():
        now = timezone.now()
        updated = model.objects.filter(pk=item.pk, version=base_version).update(
            **values, version=F("version") + 1, last_save_id=save_id, updated_at=now
        )
        if updated:
            return SaveOutcome("saved", base_version + 1, saved_at=now)
        current = model.objects.only("version", "last_save_id", "updated_at").get(pk=item.pk)
        if save_id and current.last_save_id == save_id:
            return SaveOutcome("replayed", current.version, saved_at=current.updated_at)
        conflict = ConflictCopy.objects.create(
            owner_id=item.owner_id,
            content_type=ContentType.objects.get_for_model(model),
            object_id=item.pk,
            base_version=base_version,
            save_id=save_id,
            fields_json=json.dumps({name: str(value) for name, value in values.items()}),
        )
        return SaveOutcome("conflict", current.version, conflict=conflict)


def open_conflicts(item: Model):
    return ConflictCopy.objects.filter(
        content_type=ContentType.objects.get_for_model(type(item)), object_id=item.pk, resolved_at__isnull=True
    )


def conflict_values(conflict: ConflictCopy) -> dict:
    return json.loads(conflict.fields_json)


def resolve_conflict(conflict: ConflictCopy) -> None:
    conflict.resolved_at = timezone.now()
    conflict.save(update_fields=["resolved_at"])
