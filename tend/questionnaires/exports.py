"""Exports: a research CSV of consenting people's scores under pseudonymised ids, and a person's
own response as a FHIR R4 QuestionnaireResponse."""

import csv
import hashlib
import hmac
import io

from django.db import transaction
from django.utils import timezone

from tend.core import audit
from tend.questionnaires.models import ExportKey, MeasureResponse, ScoreValue, new_export_secret

KEY_ROTATED = "export_key_rotated"  # AuditEvent.Kind.EXPORT_KEY_ROTATED

CSV_COLUMNS = ["participant", "measure", "version", "occasion", "due_on", "completed_on", "score", "value"]


def pseudonym(secret: str, user_id: int) -> str:
    """A keyed hash (HMAC-SHA-256) of the person's id: stable under one export key, unlinkable without it."""
    return hmac.new(secret.encode(), str(user_id).encode(), hashlib.sha256).hexdigest()[:20]


def export_key(cohort) -> ExportKey:
    key, _ = ExportKey.objects.get_or_create(cohort=cohort)
    return key


@transaction.atomic
def rotate_export_key(cohort, *, request) -> ExportKey:
    """A fresh secret for the cohort's research ids: later exports cannot be linked to earlier
    ones. Audited with ids only (never the secret)."""
    key = ExportKey.objects.select_for_update().filter(cohort=cohort).first()
    if key is None:
        key = ExportKey.objects.create(cohort=cohort)
    else:
        key.secret = new_export_secret()
        key.created_at = timezone.now()
        key.save(update_fields=["secret", "created_at"])
    audit.record(KEY_ROTATED, request=request, obj=cohort)
    return key


def research_csv(cohort) -> str:
    secret = export_key(cohort).secret
    rows = (ScoreValue.objects.filter(schedule__cohort=cohort, shared=True)
            .order_by("schedule__opens_on", "due_on", "owner_id", "score_id")
            .values_list("owner_id", "schedule__definition_id", "response__definition_version", "schedule__occasion",
                         "due_on", "response__completed_at", "score_id", "value"))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for owner_id, measure, version, occasion, due_on, completed_at, score_id, value in rows.iterator(chunk_size=5000):
        writer.writerow([pseudonym(secret, owner_id), measure, version, occasion, due_on.isoformat() if due_on else "",
                         timezone.localdate(completed_at).isoformat(), score_id, f"{value:g}"])
    return out.getvalue()


def fhir_questionnaire_response(response: MeasureResponse, request) -> dict:
    """The person's own answers in FHIR R4. Item wording is licensed, so items carry their numbers only."""
    answered = sorted(response.answers.items(), key=lambda kv: int(kv[0]))
    resource = {
        "resourceType": "QuestionnaireResponse",
        "id": f"tend-measure-response-{response.pk}",
        "questionnaire": f"urn:tend:measure:{response.definition_id}|{response.definition_version}",
        "status": "completed" if response.is_complete else "in-progress",
        "authored": (response.completed_at or response.updated_at).isoformat(),
        "author": {"display": request.user.display_name},
        "item": [{"linkId": str(number), "answer": [{"valueInteger": int(value)}]} for number, value in answered],
    }
    if response.scores:
        resource["extension"] = [
            {"url": f"urn:tend:measure-score:{score_id}", "valueDecimal": value}
            for score_id, value in sorted(response.scores.items())
        ]
    return resource
