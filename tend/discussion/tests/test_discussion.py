"""Cohort discussion: who sees what, writing and editing, mentions, moderation and reports."""

import tempfile
from datetime import timedelta
from pathlib import Path
from unittest import mock

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone

from tend.core.audit import AuditEvent
from tend.discussion import rendering
from tend.discussion.models import Post, Report, Thread
from tend.notifications.models import Notification

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def url(name, cohort, *args):
    return reverse(f"discussion:{name}", args=[cohort.pk, *args])


def start(p, *, title="How do you settle before a session?", body="I breathe slowly for a minute.", author=None):
    author = author or p.trainee
    response = client_for(author).post(url("new", p.cohort_a), {"title": title, "body": body})
    assert response.status_code == 302, response.content
    return Thread.objects.get(title=title)


def reply(p, thread, user, body):
    return client_for(user).post(url("reply", p.cohort_a, thread.pk), {"body": body})


# --- Access ---------------------------------------------------------------------------------


def test_members_see_threads_and_other_cohorts_get_404(personas):
    p = personas
    thread = start(p, title="Noticing my critic zqtitleword")
    for user in (p.trainee, p.cohort_peer, p.supervisor, p.trainer, p.admin):
        page = client_for(user).get(thread.get_absolute_url())
        assert page.status_code == 200 and "zqtitleword" in page.content.decode(), user
        assert client_for(user).get(url("list", p.cohort_a)).status_code == 200
    for user in (p.other_trainee, p.other_supervisor):
        assert client_for(user).get(thread.get_absolute_url()).status_code == 404
        assert client_for(user).get(url("list", p.cohort_a)).status_code == 404
        assert client_for(user).post(url("reply", p.cohort_a, thread.pk), {"body": "hi"}).status_code == 404
    assert Post.objects.count() == 1


def test_a_thread_asked_for_under_another_cohort_is_404_and_audited(personas):
    p = personas
    thread = start(p)
    response = client_for(p.other_trainee).get(reverse("discussion:thread", args=[p.cohort_b.pk, thread.pk]))
    assert response.status_code == 404
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.PERMISSION_DENIED, actor_id=p.other_trainee.pk).exists()


def test_anonymous_visitors_are_sent_to_sign_in(personas):
    response = Client().get(url("list", personas.cohort_a))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


# --- Writing ----------------------------------------------------------------------------------


def test_a_peer_replies_and_both_posts_show_with_counts_on_the_list(personas):
    p = personas
    thread = start(p)
    response = reply(p, thread, p.cohort_peer, "Thank you, I'll **try** that.")
    assert response.status_code == 302 and response["Location"].endswith(f"#post-{Post.objects.last().pk}")
    page = client_for(p.trainee).get(thread.get_absolute_url()).content.decode()
    assert "I breathe slowly" in page and "<strong>try</strong>" in page and "Pat Peer" in page
    listing = client_for(p.trainee).get(url("list", p.cohort_a)).content.decode()
    assert "1 reply" in listing and "Started by Tara Trainee" in listing


def test_a_reply_that_fails_validation_keeps_nothing_and_shows_why(personas):
    p = personas
    thread = start(p)
    response = reply(p, thread, p.cohort_peer, "   ")
    assert response.status_code == 400
    assert "Please write something before posting." in response.content.decode()
    too_long = "x" * 20_001
    response = reply(p, thread, p.cohort_peer, too_long)
    assert response.status_code == 400 and too_long in response.content.decode()  # the text is kept
    assert Post.objects.count() == 1


def test_a_new_thread_without_a_title_keeps_the_text(personas):
    p = personas
    response = client_for(p.trainee).post(url("new", p.cohort_a), {"title": "", "body": "My words stay here"})
    assert response.status_code == 400
    text = response.content.decode()
    assert "Please give the thread a title." in text and "My words stay here" in text
    assert not Thread.objects.exists()


