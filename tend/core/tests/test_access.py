"""The one privacy model, checked persona by persona for each visibility."""

import pytest

from tend.cohorts.models import Membership
from tend.core import access
from tend.core.models import Visibility
from tend.journal.models import JournalEntry

EVERYONE = ["trainee", "cohort_peer", "other_trainee", "supervisor", "other_supervisor", "trainer", "admin"]
EXPECTED_VIEWERS = {
    Visibility.PRIVATE: {"trainee"},
    Visibility.SUPERVISOR: {"trainee", "supervisor"},
    Visibility.COHORT: {"trainee", "cohort_peer", "supervisor", "trainer"},
}


@pytest.mark.parametrize("visibility", list(EXPECTED_VIEWERS))
def test_who_sees_an_item_depends_only_on_its_visibility(personas, visibility):
    item = JournalEntry.objects.create(
        owner=personas.trainee, visibility=visibility,
        shared_cohort=personas.cohort_a if visibility == Visibility.COHORT else None,
    )
    for name in EVERYONE:
        user = getattr(personas, name)
        expected = name in EXPECTED_VIEWERS[visibility]
        assert access.can_view(user, item) is expected, name
        assert access.visible_to(user, JournalEntry.objects.all()).filter(pk=item.pk).exists() is expected, name
        assert access.can_change(user, item) is (name == "trainee"), name


def test_sharing_to_a_cohort_the_owner_is_not_in_shows_it_to_nobody_else(personas):
    item = JournalEntry.objects.create(owner=personas.trainee, visibility=Visibility.COHORT, shared_cohort=personas.cohort_b)
    assert not access.can_view(personas.other_trainee, item)
    assert not access.can_view(personas.other_supervisor, item)


def test_leaving_a_cohort_ends_access_to_what_was_shared_there(personas):
    item = JournalEntry.objects.create(owner=personas.trainee, visibility=Visibility.COHORT, shared_cohort=personas.cohort_a)
    Membership.objects.filter(user=personas.trainee).delete()
    assert not access.can_view(personas.cohort_peer, item)


def test_anonymous_sees_nothing(personas):
    from django.contrib.auth.models import AnonymousUser

    item = JournalEntry.objects.create(owner=personas.trainee, visibility=Visibility.SUPERVISOR)
    assert not access.can_view(AnonymousUser(), item)
    assert not access.visible_to(AnonymousUser(), JournalEntry.objects.all()).exists()


def test_cohort_rules(personas):
    assert access.can_view_cohort(personas.cohort_peer, personas.cohort_a)
    assert not access.can_view_cohort(personas.other_trainee, personas.cohort_a)
    assert access.can_view_cohort(personas.admin, personas.cohort_b)
    assert access.can_manage_cohort(personas.trainer, personas.cohort_a)
    assert not access.can_manage_cohort(personas.trainer, personas.cohort_b)
    assert not access.can_manage_cohort(personas.supervisor, personas.cohort_a)
    assert access.can_create_cohort(personas.trainer) and not access.can_create_cohort(personas.supervisor)
