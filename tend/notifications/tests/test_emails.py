"""Notification emails: immediate, daily, weekly or never, each notification at most once, and
never anything anyone wrote."""

import io
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tend.journal.models import JournalEntry
from tend.notifications import services, tasks
from tend.notifications.models import EmailDigest, Notification
from tend.notifications.services import notify

IMMEDIATE_TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
PRIVATE_SAMPLE = "I was ashamed after the session zqmailprivate"


def choose(user, frequency):
    services.save_email_digest(user, frequency)


def notice(user, title="Your supervisor reviewed your letter", url="/practise/letters/", **fields):
    return Notification.objects.create(recipient=user, kind="review", title=title, url=url, **fields)


def mails_to(user) -> list:
    return [m for m in mail.outbox if m.to == [user.email]]


# --- Immediate ---------------------------------------------------------------------------------


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_immediate_sends_one_email_after_commit(personas, django_capture_on_commit_callbacks):
    choose(personas.trainee, EmailDigest.IMMEDIATE)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        n = notify(personas.trainee, kind="comment", title="Sue commented on your formulation", url="/practise/formulation/1/")
    assert mail.outbox == [] and len(callbacks) == 1  # nothing is sent before the action commits
    callbacks[0]()
    [message] = mail.outbox
    assert message.subject == "You have 1 new notification on Tend"
    assert "Sue commented on your formulation" in message.body
    n.refresh_from_db()
    assert n.emailed_at is not None


@pytest.mark.parametrize("frequency", [None, EmailDigest.DAILY, EmailDigest.WEEKLY, EmailDigest.OFF])
@override_settings(TASKS=IMMEDIATE_TASKS)
def test_only_immediate_enqueues_an_email_on_notify(personas, django_capture_on_commit_callbacks, frequency):
    if frequency:
        choose(personas.trainee, frequency)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notify(personas.trainee, kind="comment", title="A comment", url="/")
    assert callbacks == [] and mail.outbox == []


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_a_rolled_back_action_sends_nothing(personas, django_capture_on_commit_callbacks):
    from django.db import transaction

    choose(personas.trainee, EmailDigest.IMMEDIATE)
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                notify(personas.trainee, kind="comment", title="A comment", url="/")
                raise RuntimeError("the action failed")
        except RuntimeError:
            pass
    assert mail.outbox == [] and not Notification.objects.exists()


def test_immediate_is_not_sent_twice_nor_once_read(personas):
    choose(personas.trainee, EmailDigest.IMMEDIATE)
    n = notice(personas.trainee)
    assert services.send_immediate_email(n.pk) is True
    assert services.send_immediate_email(n.pk) is False
    read = notice(personas.trainee, read_at=timezone.now())
    assert services.send_immediate_email(read.pk) is False
    assert len(mail.outbox) == 1


def test_switching_away_from_immediate_before_the_worker_runs_leaves_it_for_the_digest(personas):
    choose(personas.trainee, EmailDigest.IMMEDIATE)
    n = notice(personas.trainee)
    choose(personas.trainee, EmailDigest.DAILY)
    assert services.send_immediate_email(n.pk) is False
    assert services.send_digests(EmailDigest.DAILY) == 1
    assert len(mail.outbox) == 1


# --- Digests ---------------------------------------------------------------------------------------


def test_daily_digest_reaches_daily_and_default_people_only(personas):
    choose(personas.cohort_peer, EmailDigest.DAILY)
    choose(personas.other_trainee, EmailDigest.WEEKLY)
    choose(personas.supervisor, EmailDigest.OFF)
    choose(personas.trainer, EmailDigest.IMMEDIATE)
    for person in (personas.trainee, personas.cohort_peer, personas.other_trainee, personas.supervisor, personas.trainer):
        notice(person, title="First")
        notice(person, title="Second")
    assert services.send_digests(EmailDigest.DAILY) == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted([personas.trainee.email, personas.cohort_peer.email])
    assert {m.subject for m in mail.outbox} == {"You have 2 new notifications on Tend"}


def test_weekly_digest_reaches_weekly_people_only(personas):
    choose(personas.other_trainee, EmailDigest.WEEKLY)
    notice(personas.other_trainee)
    notice(personas.trainee)  # default: daily
    assert services.send_digests(EmailDigest.WEEKLY) == 1
    assert [m.to for m in mail.outbox] == [[personas.other_trainee.email]]


def test_off_never_emails(personas):
    choose(personas.trainee, EmailDigest.OFF)
    n = notice(personas.trainee)
    assert services.send_digests(EmailDigest.DAILY) == 0
    assert services.send_digests(EmailDigest.WEEKLY) == 0
    assert services.send_immediate_email(n.pk) is False
    assert mail.outbox == []


def test_a_digest_sends_each_notification_once_and_skips_read_ones(personas):
    first = notice(personas.trainee, title="Unread one")
    notice(personas.trainee, title="Already read", read_at=timezone.now())
    assert services.send_digests(EmailDigest.DAILY) == 1
    assert services.send_digests(EmailDigest.DAILY) == 0
    later = notice(personas.trainee, title="Arrived later")
    assert services.send_digests(EmailDigest.DAILY) == 1
    first_mail, second_mail = mails_to(personas.trainee)
    assert "Unread one" in first_mail.body and "Already read" not in first_mail.body
    assert "Arrived later" in second_mail.body and "Unread one" not in second_mail.body
    assert Notification.objects.filter(pk__in=[first.pk, later.pk], emailed_at__isnull=True).count() == 0


