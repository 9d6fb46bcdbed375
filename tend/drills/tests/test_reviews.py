"""Review by people: sharing, rubric ratings by a supervisor or cohort peer, agreement with the engine,
anonymity, notifications, and the consented, pseudonymised label export."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tend.drills import reviews, services
from tend.drills.models import DrillAttempt, DrillReview
from tend.notifications.models import Notification

REPLY = "That sounds so hard zqreplytext. What happened next?"


@pytest.fixture
def attempt(trainee):
    skill = services.skills()[0]
    made = services.start_attempt(trainee, skill)
    DrillAttempt.objects.filter(pk=made.pk).update(reply=REPLY, score=3.2, engine_flags=["premature_advice"])
    made.refresh_from_db()
    return made


def share(client, attempt, visibility, **extra):
    return client.post(reverse("drills:share", args=[attempt.pk]), {"visibility": visibility, **extra})


def test_a_reply_is_private_until_shared(client, personas, attempt):
    for name in ("supervisor", "cohort_peer", "trainer", "admin", "other_supervisor"):
        client.force_login(getattr(personas, name))
        assert client.get(reverse("drills:review", args=[attempt.pk])).status_code == 404
        assert "zqreplytext" not in client.get(reverse("drills:shared")).content.decode()


def test_sharing_with_the_supervisor_asks_them_and_lets_only_them_review(client, personas, attempt):
    client.force_login(personas.trainee)
    assert share(client, attempt, "supervisor").status_code == 302
    attempt.refresh_from_db()
    assert attempt.visibility == "supervisor" and attempt.shared_at is not None
    note = Notification.objects.get(recipient=personas.supervisor)
    assert note.url == reverse("drills:review", args=[attempt.pk]) and "zqreplytext" not in note.title
    for name in ("cohort_peer", "other_supervisor", "trainer", "admin"):
        client.force_login(getattr(personas, name))
        assert client.get(reverse("drills:review", args=[attempt.pk])).status_code == 404
    client.force_login(personas.supervisor)
    page = client.get(reverse("drills:shared")).content.decode()
    assert personas.trainee.display_name in page
    response = client.post(reverse("drills:review", args=[attempt.pk]),
                           {"overall": "2", "flags": ["premature_advice", "minimising"], "comment": "Slow down zqcomment"})
    assert response.status_code == 302
    review = DrillReview.objects.get(attempt=attempt)
    assert (review.overall, review.flags, review.reviewer) == (2, ["minimising", "premature_advice"], personas.supervisor)
    assert Notification.objects.filter(recipient=personas.trainee, kind="drill_reviewed").exists()


def test_the_writer_sees_where_engine_and_reviewer_agreed_and_differed(client, personas, attempt):
    attempt.visibility = "supervisor"
    attempt.save()
    DrillReview.objects.create(attempt=attempt, reviewer=personas.supervisor, overall=1,
                               flags=["premature_advice", "judgmental"], comment="zqcomment")
    client.force_login(personas.trainee)
    page = client.get(reverse("drills:attempt", args=[attempt.pk])).content.decode()
    assert "zqcomment" in page and "differ by more than a point" in page
    assert "Both noticed" in page and "Only the reviewer noticed" in page and "Sounds judgemental" in page
    agreement = reviews.compare(attempt, DrillReview.objects.get())
    assert agreement.verdict == "differed" and agreement.engine_overall == 3.2


@pytest.mark.parametrize(("engine", "human", "verdict"), [(3.2, 3, "agreed"), (2.2, 3, "close"), (0.5, 3, "differed"), (None, 3, "no engine score")])
def test_agreement_verdicts(engine, human, verdict):
    attempt = DrillAttempt(score=engine, engine_flags=[])
    assert reviews.compare(attempt, DrillReview(overall=human, flags=[])).verdict == verdict


def test_an_invalid_review_keeps_the_comment(client, personas, attempt):
    attempt.visibility = "supervisor"
    attempt.save()
    client.force_login(personas.supervisor)
    response = client.post(reverse("drills:review", args=[attempt.pk]), {"comment": "Keep me zqkeep"})
    assert response.status_code == 400
    assert "Keep me zqkeep" in response.content.decode() and not DrillReview.objects.exists()


def test_cohort_sharing_can_hide_the_writers_name_from_peers_not_the_supervisor(client, personas, attempt):
    client.force_login(personas.trainee)
    share(client, attempt, "cohort", anonymous="on")
    attempt.refresh_from_db()
    assert attempt.shared_cohort == personas.cohort_a and attempt.anonymous_to_cohort
    client.force_login(personas.cohort_peer)
    page = client.get(reverse("drills:review", args=[attempt.pk])).content.decode()
    assert "zqreplytext" in page and "A member of your cohort" in page and personas.trainee.display_name not in page
    client.force_login(personas.supervisor)
    assert personas.trainee.display_name in client.get(reverse("drills:review", args=[attempt.pk])).content.decode()
    client.force_login(personas.other_trainee)
    assert client.get(reverse("drills:review", args=[attempt.pk])).status_code == 404


def test_making_it_private_again_withdraws_access(client, personas, attempt):
    client.force_login(personas.trainee)
    share(client, attempt, "supervisor")
    share(client, attempt, "private")
    client.force_login(personas.supervisor)
    assert client.get(reverse("drills:review", args=[attempt.pk])).status_code == 404


def test_label_export_has_only_consented_ratings_and_no_names(client, personas, attempt):
    skill = services.skills()[0]
    other = services.start_attempt(personas.trainee, skill)
    for item, consent in ((attempt, True), (other, False)):
        DrillAttempt.objects.filter(pk=item.pk).update(visibility="supervisor", label_consent=consent)
        DrillReview.objects.create(attempt=item, reviewer=personas.supervisor, overall=3, flags=[], comment="zqcomment")
    client.force_login(personas.admin)
    response = client.get(reverse("drills:label_export"))
    body = b"".join(response.streaming_content).decode()
    rows = [json.loads(line) for line in body.splitlines()]
    assert len(rows) == 1 and rows[0]["text"] == REPLY and rows[0]["overall"] == 3 and rows[0]["engine_overall"] == 3.2
    for secret in (personas.trainee.email, personas.trainee.display_name, personas.supervisor.email, "zqcomment"):
        assert secret not in body
    assert rows[0]["writer"] == reviews.pseudonym("writer", personas.trainee.pk)
    client.force_login(personas.trainer)
    assert client.get(reverse("drills:label_export")).status_code == 403


def test_the_review_queue_runs_a_constant_number_of_queries(client, personas):
    skill = services.skills()[0]

    def add(n):
        for _ in range(n):
            item = services.start_attempt(personas.trainee, skill)
            DrillAttempt.objects.filter(pk=item.pk).update(visibility="supervisor")
            DrillReview.objects.create(attempt=item, reviewer=personas.supervisor, overall=2)

    client.force_login(personas.supervisor)
    add(2)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("drills:shared"))
    add(20)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("drills:shared"))
    assert len(many) == len(few)
