"""Drafts: the reply box and the new-thread form autosave, come back, and go once posted."""

import json
from unittest import mock

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tend.core import autosave
from tend.core.audit import AuditEvent
from tend.core.models import ConflictCopy
from tend.discussion.models import Draft, Post, Thread

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def make_thread(p) -> Thread:
    thread = Thread.objects.create(cohort=p.cohort_a, title="Settling before a session", started_by=p.cohort_peer)
    Post.objects.create(thread=thread, author=p.cohort_peer, body="What helps you?", body_html="<p>What helps you?</p>")
    return thread


def reply_draft_url(p, thread):
    return reverse("discussion:reply_draft", args=[p.cohort_a.pk, thread.pk])


def new_draft_url(p):
    return reverse("discussion:new_draft", args=[p.cohort_a.pk])


def autosave_post(client, url, *, version=1, save_id="save-1", **fields):
    return client.post(url, {"base_version": version, "save_id": save_id, **fields})


def test_a_reply_autosaves_and_comes_back_on_the_thread_page(personas):
    p = personas
    thread = make_thread(p)
    client = client_for(p.trainee)
    response = autosave_post(client, reply_draft_url(p, thread), body="Half a thought zqhalfthought")
    assert response.status_code == 200
    answer = response.json()
    assert answer["status"] == "saved" and answer["version"] == 2 and answer["risk"] == "none"
    draft = Draft.objects.get(owner=p.trainee, thread=thread)
    assert draft.body == "Half a thought zqhalfthought" and draft.cohort == p.cohort_a
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Half a thought zqhalfthought</textarea>" in page
    assert 'name="base_version" value="2"' in page and 'aria-live="polite"' in page and "Saved at" in page
    # A retried save (same save_id) is acknowledged, not repeated.
    again = autosave_post(client, reply_draft_url(p, thread), body="Half a thought zqhalfthought")
    assert again.json()["status"] == "replayed"


def test_nobody_else_sees_the_draft(personas):
    p = personas
    thread = make_thread(p)
    autosave_post(client_for(p.trainee), reply_draft_url(p, thread), body="Mine alone zqmydraft")
    for user in (p.cohort_peer, p.supervisor, p.trainer, p.admin):
        page = client_for(user).get(thread.get_absolute_url()).content.decode()
        assert "zqmydraft" not in page, user
    # Someone else's autosave makes their own draft; it never touches the trainee's.
    autosave_post(client_for(p.cohort_peer), reply_draft_url(p, thread), body="Peer's words")
    assert Draft.objects.get(owner=p.trainee).body == "Mine alone zqmydraft"
    assert autosave_post(client_for(p.other_trainee), reply_draft_url(p, thread), body="x").status_code == 404