def test_a_failed_email_is_released_for_the_next_run_and_does_not_stop_others(personas):
    mine, theirs = notice(personas.trainee), notice(personas.cohort_peer)
    real_send = mail.EmailMultiAlternatives.send

    def fail_for_trainee(message, *args, **kwargs):
        if message.to == [personas.trainee.email]:
            raise ConnectionError("SMTP down")
        return real_send(message, *args, **kwargs)

    with mock.patch.object(mail.EmailMultiAlternatives, "send", fail_for_trainee):
        assert services.send_digests(EmailDigest.DAILY) == 1
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.emailed_at is None and theirs.emailed_at is not None
    assert services.send_digests(EmailDigest.DAILY) == 1  # the next run retries the failed one
    assert len(mails_to(personas.trainee)) == 1 and len(mails_to(personas.cohort_peer)) == 1


def test_digests_are_daily_or_weekly_only(db):
    with pytest.raises(ValueError):
        services.send_digests(EmailDigest.IMMEDIATE)


# --- What an email says ---------------------------------------------------------------------------


@override_settings(TEND_SITE_URL="https://tend.example.org/")
def test_the_email_lists_titles_and_links_but_never_the_private_text(personas):
    entry = JournalEntry.objects.create(owner=personas.trainee, title=PRIVATE_SAMPLE, body=PRIVATE_SAMPLE,
                                        visibility="supervisor")
    n = notify(personas.supervisor, kind="shared", title="Tara shared a journal entry with you",
               url=reverse("journal:detail", args=[entry.pk]), actor=personas.trainee)
    other = notify(personas.supervisor, kind="comment", title="A reply in your cohort's discussion", url="/cohorts/")
    services.send_digests(EmailDigest.DAILY)
    [message] = mail.outbox
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert message.subject == "You have 2 new notifications on Tend"
    for text in (message.subject, message.body, html):
        assert "zqmailprivate" not in text and "ashamed" not in text
    for text in (message.body, html):
        assert "Tara shared a journal entry with you" in text and "A reply in your cohort" in text
        assert f"https://tend.example.org/notifications/{n.pk}/" in text
        assert f"https://tend.example.org/notifications/{other.pk}/" in text
        assert "https://tend.example.org/notifications/preferences/" in text
    assert "&#x27;" in html and "cohort's" in message.body  # HTML escaped, plain text not


def test_links_default_to_the_local_site(personas):
    n = notice(personas.trainee)
    services.send_digests(EmailDigest.DAILY)
    assert f"http://127.0.0.1:8000/notifications/{n.pk}/" in mail.outbox[0].body


def test_a_long_backlog_is_summarised(personas):
    Notification.objects.bulk_create(
        [Notification(recipient=personas.trainee, kind="k", title=f"Notice number {n}", url="/") for n in range(23)]
    )
    services.send_digests(EmailDigest.DAILY)
    [message] = mail.outbox
    assert message.subject == "You have 23 new notifications on Tend"
    assert message.body.count("Notice number") == 20 and "…and 3 more." in message.body
    assert Notification.objects.filter(emailed_at__isnull=True).count() == 0


# --- Tasks, the command and the worker -----------------------------------------------------------


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_the_digest_task_runs_on_the_task_framework(personas):
    notice(personas.trainee)
    result = tasks.send_digests.enqueue(EmailDigest.DAILY)
    assert result.return_value == 1 and len(mail.outbox) == 1


# The worker closes the database connection when it finishes, as in production: that needs
# real transactions (on PostgreSQL a closed connection would end the test's wrapping transaction).
@pytest.mark.django_db(transaction=True)
def test_the_command_queues_work_that_db_worker_batch_sends(personas):
    notice(personas.trainee)
    choose(personas.other_trainee, EmailDigest.WEEKLY)
    notice(personas.other_trainee)
    out = io.StringIO()
    call_command("send_notification_digests", "--frequency", "daily", stdout=out)
    assert "Queued the daily notification emails" in out.getvalue()
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "tend.notifications.tasks.send_digests" and queued.args_kwargs["args"] == ["daily"]
    assert mail.outbox == []
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=io.StringIO(), stderr=io.StringIO())
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL" and queued.return_value == 1
    assert [m.to for m in mail.outbox] == [[personas.trainee.email]]


# The worker closes the database connection when it finishes, as in production: that needs
# real transactions (on PostgreSQL a closed connection would end the test's wrapping transaction).
@pytest.mark.django_db(transaction=True)
def test_db_worker_batch_sends_an_immediate_email_queued_by_notify(personas, django_capture_on_commit_callbacks):
    choose(personas.trainee, EmailDigest.IMMEDIATE)
    with django_capture_on_commit_callbacks(execute=True):
        n = notify(personas.trainee, kind="comment", title="A comment for you", url="/")
    assert DBTaskResult.objects.get().args_kwargs["args"] == [n.pk]  # only the id travels
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=io.StringIO(), stderr=io.StringIO())
    assert [m.subject for m in mail.outbox] == ["You have 1 new notification on Tend"]


def test_the_command_can_send_now(personas):
    choose(personas.trainee, EmailDigest.WEEKLY)
    notice(personas.trainee)
    out = io.StringIO()
    call_command("send_notification_digests", "--frequency", "weekly", "--now", stdout=out)
    assert out.getvalue().strip() == "Sent 1 weekly notification email(s)."
    assert not DBTaskResult.objects.exists()
