"""Replacing a cohort's pseudonymisation key: a confirm step, new ids afterwards, an audit entry."""

import pytest
from django.urls import reverse

from tend.core.audit import AuditEvent
from tend.questionnaires import exports
from tend.questionnaires.models import ExportKey
from tend.questionnaires.tests.helpers import completed, schedule, trainees

pytestmark = pytest.mark.django_db


def _participants(client, cohort) -> set[str]:
    lines = client.get(reverse("questionnaires:export_csv", args=[cohort.pk])).content.decode().strip().splitlines()[1:]
    return {line.split(",")[0] for line in lines}


def test_confirm_page_explains_that_earlier_exports_will_not_match(client, personas):
    client.force_login(personas.trainer)
    page = client.get(reverse("questionnaires:export_key", args=[personas.cohort_a.pk]))
    text = page.content.decode()
    assert page.status_code == 200 and "Exports you have already downloaded will no longer match new ones" in text
    assert "no key to replace" in text and not ExportKey.objects.exists()  # looking changes nothing
    cohort_page = client.get(reverse("questionnaires:cohort", args=[personas.cohort_a.pk])).content.decode()
    assert reverse("questionnaires:export_key", args=[personas.cohort_a.pk]) in cohort_page


def test_without_confirming_the_key_stays_and_the_reason_is_given(client, personas):
    key = exports.export_key(personas.cohort_a)
    client.force_login(personas.trainer)
    refused = client.post(reverse("questionnaires:export_key", args=[personas.cohort_a.pk]), {})
    assert refused.status_code == 400
    assert "Please tick the box to confirm you understand that earlier exports will no longer match" in refused.content.decode()
    assert ExportKey.objects.get().secret == key.secret
    assert not AuditEvent.objects.filter(kind=exports.KEY_ROTATED).exists()


def test_rotating_gives_everyone_new_ids_and_is_audited_without_the_secret(client, personas, measures_content):
    cohort = personas.cohort_a
    baseline = schedule(cohort, "pulse-test")
    for person in trainees(cohort, 2, consent=True):
        completed(person, "pulse-test", {1: 1, 2: 2, 3: 3}, schedule=baseline, due_on=baseline.opens_on)
    client.force_login(personas.trainer)
    before = _participants(client, cohort)
    old_secret = ExportKey.objects.get(cohort=cohort).secret
    reply = client.post(reverse("questionnaires:export_key", args=[cohort.pk]), {"understood": "on"}, follow=True)
    assert "The export key has been replaced." in reply.content.decode()
    new_secret = ExportKey.objects.get(cohort=cohort).secret
    assert new_secret != old_secret and len(new_secret) == 64
    after = _participants(client, cohort)
    assert len(after) == len(before) == 2 and not after & before
    assert _participants(client, cohort) == after  # stable again under the new key
    event = AuditEvent.objects.get(kind=exports.KEY_ROTATED)
    assert (event.actor_id, event.object_type, event.object_id) == (personas.trainer.pk, "cohorts.cohort", str(cohort.pk))
    assert old_secret not in str(event.detail) and new_secret not in str(event.detail)


def test_only_the_cohorts_managers_can_rotate_its_key(client, personas):
    key = exports.export_key(personas.cohort_b)
    for persona in (personas.trainee, personas.supervisor, personas.trainer):
        client.force_login(persona)
        assert client.post(reverse("questionnaires:export_key", args=[personas.cohort_b.pk]),
                           {"understood": "on"}).status_code == 404
    assert ExportKey.objects.get().secret == key.secret
    client.force_login(personas.admin)
    assert client.post(reverse("questionnaires:export_key", args=[personas.cohort_b.pk]), {"understood": "on"}).status_code == 302
    assert ExportKey.objects.get().secret != key.secret