def test_posting_the_reply_clears_the_draft_with_or_without_htmx(personas):
    p = personas
    thread = make_thread(p)
    client = client_for(p.trainee)
    autosave_post(client, reply_draft_url(p, thread), body="Nearly ready")
    response = client.post(reverse("discussion:reply", args=[p.cohort_a.pk, thread.pk]), {"body": "Ready now"})
    assert response.status_code == 302
    assert not Draft.objects.exists()
    assert "Nearly ready" not in client.get(thread.get_absolute_url()).content.decode()

    autosave_post(client, reply_draft_url(p, thread), body="Second thought")
    response = client.post(reverse("discussion:reply", args=[p.cohort_a.pk, thread.pk]), {"body": "Second thought"},
                           HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    text = response.content.decode()
    assert 'name="base_version" value="1"' in text and "Second thought</textarea>" not in text
    assert not Draft.objects.exists()


def test_a_refused_reply_keeps_the_text_and_the_draft(personas):
    p = personas
    thread = make_thread(p)
    client = client_for(p.trainee)
    autosave_post(client, reply_draft_url(p, thread), body="x" * 20_001)  # drafts may be longer than a post
    response = client.post(reverse("discussion:reply", args=[p.cohort_a.pk, thread.pk]), {"body": "x" * 20_001})
    assert response.status_code == 400 and "x" * 20_001 in response.content.decode()
    assert Draft.objects.get(owner=p.trainee).body == "x" * 20_001
    bad = client.post(reverse("discussion:reply", args=[p.cohort_a.pk, thread.pk]), {"body": ""}, HTTP_HX_REQUEST="true")
    assert bad["HX-Retarget"] == "#reply-form" and 'name="base_version" value="2"' in bad.content.decode()


def test_a_new_thread_draft_keeps_title_and_body_and_goes_when_posted(personas):
    p = personas
    client = client_for(p.trainee)
    response = autosave_post(client, new_draft_url(p), title="A question zqdrafttitle", body="Still thinking")
    assert response.json()["status"] == "saved"
    draft = Draft.objects.get(owner=p.trainee, thread=None)
    assert (draft.title, draft.body) == ("A question zqdrafttitle", "Still thinking")
    page = client.get(reverse("discussion:new", args=[p.cohort_a.pk])).content.decode()
    assert 'value="A question zqdrafttitle"' in page and "Still thinking</textarea>" in page
    assert "zqdrafttitle" not in client_for(p.cohort_peer).get(reverse("discussion:new", args=[p.cohort_a.pk])).content.decode()
    # A reply draft elsewhere is separate, and stays when the thread is posted.
    thread = make_thread(p)
    autosave_post(client, reply_draft_url(p, thread), body="A reply in progress")
    response = client.post(reverse("discussion:new", args=[p.cohort_a.pk]), {"title": "A question", "body": "Still thinking"})
    assert response.status_code == 302
    assert list(Draft.objects.values_list("thread", flat=True)) == [thread.pk]


def test_an_invalid_draft_is_refused_with_a_reason_and_nothing_changes(personas):
    p = personas
    client = client_for(p.trainee)
    response = autosave_post(client, new_draft_url(p), title="t" * 201, body="Kept in the tab")
    assert response.status_code == 400 and "under 200 characters" in json.dumps(response.json())
    assert Draft.objects.get(owner=p.trainee).body == ""


def test_every_autosave_is_screened_and_support_is_the_writers_alone(personas):
    p = personas
    thread = make_thread(p)
    with mock.patch("tend.discussion.services.screen_own_writing", return_value="possible") as screen:
        response = autosave_post(client_for(p.trainee), new_draft_url(p), title="Heavy week", body="Words about me")
        assert response.json()["risk"] == "possible"
        autosave_post(client_for(p.trainee), reply_draft_url(p, thread), body="Reply words")
    texts = [call.kwargs["text"] for call in screen.call_args_list]
    assert texts == ["Heavy week\nWords about me", "Reply words"]
    assert all(call.kwargs["source"] == "discussion" and call.kwargs["next_page"] is False for call in screen.call_args_list)

    writer = client_for(p.cohort_peer)
    answer = autosave_post(writer, reply_draft_url(p, thread), body="I want to kill myself tonight, I have a plan.").json()
    assert answer["risk"] == "high"
    for other in (p.trainee, p.trainer):
        page = client_for(other).get(thread.get_absolute_url()).content.decode()
        assert 'data-support-panel="high"' not in page.replace('data-support-panel="high" hidden', "")


def _conflicted(p, thread=None):
    """Two tabs: the first saves, the second (still on version 1) is kept as a conflict copy."""
    client = client_for(p.trainee)
    url = reply_draft_url(p, thread) if thread else new_draft_url(p)
    extra = {} if thread else {"title": "Tab two title"}
    assert autosave_post(client, url, save_id="tab-one", body="Tab one words", **extra).status_code == 200
    response = autosave_post(client, url, save_id="tab-two", body="Tab two words", **extra)
    assert response.status_code == 409
    return client, response.json()


def test_a_stale_tab_gets_the_compare_page_and_keeps_its_text(personas):
    p = personas
    thread = make_thread(p)
    client, answer = _conflicted(p, thread)
    draft = Draft.objects.get(owner=p.trainee)
    copy = ConflictCopy.objects.get()
    assert answer["status"] == "conflict"
    assert answer["conflict_url"] == reverse("discussion:draft_conflict", args=[p.cohort_a.pk, draft.pk, copy.pk])
    page = client.get(answer["conflict_url"]).content.decode()
    assert "Tab one words" in page and "Tab two words" in page
    response = client.post(answer["conflict_url"], {"keep": "mine"})
    assert response.status_code == 302 and response["Location"] == f"{thread.get_absolute_url()}#reply-form"
    draft.refresh_from_db()
    assert draft.body == "Tab two words" and not autosave.open_conflicts(draft).exists()


def test_publishing_from_one_tab_keeps_the_other_tabs_words_reachable(personas):
    p = personas
    thread = make_thread(p)
    client, answer = _conflicted(p, thread)
    response = client.post(reverse("discussion:reply", args=[p.cohort_a.pk, thread.pk]), {"body": "Tab one words"})
    assert response.status_code in (200, 302)
    draft = Draft.objects.get(owner=p.trainee)  # emptied, not deleted: the other tab's copy refers to it
    assert (draft.title, draft.body) == ("", "")
    page = client.get(answer["conflict_url"]).content.decode()
    assert "Tab two words" in page
    client.post(answer["conflict_url"], {"keep": "mine"})
    draft.refresh_from_db()
    assert draft.body == "Tab two words"
    client.post(reverse("discussion:reply", args=[p.cohort_a.pk, thread.pk]), {"body": "Tab two words"})
    assert not Draft.objects.exists()  # no conflict left: published drafts go


def test_keeping_the_other_tabs_new_thread_draft_keeps_its_title_too(personas):
    p = personas
    client, answer = _conflicted(p)
    Draft.objects.filter(owner=p.trainee).update(title="Tab one title")
    response = client.post(answer["conflict_url"], {"keep": "mine"})
    assert response["Location"] == reverse("discussion:new", args=[p.cohort_a.pk])
    draft = Draft.objects.get(owner=p.trainee)
    assert (draft.title, draft.body) == ("Tab two title", "Tab two words")


def test_a_draft_conflict_is_404_and_audited_for_everyone_else(personas):
    p = personas
    _client, answer = _conflicted(p, make_thread(p))
    for user in (p.cohort_peer, p.supervisor, p.trainer, p.admin, p.other_trainee):
        response = client_for(user).get(answer["conflict_url"])
        assert response.status_code == 404, user
        assert "Tab two words" not in response.content.decode()
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.PERMISSION_DENIED, actor_id=p.trainer.pk).exists()