def test_reply_with_htmx_returns_the_post_and_a_fresh_form(personas):
    p = personas
    thread = start(p)
    response = client_for(p.cohort_peer).post(url("reply", p.cohort_a, thread.pk), {"body": "Posted without reload"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Posted without reload" in text and 'hx-swap-oob="true"' in text
    bad = client_for(p.cohort_peer).post(url("reply", p.cohort_a, thread.pk), {"body": ""}, HTTP_HX_REQUEST="true")
    assert bad.status_code == 200 and bad["HX-Retarget"] == "#reply-form" and "Please write something" in bad.content.decode()


def test_module_threads_are_made_when_first_opened_once_per_cohort(personas):
    from tend.learn import loader
    from tend.learn.content import read_curriculum
    from tend.learn.tests.sample_content import write_curriculum

    p = personas
    loader.load(read_curriculum(write_curriculum(Path(tempfile.mkdtemp()) / "content", modules=1)))
    listing = client_for(p.trainee).get(url("list", p.cohort_a)).content.decode()
    assert "Module 1" in listing and "No posts yet" in listing
    first = client_for(p.trainee).get(url("module", p.cohort_a, "module-1"))
    second = client_for(p.trainer).get(url("module", p.cohort_a, "module-1"))
    assert first["Location"] == second["Location"]
    assert Thread.objects.filter(module__slug="module-1", cohort=p.cohort_a).count() == 1
    assert client_for(p.trainee).get(url("module", p.cohort_a, "no-such-module")).status_code == 404
    assert client_for(p.other_trainee).get(url("module", p.cohort_a, "module-1")).status_code == 404


def test_every_post_and_edit_is_screened_and_only_the_writer_sees_support(personas):
    p = personas
    thread = start(p)
    with mock.patch("tend.discussion.services.screen_own_writing", return_value="none") as screen:
        reply(p, thread, p.trainee, "My own words")
        post = Post.objects.last()
        client_for(p.trainee).post(url("edit", p.cohort_a, post.pk), {"body": "My own words, edited"})
    texts = [call.kwargs["text"] for call in screen.call_args_list]
    assert texts == ["My own words", "My own words, edited"]
    assert all(call.kwargs["source"] == "discussion" for call in screen.call_args_list)

    writer = client_for(p.cohort_peer)
    writer.post(url("reply", p.cohort_a, thread.pk), {"body": "I want to kill myself tonight, I have a plan."})
    assert "high" in _shown_panels(writer.get(thread.get_absolute_url()).content.decode())
    for other in (p.trainee, p.trainer):
        page = client_for(other).get(thread.get_absolute_url()).content.decode()
        assert _shown_panels(page) == [], other


def _shown_panels(page: str) -> list[str]:
    """Support panels shown on the page; the hidden ones waiting for this reader's own autosave don't count."""
    return [level for level in ("high", "possible")
            if f'data-support-panel="{level}"' in page.replace(f'data-support-panel="{level}" hidden', "")]


def test_the_thread_title_is_screened_with_the_opening_post(personas):
    with mock.patch("tend.discussion.services.screen_own_writing", return_value="none") as screen:
        start(personas, title="A hard week", body="Opening words")
    assert screen.call_args.kwargs["text"] == "A hard week\nOpening words"


# --- Sanitising -------------------------------------------------------------------------------


def test_script_tags_javascript_links_images_and_raw_html_are_made_harmless(personas):
    p = personas
    thread = start(p, body='<script>alert("x")</script> [click](javascript:alert(1)) ![img](https://e.org/a.png) <b onclick="x">raw</b> [ok](https://example.org)')
    html = Post.objects.get(thread=thread).body_html
    assert "<script" not in html and "javascript:" not in html and "<img" not in html and "<b " not in html
    assert "&lt;script&gt;" in html  # shown as typed
    assert '<a href="https://example.org" rel="nofollow noopener">ok</a>' in html
    page = client_for(p.cohort_peer).get(thread.get_absolute_url()).content.decode()
    assert '<script>alert("x")</script>' not in page


def test_rendering_keeps_headings_out_of_the_page_outline():
    assert rendering.render("# Big\n\ntext") == "<p><strong>Big</strong></p>\n<p>text</p>"


# --- Mentions -----------------------------------------------------------------------------------


def test_a_mention_notifies_the_member_without_quoting_the_post(personas):
    p = personas
    thread = start(p, title="Settling")
    reply(p, thread, p.trainee, "@Pat Peer what helps you? secretword about my week. Also @Olu Other and @Tara Trainee")
    post = Post.objects.last()
    notes = list(Notification.objects.all())
    assert [n.recipient for n in notes] == [p.cohort_peer]  # not another cohort's person, not myself
    note = notes[0]
    assert note.title == "Tara Trainee mentioned you in ‘Settling’" and "secretword" not in note.title
    assert note.url.endswith(f"#post-{post.pk}") and note.actor == p.trainee
    assert '<span class="mention">@Pat Peer</span>' in post.body_html


def test_an_edit_notifies_only_people_newly_mentioned(personas):
    p = personas
    thread = start(p)
    reply(p, thread, p.trainee, "Thanks @Pat Peer")
    post = Post.objects.last()
    client_for(p.trainee).post(url("edit", p.cohort_a, post.pk), {"body": "Thanks @Pat Peer and @Tom Trainer"})
    assert sorted(n.recipient.display_name for n in Notification.objects.all()) == ["Pat Peer", "Tom Trainer"]


def test_longer_names_win_over_their_prefixes():
    class Person:
        def __init__(self, name):
            self.display_name = name

    sam, sam_o = Person("Sam"), Person("Sam Okafor")
    assert rendering.mentioned("hi @Sam Okafor", [sam, sam_o]) == [sam_o]
    assert rendering.mentioned("hi @Sam and @sam okafor", [sam, sam_o]) == [sam_o, sam]
    assert rendering.mentioned("email sam@Sam.org", [sam]) == []


# --- Editing and removing -----------------------------------------------------------------------


def test_authors_edit_within_the_window_and_edited_is_shown(personas):
    p = personas
    thread = start(p)
    post = Post.objects.get(thread=thread)
    assert client_for(p.trainee).get(url("edit", p.cohort_a, post.pk)).status_code == 200
    client_for(p.trainee).post(url("edit", p.cohort_a, post.pk), {"body": "Second thoughts"})
    post.refresh_from_db()
    assert post.body == "Second thoughts" and post.edited_at is not None
    assert "edited" in client_for(p.cohort_peer).get(thread.get_absolute_url()).content.decode()


@override_settings(TEND_DISCUSSION_EDIT_MINUTES=5)
def test_editing_closes_when_the_window_has_passed(personas):
    p = personas
    thread = start(p)
    post = Post.objects.get(thread=thread)
    Post.objects.filter(pk=post.pk).update(created_at=timezone.now() - timedelta(minutes=6))
    client = client_for(p.trainee)
    response = client.post(url("edit", p.cohort_a, post.pk), {"body": "Too late"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.body == "I breathe slowly for a minute." and post.edited_at is None
    page = client.get(response["Location"]).content.decode()
    assert "edited for 5 minutes" in page and url("edit", p.cohort_a, post.pk) not in page


def test_only_the_author_may_edit_or_remove(personas):
    p = personas
    thread = start(p)
    post = Post.objects.get(thread=thread)
    for user in (p.cohort_peer, p.trainer, p.admin, p.other_trainee):
        client = client_for(user)
        assert client.get(url("edit", p.cohort_a, post.pk)).status_code == 404
        assert client.post(url("edit", p.cohort_a, post.pk), {"body": "x"}).status_code == 404
        assert client.post(url("delete", p.cohort_a, post.pk)).status_code == 404
    post.refresh_from_db()
    assert post.body == "I breathe slowly for a minute." and post.removed_at is None


def test_a_removed_post_shows_a_note_to_everyone_and_cannot_be_edited(personas):
    p = personas
    thread = start(p, body="zqremovedword")
    post = Post.objects.get(thread=thread)
    client_for(p.trainee).post(url("delete", p.cohort_a, post.pk))
    for user in (p.trainee, p.cohort_peer, p.trainer, p.admin):
        page = client_for(user).get(thread.get_absolute_url()).content.decode()
        assert "This post was removed by its author." in page and "zqremovedword" not in page
    assert client_for(p.trainee).post(url("edit", p.cohort_a, post.pk), {"body": "back"}).status_code == 302
    post.refresh_from_db()
    assert post.body == "zqremovedword"  # kept in the database, never shown


# --- Moderation -----------------------------------------------------------------------------------


def test_trainers_hide_posts_the_author_still_sees_their_text(personas):
    p = personas
    thread = start(p, body="zqhiddenword")
    post = Post.objects.get(thread=thread)
    assert client_for(p.trainer).post(url("hide", p.cohort_a, post.pk)).status_code == 302
    peer_page = client_for(p.cohort_peer).get(thread.get_absolute_url()).content.decode()
    assert "Hidden by a trainer." in peer_page and "zqhiddenword" not in peer_page
    own_page = client_for(p.trainee).get(thread.get_absolute_url()).content.decode()
    assert "zqhiddenword" in own_page and "A trainer has hidden this post" in own_page
    client_for(p.admin).post(url("hide", p.cohort_a, post.pk), {"hidden": "0"})
    assert "zqhiddenword" in client_for(p.cohort_peer).get(thread.get_absolute_url()).content.decode()


def test_only_trainers_and_admins_pin_lock_and_hide(personas):
    p = personas
    thread = start(p)
    post = Post.objects.get(thread=thread)
    for user in (p.trainee, p.cohort_peer, p.supervisor, p.other_trainee):
        client = client_for(user)
        assert client.post(url("pin", p.cohort_a, thread.pk)).status_code == 404
        assert client.post(url("lock", p.cohort_a, thread.pk)).status_code == 404
        assert client.post(url("hide", p.cohort_a, post.pk)).status_code == 404
        assert client.get(url("reports", p.cohort_a)).status_code == 404
    thread.refresh_from_db()
    post.refresh_from_db()
    assert not thread.pinned and not thread.locked and post.hidden_at is None


def test_pinned_threads_come_first(personas):
    p = personas
    older = start(p, title="Older thread")
    start(p, title="Newer thread")
    client_for(p.trainer).post(url("pin", p.cohort_a, older.pk))
    listing = client_for(p.cohort_peer).get(url("list", p.cohort_a)).content.decode()
    assert listing.index("Older thread") < listing.index("Newer thread")
    assert "Pinned" in listing


def test_a_locked_thread_refuses_member_replies_but_keeps_their_text(personas):
    p = personas
    thread = start(p)
    client_for(p.trainer).post(url("lock", p.cohort_a, thread.pk))
    response = reply(p, thread, p.cohort_peer, "My late reply")
    assert response.status_code == 400
    text = response.content.decode()
    assert "locked by a trainer" in text and "My late reply" in text
    assert reply(p, thread, p.trainer, "A closing note from the trainer").status_code == 302
    assert Post.objects.filter(thread=thread).count() == 2
    client_for(p.trainer).post(url("lock", p.cohort_a, thread.pk), {"locked": "0"})
    assert reply(p, thread, p.cohort_peer, "Now it is open").status_code == 302


# --- Reports ------------------------------------------------------------------------------------------


def test_report_flow_trainer_is_told_sees_the_queue_and_resolves(personas):
    p = personas
    thread = start(p, title="Reported thread", body="zqreportedword")
    post = Post.objects.get(thread=thread)
    peer = client_for(p.cohort_peer)
    assert peer.get(url("report", p.cohort_a, post.pk)).status_code == 200
    empty = peer.post(url("report", p.cohort_a, post.pk), {"reason": ""})
    assert empty.status_code == 400 and "Please say briefly" in empty.content.decode()
    assert peer.post(url("report", p.cohort_a, post.pk), {"reason": "This names a client zqreason"}).status_code == 302
    note = Notification.objects.get(recipient=p.trainer)
    assert note.title == "A post in ‘Reported thread’ was reported" and note.url == url("reports", p.cohort_a)
    queue = client_for(p.trainer).get(url("reports", p.cohort_a)).content.decode()
    assert "zqreason" in queue and "zqreportedword" in queue and "Pat Peer" in queue
    report = Report.objects.get()
    assert client_for(p.trainer).post(url("resolve", p.cohort_a, report.pk), {"action": "hide"}).status_code == 302
    report.refresh_from_db()
    post.refresh_from_db()
    assert report.resolved_by == p.trainer and post.hidden_by == p.trainer
    assert "No reports waiting" in client_for(p.trainer).get(url("reports", p.cohort_a)).content.decode()


def test_resolving_without_hiding_keeps_the_post(personas):
    p = personas
    thread = start(p)
    post = Post.objects.get(thread=thread)
    client_for(p.cohort_peer).post(url("report", p.cohort_a, post.pk), {"reason": "Unsure about this"})
    report = Report.objects.get()
    assert client_for(p.cohort_peer).post(url("resolve", p.cohort_a, report.pk)).status_code == 404
    client_for(p.admin).post(url("resolve", p.cohort_a, report.pk), {"action": "keep"})
    report.refresh_from_db()
    post.refresh_from_db()
    assert report.resolved_at is not None and post.hidden_at is None


def test_a_report_reason_is_never_shown_to_the_author_or_peers(personas):
    p = personas
    thread = start(p)
    post = Post.objects.get(thread=thread)
    client_for(p.cohort_peer).post(url("report", p.cohort_a, post.pk), {"reason": "zqsecretreason"})
    for user in (p.trainee, p.cohort_peer, p.supervisor):
        assert "zqsecretreason" not in client_for(user).get(thread.get_absolute_url()).content.decode()


# --- Constant queries ---------------------------------------------------------------------------------


def _queries(client, path) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx)


def test_thread_and_list_pages_use_the_same_queries_as_posts_grow(personas):
    p = personas
    thread = start(p)
    reply(p, thread, p.cohort_peer, "One reply @Tara Trainee")
    client = client_for(p.trainer)
    _queries(client, thread.get_absolute_url())  # warm-up: the first request of a session does one-off work
    few_thread = _queries(client, thread.get_absolute_url())
    few_list = _queries(client, url("list", p.cohort_a))
    client_for(p.cohort_peer).post(url("report", p.cohort_a, Post.objects.first().pk), {"reason": "r"})
    few_reports = _queries(client, url("reports", p.cohort_a))
    authors = [p.trainee, p.cohort_peer, p.supervisor, p.trainer]
    now = timezone.now()
    Post.objects.bulk_create([Post(thread=thread, author=authors[n % 4], body=f"post {n}", body_html=f"<p>post {n}</p>",
                                   created_at=now, hidden_at=now if n % 5 == 0 else None) for n in range(19)])
    for n in range(10):
        other = Thread.objects.create(cohort=p.cohort_a, title=f"Thread {n}", started_by=authors[n % 4])
        Post.objects.create(thread=other, author=authors[n % 4], body="x", body_html="<p>x</p>")
    for post in Post.objects.all()[:10]:
        Report.objects.create(post=post, reporter=p.cohort_peer, reason="again")
    assert _queries(client, thread.get_absolute_url()) == few_thread
    assert _queries(client, url("list", p.cohort_a)) == few_list
    assert _queries(client, url("reports", p.cohort_a)) == few_reports
