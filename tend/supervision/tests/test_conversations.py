"""Replies under supervision comments, and commented passages highlighted in the item's text."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tend.cohorts.models import SupervisorAssignment
from tend.core.models import Visibility
from tend.letters.models import Letter
from tend.notifications.models import Notification
from tend.safety.models import ScreenEvent
from tend.supervision import services
from tend.supervision.highlight import Placed, highlight
from tend.supervision.models import CommentReply

LETTER = "Dear me,\nOf course today hurt. You cared so much.\nTomorrow, one small step."


@pytest.fixture
def shared_letter(personas):
    return Letter.objects.create(owner=personas.trainee, title="After a hard day", body=LETTER, visibility=Visibility.SUPERVISOR)


@pytest.fixture
def comment(personas, shared_letter):
    return services.add_comment(shared_letter, personas.supervisor, body="Such warmth here", quote="You cared so much.")


def item_url(item):
    return reverse("supervision:item", args=["letter", item.pk])


def reply_url(item, comment):
    return reverse("supervision:reply", args=["letter", item.pk, comment.pk])


def item_text_html(page: str) -> str:
    return re.search(r'<div id="item-text"[^>]*>(.*?)</div>', page, re.S).group(1)


# --- Replies ------------------------------------------------------------------------------------


def test_the_owner_replies_and_their_supervisor_is_told_without_the_words(client, personas, shared_letter, comment):
    Notification.objects.all().delete()
    client.force_login(personas.trainee)
    response = client.post(reply_url(shared_letter, comment), {"body": "Thank you, that landed gently."})
    assert response.status_code == 302 and response["Location"] == f"{item_url(shared_letter)}#comment-{comment.pk}"
    reply = CommentReply.objects.get()
    assert (reply.comment, reply.author, reply.body) == (comment, personas.trainee, "Thank you, that landed gently.")
    notice = Notification.objects.get()
    assert notice.recipient == personas.supervisor and notice.url.endswith(f"#comment-{comment.pk}")
    assert notice.title == "Your supervisee replied to your comment on their letter"
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM supervision_commentreply")
        assert "landed" not in cursor.fetchone()[0]  # encrypted at rest

    client.force_login(personas.supervisor)
    page = client.get(item_url(shared_letter)).content.decode()
    assert "Thank you, that landed gently." in page and "Send reply" in page


def test_the_supervisor_answers_back_and_the_owner_is_told(client, personas, shared_letter, comment):
    Notification.objects.all().delete()
    client.force_login(personas.supervisor)
    assert client.post(reply_url(shared_letter, comment), {"body": "Glad it helped."}).status_code == 302
    notice = Notification.objects.get()
    assert notice.recipient == personas.trainee and "Glad" not in notice.title
    client.force_login(personas.trainee)
    assert "Glad it helped." in client.get(item_url(shared_letter)).content.decode()
    assert "Glad it helped." in client.get(reverse("supervision:feedback")).content.decode()


def test_the_owners_reply_is_screened_and_the_supervisors_is_not(client, personas, shared_letter, comment):
    risky = "Honestly, I have been saving my tablets and I know how I'd do it."
    client.force_login(personas.trainee)
    client.post(reply_url(shared_letter, comment), {"body": risky})
    assert list(ScreenEvent.objects.values_list("source", flat=True)) == ["supervision"]
    assert CommentReply.objects.get().body == risky  # kept in full
    client.force_login(personas.supervisor)
    client.post(reply_url(shared_letter, comment), {"body": risky})
    assert ScreenEvent.objects.count() == 1


@pytest.mark.parametrize("who", ["other_supervisor", "cohort_peer", "other_trainee", "trainer", "admin"])
def test_nobody_else_can_reply(client, personas, shared_letter, comment, who):
    client.force_login(getattr(personas, who))
    assert client.post(reply_url(shared_letter, comment), {"body": "Hello"}).status_code == 404
    assert not CommentReply.objects.exists()


def test_a_comment_from_another_item_answers_404(client, personas, shared_letter, comment):
    other = Letter.objects.create(owner=personas.trainee, body="Another", visibility=Visibility.SUPERVISOR)
    client.force_login(personas.trainee)
    assert client.post(reply_url(other, comment), {"body": "Hello"}).status_code == 404
    assert client.get(reply_url(shared_letter, comment)).status_code == 405
    assert not CommentReply.objects.exists()


def test_an_empty_or_too_long_reply_is_refused_and_what_was_typed_is_kept(client, personas, shared_letter, comment):
    client.force_login(personas.trainee)
    response = client.post(reply_url(shared_letter, comment), {"body": "  "})
    assert response.status_code == 400 and "Write a reply before sending it." in response.content.decode()
    long_reply = "Something I want to say carefully. " * 80
    page = client.post(reply_url(shared_letter, comment), {"body": long_reply}).content.decode()
    assert "Keep a reply to 2000 characters or fewer" in page and "Something I want to say carefully." in page
    assert '<details class="reply-form" open>' in page
    assert not CommentReply.objects.exists()


def test_replies_pause_while_the_item_is_private_again(client, personas, shared_letter, comment):
    shared_letter.visibility = Visibility.PRIVATE
    shared_letter.save()
    Notification.objects.all().delete()
    client.force_login(personas.trainee)
    page = client.get(item_url(shared_letter)).content.decode()
    assert "Send reply" not in page and "replies are paused" in page
    response = client.post(reply_url(shared_letter, comment), {"body": "Still thinking about this"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Share it with your supervisor again" in html and "Still thinking about this" in html
    assert not CommentReply.objects.exists() and not Notification.objects.exists()


def test_a_former_supervisor_is_not_told_of_a_reply(personas, shared_letter, comment):
    SupervisorAssignment.objects.filter(supervisor=personas.supervisor, trainee=personas.trainee).delete()
    Notification.objects.all().delete()
    services.add_reply(shared_letter, comment, personas.trainee, body="Thanks")
    assert not Notification.objects.exists()


def test_review_page_queries_stay_constant_as_comments_and_replies_grow(client, personas, shared_letter):
    client.force_login(personas.supervisor)

    def add(n):
        for _ in range(n):
            found = services.add_comment(shared_letter, personas.supervisor, body="c", quote="one small step")
            services.add_reply(shared_letter, found, personas.trainee, body="r")
            services.add_reply(shared_letter, found, personas.supervisor, body="s")

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(item_url(shared_letter)).status_code == 200
        return len(ctx)

    add(1)
    queries()  # warm-up
    few = queries()
    add(10)
    assert queries() == few


# --- Highlighted passages ---------------------------------------------------------------------------


def test_highlight_escapes_the_text_and_marks_one_passage():
    html, anchors = highlight("a <b>bold</b> & c", [Placed(7, 1, 2, 13)])
    assert html == ('a <mark id="passage-7" class="passage" tabindex="-1">&lt;b&gt;bold&lt;/b&gt;</mark>'
                    '<a class="passage-ref" href="#comment-7" data-number="1" aria-label="Go to comment 1"></a> &amp; c')
    assert anchors == {7: "passage-7"}


def test_overlapping_passages_are_cut_into_pieces_each_linked_once():
    html, anchors = highlight("abcdefghij", [Placed(1, 1, 0, 6), Placed(2, 2, 3, 9), Placed(3, 3, 3, 5)])
    assert anchors == {1: "passage-1", 2: "passage-2", 3: "passage-2"}  # 2 and 3 start together: one target
    pieces = re.findall(r"<mark([^>]*)>([^<]*)</mark>", html)
    assert [text for _attrs, text in pieces] == ["abc", "de", "f", "ghi"]
    assert ["passage--overlap" in attrs for attrs, _text in pieces] == [False, True, True, False]
    assert html.count('id="passage-2"') == 1
    refs = re.findall(r'href="#comment-(\d+)"', html)
    assert refs == ["3", "1", "2"]  # each after its passage's last piece
    assert re.sub(r"<[^>]+>", "", html) == "abcdefghij"  # the characters themselves are untouched


def test_the_review_page_marks_passages_and_links_both_ways(client, personas, shared_letter):
    first = services.add_comment(shared_letter, personas.supervisor, body="Yes", quote="You cared so much.")
    whole = services.add_comment(shared_letter, personas.supervisor, body="Overall lovely")
    client.force_login(personas.trainee)
    page = client.get(item_url(shared_letter)).content.decode()
    text = item_text_html(page)
    assert f'<mark id="passage-{first.pk}" class="passage" tabindex="-1">You cared so much.</mark>' in text
    assert f'href="#comment-{first.pk}"' in text and f'href="#comment-{whole.pk}"' not in text
    assert f'href="#passage-{first.pk}"' in page and f'id="comment-{first.pk}"' in page
    assert "Comment 1" in page and "Comment 2" in page
    assert re.sub(r"<[^>]+>", "", text) == LETTER


def test_a_passage_edited_away_falls_back_to_the_quote_list(client, personas, shared_letter, comment):
    shared_letter.body = "Dear me,\nToday was long. You cared so very much.\nOne small step."
    shared_letter.save()
    client.force_login(personas.supervisor)
    page = client.get(item_url(shared_letter)).content.decode()
    assert "<mark" not in item_text_html(page)
    assert "You cared so much." in page and "The text has changed since this comment" in page
    assert f'href="#passage-{comment.pk}"' not in page


def test_a_passage_that_moved_is_not_marked_at_its_old_place(client, personas, shared_letter, comment):
    shared_letter.body = "Hello. " + LETTER  # same words, seven characters later
    shared_letter.save()
    client.force_login(personas.supervisor)
    assert "<mark" not in item_text_html(client.get(item_url(shared_letter)).content.decode())


def test_text_with_markup_is_escaped_on_the_review_page(client, personas):
    letter = Letter.objects.create(owner=personas.trainee, body="<script>alert(1)</script> & kindness",
                                   visibility=Visibility.SUPERVISOR)
    services.add_comment(letter, personas.supervisor, body="Hm", quote="kindness")
    client.force_login(personas.supervisor)
    text = item_text_html(client.get(item_url(letter)).content.decode())
    assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark" in text