def test_without_javascript_the_forms_post_as_before(personas):
    p = personas
    thread = make_thread(p)
    client = client_for(p.trainee)
    page = client.get(thread.get_absolute_url()).content.decode()
    # The draft status line waits, hidden, for the script; the form still posts to the reply URL.
    assert 'data-draft-status hidden' in page
    assert f'action="{reverse("discussion:reply", args=[p.cohort_a.pk, thread.pk])}"' in page
    # The hidden autosave fields travel with a plain post and change nothing about it.
    response = client.post(reverse("discussion:reply", args=[p.cohort_a.pk, thread.pk]),
                           {"body": "Plain form", "base_version": "1", "save_id": ""})
    assert response.status_code == 302
    assert [post.body for post in Post.objects.filter(thread=thread)] == ["What helps you?", "Plain form"]
    assert not Draft.objects.exists()


def _queries(client, path) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx)


def test_the_thread_page_with_a_draft_uses_the_same_queries_as_posts_grow(personas):
    p = personas
    thread = make_thread(p)
    client = client_for(p.trainee)
    autosave_post(client, reply_draft_url(p, thread), body="Drafting")
    _queries(client, thread.get_absolute_url())  # warm-up
    few = _queries(client, thread.get_absolute_url())
    now = timezone.now()
    Post.objects.bulk_create([Post(thread=thread, author=p.cohort_peer, body=f"post {n}", body_html=f"<p>post {n}</p>", created_at=now)
                              for n in range(15)])
    autosave_post(client_for(p.cohort_peer), reply_draft_url(p, thread), body="Someone else's draft")
    assert _queries(client, thread.get_absolute_url()) == few
