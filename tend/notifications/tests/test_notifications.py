"""In-app notifications: only the recipient sees or opens one, links never leave the site, the
list's query count does not grow, and the header count is one query."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tend.core.audit import AuditEvent
from tend.notifications import demo
from tend.notifications.context_processors import unread_count
from tend.notifications.models import Notification, NotificationPreference
from tend.notifications.services import notify


def make(recipient, title="Your supervisor reviewed your letter", url="/practise/letters/", **fields):
    return Notification.objects.create(recipient=recipient, kind="review", title=title, url=url, **fields)


def checked_choices(response) -> list[str]:
    return re.findall(r'<input type="radio" name="email_digest" value="(\w+)"[^>]* checked', response.content.decode())


@pytest.fixture
def trainee_client(client, trainee):
    client.force_login(trainee)
    return client


# --- notify() --------------------------------------------------------------------------------


def test_notify_creates_an_unread_notification_for_the_recipient(personas):
    n = notify(personas.trainee, kind="comment", title="A new comment", url="/journal/", actor=personas.supervisor)
    assert (n.recipient, n.actor, n.kind, n.url, n.read_at, n.emailed_at) == (
        personas.trainee, personas.supervisor, "comment", "/journal/", None, None)


def test_nobody_is_notified_about_their_own_action(trainee):
    assert notify(trainee, kind="comment", title="x", url="/", actor=trainee) is None
    assert not Notification.objects.exists()


def test_a_long_title_is_cut_to_fit(trainee):
    assert len(notify(trainee, kind="k", title="a" * 300, url="/").title) == 200


# --- The list ----------------------------------------------------------------------------------


def test_the_list_shows_only_my_notifications_unread_first(trainee_client, personas):
    old_unread = make(personas.trainee, title="Older but unread")
    newer_read = make(personas.trainee, title="Newer and read", read_at=timezone.now())
    make(personas.cohort_peer, title="Someone else's notice")
    Notification.objects.filter(pk=old_unread.pk).update(created_at=timezone.now() - timedelta(days=3))
    response = trainee_client.get(reverse("notifications:list"))
    assert [n.pk for n in response.context["notifications"]] == [old_unread.pk, newer_read.pk]
    assert response.context["unread"] == 1
    assert b"Someone else" not in response.content
    assert b"Mark all as read" in response.content


def test_the_list_is_paginated(trainee_client, trainee):
    Notification.objects.bulk_create(
        [Notification(recipient=trainee, kind="k", title=f"Notice {n}", url="/") for n in range(25)]
    )
    first = trainee_client.get(reverse("notifications:list"))
    second = trainee_client.get(reverse("notifications:list"), {"page": 2})
    assert len(first.context["notifications"]) == 20 and len(second.context["notifications"]) == 5
    assert b"Page 2 of 2" in second.content


def test_an_empty_list_says_so(trainee_client):
    response = trainee_client.get(reverse("notifications:list"))
    assert b"No notifications yet." in response.content
    assert b"Mark all as read" not in response.content


def test_the_list_query_count_does_not_grow_with_notifications(trainee_client, personas):
    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert trainee_client.get(reverse("notifications:list")).status_code == 200
        return len(ctx)

    make(personas.trainee, actor=personas.supervisor)
    queries()  # warm-up: the first request of a session does one-off work
    few = queries()
    Notification.objects.bulk_create([
        Notification(recipient=personas.trainee, actor=actor, kind="k", title=f"Notice {n}", url="/",
                     read_at=timezone.now() if n % 2 else None)
        for n in range(10) for actor in (personas.supervisor, personas.trainer)
    ])
    assert queries() == few


# --- Opening one ----------------------------------------------------------------------------


def test_opening_marks_read_and_follows_the_link(trainee_client, trainee):
    n = make(trainee, url="/practise/letters/")
    response = trainee_client.get(reverse("notifications:open", args=[n.pk]))
    assert response.status_code == 302 and response["Location"] == "/practise/letters/"
    n.refresh_from_db()
    assert n.read_at is not None


@pytest.mark.parametrize("other", ["cohort_peer", "supervisor", "trainer", "admin"])
def test_someone_elses_notification_is_404_stays_unread_and_is_audited(client, personas, other):
    n = make(personas.trainee)
    client.force_login(getattr(personas, other))
    assert client.get(reverse("notifications:open", args=[n.pk])).status_code == 404
    assert client.post(reverse("notifications:mark_read", args=[n.pk])).status_code == 404
    n.refresh_from_db()
    assert n.read_at is None
    assert AuditEvent.objects.filter(
        kind=AuditEvent.Kind.PERMISSION_DENIED, object_id=str(n.pk), object_type="notifications.notification"
    ).exists()


@pytest.mark.parametrize("url", [
    "https://evil.example/phish",
    "//evil.example/phish",
    "/\\evil.example/phish",
    "/\t/evil.example",
    "http:/evil.example",
    "javascript:alert(1)",
    "evil.example/phish",
    "",
])
def test_a_link_that_would_leave_the_site_is_never_followed(trainee_client, trainee, url):
    n = make(trainee, url=url)
    response = trainee_client.get(reverse("notifications:open", args=[n.pk]), follow=False)
    assert response.status_code == 302 and response["Location"] == reverse("notifications:list")
    page = trainee_client.get(response["Location"])
    assert b"does not lead to a page on Tend" in page.content
    n.refresh_from_db()
    assert n.read_at is not None  # reading it still counts


def test_a_local_link_with_a_query_and_fragment_is_followed(trainee_client, trainee):
    n = make(trainee, url="/cohorts/1/discussion/threads/4/?page=2#post-9")
    response = trainee_client.get(reverse("notifications:open", args=[n.pk]))
    assert response["Location"] == "/cohorts/1/discussion/threads/4/?page=2#post-9"


# --- Marking read ----------------------------------------------------------------------------


def test_mark_one_read(trainee_client, trainee):
    n = make(trainee)
    assert trainee_client.get(reverse("notifications:mark_read", args=[n.pk])).status_code == 405
    response = trainee_client.post(reverse("notifications:mark_read", args=[n.pk]))
    assert response.status_code == 302
    n.refresh_from_db()
    assert n.read_at is not None


def test_mark_all_read_touches_only_my_unread(trainee_client, personas):
    earlier = timezone.now() - timedelta(days=1)
    mine = [make(personas.trainee), make(personas.trainee)]
    already = make(personas.trainee, read_at=earlier)
    theirs = make(personas.cohort_peer)
    response = trainee_client.post(reverse("notifications:mark_all_read"), follow=True)
    assert b"All notifications are marked as read." in response.content
    assert all(Notification.objects.get(pk=n.pk).read_at for n in mine)
    assert Notification.objects.get(pk=already.pk).read_at == earlier
    assert Notification.objects.get(pk=theirs.pk).read_at is None


# --- Preferences ----------------------------------------------------------------------------


def test_preferences_default_to_daily_without_creating_a_row(trainee_client):
    response = trainee_client.get(reverse("notifications:preferences"))
    assert checked_choices(response) == ["daily"]
    assert not NotificationPreference.objects.exists()


@pytest.mark.parametrize("choice", ["immediate", "daily", "weekly", "off"])
def test_each_choice_is_saved_in_one_row_per_person(trainee_client, trainee, choice):
    trainee_client.post(reverse("notifications:preferences"), {"email_digest": "weekly"})
    response = trainee_client.post(reverse("notifications:preferences"), {"email_digest": choice}, follow=True)
    assert b"Saved." in response.content
    assert list(NotificationPreference.objects.values_list("user_id", "email_digest")) == [(trainee.pk, choice)]
    assert checked_choices(response) == [choice]


def test_an_invalid_choice_is_refused_with_a_clear_message(trainee_client):
    response = trainee_client.post(reverse("notifications:preferences"), {"email_digest": "hourly"})
    assert response.status_code == 400
    assert b"Choose one of the options" in response.content
    empty = trainee_client.post(reverse("notifications:preferences"), {})
    assert empty.status_code == 400 and b"Choose how often we should email you." in empty.content
    assert not NotificationPreference.objects.exists()


# --- Header count -------------------------------------------------------------------------------


def test_the_unread_count_is_one_query(personas, django_assert_num_queries):
    make(personas.trainee)
    make(personas.trainee)
    make(personas.trainee, read_at=timezone.now())
    make(personas.cohort_peer)
    request = RequestFactory().get("/")
    request.user = personas.trainee
    with django_assert_num_queries(1):
        assert unread_count(request) == {"unread_notifications": 2}


def test_the_unread_count_asks_nothing_for_anonymous_visitors(django_assert_num_queries, db):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    with django_assert_num_queries(0):
        assert unread_count(request) == {"unread_notifications": 0}


# --- Demo data -----------------------------------------------------------------------------


def test_demo_gives_the_trainee_two_notifications_once(personas):
    people = {"trainee@example.com": personas.trainee, "supervisor@example.com": personas.supervisor}
    demo.load(people, personas.cohort_a)
    demo.load(people, personas.cohort_a)
    assert Notification.objects.filter(recipient=personas.trainee, read_at__isnull=True).count() == 2


def test_the_list_links_through_the_open_view_never_to_the_stored_url(trainee_client, trainee):
    n = make(trainee, url="https://evil.example/phish")
    response = trainee_client.get(reverse("notifications:list"))
    assert f'href="{reverse("notifications:open", args=[n.pk])}"'.encode() in response.content
    assert b"evil.example" not in response.content
