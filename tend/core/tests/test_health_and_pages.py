from unittest import mock

import pytest
from django.db.utils import OperationalError
from django.urls import reverse


@pytest.mark.django_db
def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_does_not(client):
    with mock.patch("tend.core.views._ping_database", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("journal:list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_home_shows_a_trainee_what_to_do_next(client, trainee):
    client.force_login(trainee)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert b"Write your first journal entry" in response.content
    assert b"Skip to main content" in response.content


def test_unknown_page_gets_the_helpful_404(client, trainee):
    client.force_login(trainee)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"We couldn" in response.content


def test_the_500_page_renders_even_when_the_request_context_would_fail(rf):
    from tend.core.views import error_500

    request = rf.get("/")  # no session, no user: as when the database is down
    response = error_500(request)
    assert response.status_code == 500
    assert b"Something went wrong on our side" in response.content
