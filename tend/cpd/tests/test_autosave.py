"""An existing CPD activity autosaves like other private writing: versions, idempotent retries,
a stale tab's text kept as a conflict copy, invalid input refused with the text still in the page."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from tend.core import autosave
from tend.core.models import ConflictCopy
from tend.cpd.models import CpdCategory, ExternalActivity


@pytest.fixture
def activity(trainee) -> ExternalActivity:
    return ExternalActivity.objects.create(
        owner=trainee, title="Workshop on shame", date=date(2026, 5, 1), hours=Decimal("6"),
        category=CpdCategory.objects.get(key="formal_learning"), reflection="First thoughts.")


@pytest.fixture
def signed_in(client, trainee):
    client.force_login(trainee)
    return client


def _data(activity, **changes) -> dict:
    data = {"title": activity.title, "date": "2026-05-01", "hours": "6", "category": activity.category_id,
            "reflection": "I noticed how kindly the group held difficult moments.",
            "base_version": activity.version, "save_id": "tab-1"}
    return data | changes


def _autosave(client, activity, **changes):
    return client.post(reverse("cpd:autosave", args=[activity.pk]), _data(activity, **changes))


def test_the_edit_page_autosaves_and_the_add_page_does_not(signed_in, activity):
    text = signed_in.get(reverse("cpd:edit", args=[activity.pk])).content.decode()
    assert f'data-autosave-url="{reverse("cpd:autosave", args=[activity.pk])}"' in text
    assert 'name="base_version" value="1"' in text and "core/autosave.js" in text
    assert 'role="status" aria-live="polite"' in text
    added = signed_in.get(reverse("cpd:add")).content.decode()
    assert "data-autosave-url" not in added and "core/autosave.js" not in added


def test_an_autosave_writes_a_new_version_and_a_retry_is_not_repeated(signed_in, activity):
    response = _autosave(signed_in, activity)
    assert response.status_code == 200 and response.json()["status"] == "saved" and response.json()["version"] == 2
    activity.refresh_from_db()
    assert (activity.reflection, activity.version) == ("I noticed how kindly the group held difficult moments.", 2)
    retry = _autosave(signed_in, activity, base_version=1)  # the same save, its reply was lost
    assert retry.status_code == 200 and retry.json()["status"] == "replayed"
    activity.refresh_from_db()
    assert activity.version == 2 and not ConflictCopy.objects.exists()


def test_an_autosave_screens_the_reflection_for_the_writer(signed_in, activity, monkeypatch):
    screened = []
    monkeypatch.setattr("tend.cpd.services.screen_own_writing",
                        lambda request, **kw: screened.append(kw) or "possible")
    response = _autosave(signed_in, activity, reflection="zq words to screen")
    assert response.json()["risk"] == "possible"
    assert screened == [{"text": "zq words to screen", "source": "cpd", "item_key": str(activity.pk),
                         "next_page": False}]


def test_a_stale_tab_keeps_its_text_as_a_copy_and_the_owner_chooses(signed_in, activity):
    assert _autosave(signed_in, activity, reflection="Saved from the laptop.", save_id="laptop").status_code == 200
    stale = _autosave(signed_in, activity, reflection="Typed on the phone.", base_version=1, save_id="phone")
    assert stale.status_code == 409
    copy = ConflictCopy.objects.get()
    assert stale.json()["conflict_url"] == reverse("cpd:conflict", args=[activity.pk, copy.pk])
    activity.refresh_from_db()
    assert activity.reflection == "Saved from the laptop."  # the newer text is not overwritten
    edit = signed_in.get(reverse("cpd:edit", args=[activity.pk])).content.decode()
    assert "Compare and choose" in edit
    page = signed_in.get(stale.json()["conflict_url"]).content.decode()
    assert "Saved from the laptop." in page and "Typed on the phone." in page
    signed_in.post(stale.json()["conflict_url"], {"keep": "mine"})
    activity.refresh_from_db()
    assert activity.reflection == "Typed on the phone."
    assert not autosave.open_conflicts(activity).exists()


def test_saving_the_page_from_a_stale_tab_keeps_both_texts(signed_in, activity):
    _autosave(signed_in, activity, reflection="Saved from the laptop.", save_id="laptop")
    response = signed_in.post(reverse("cpd:edit", args=[activity.pk]),
                              _data(activity, reflection="Typed on the phone.", base_version=1, save_id="phone"))
    copy = ConflictCopy.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("cpd:conflict", args=[activity.pk, copy.pk])
    activity.refresh_from_db()
    assert activity.reflection == "Saved from the laptop."
    assert "Typed on the phone." in autosave.conflict_values(copy)["reflection"]


def test_a_failed_autosave_is_explained_and_nothing_is_lost(signed_in, activity):
    response = _autosave(signed_in, activity, hours="", reflection="Half-written thought")
    assert response.status_code == 400 and response.json()["status"] == "invalid"
    assert "hours" in response.json()["errors"]
    activity.refresh_from_db()
    assert (activity.reflection, activity.version) == ("First thoughts.", 1)  # the saved text is untouched
    # The page's own save keeps everything typed when it is refused.
    page = signed_in.post(reverse("cpd:edit", args=[activity.pk]),
                          _data(activity, hours="", reflection="Half-written thought"))
    assert page.status_code == 400 and "Half-written thought" in page.content.decode()


def test_only_the_owner_can_autosave(client, activity, personas):
    for other in (personas.supervisor, personas.admin, personas.cohort_peer):
        client.force_login(other)
        assert _autosave(client, activity, reflection="zq not theirs").status_code == 404
    activity.refresh_from_db()
    assert activity.reflection == "First thoughts."
