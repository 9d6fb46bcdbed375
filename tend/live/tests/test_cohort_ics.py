"""One .ics file with all of a cohort's upcoming sessions, offered on the cohort space."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from tend.core import hooks
from tend.live.tests.test_live import make_session, parse


@pytest.fixture(autouse=True)
def only_live_schedule(monkeypatch):
    """The cohort space gathers every app's schedule; here only live sessions matter."""
    every = hooks.hook_functions
    monkeypatch.setattr(
        hooks, "hook_functions",
        lambda module, function: [f for f in every(module, function) if module != "schedule" or f.__module__ == "tend.live.schedule"],
    )


def download(client, cohort):
    return client.get(reverse("live:cohort_ics", args=[cohort.pk]))


def test_the_file_holds_every_upcoming_session_of_the_cohort_and_nothing_else(client, personas):
    now = timezone.now().replace(second=0, microsecond=0)  # calendars keep whole seconds
    cohort = personas.cohort_a
    later = make_session(cohort, start=now + timedelta(days=14), title="Second session", description="zqdescription")
    sooner = make_session(cohort, start=now + timedelta(days=2), title="First session", meeting_url="https://meet.example.org/a")
    under_way = make_session(cohort, start=now - timedelta(minutes=30), title="Happening now")
    make_session(cohort, start=now - timedelta(days=3), title="Already happened")
    make_session(cohort, start=now + timedelta(days=5), title="Called off", cancelled_at=now)
    make_session(personas.cohort_b, start=now + timedelta(days=1), title="Another cohort's")
    client.force_login(personas.trainee)

    response = download(client, cohort)
    assert response["Content-Disposition"] == 'attachment; filename="tend-cohort-a-sessions.ics"'
    events = parse(response)
    assert [str(e["SUMMARY"]) for e in events] == ["Happening now", "First session", "Second session"]
    assert [str(e["UID"]) for e in events] == [under_way.uid, sooner.uid, later.uid]
    first = events[1]
    assert first.decoded("DTSTART") == sooner.starts_at and first.decoded("DTEND") == sooner.ends_at
    assert str(first["LOCATION"]) == "https://meet.example.org/a"
    assert str(first["URL"]) == f"http://testserver{sooner.get_absolute_url()}"
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["X-WR-CALNAME"]) == "Cohort A: live sessions"
    assert b"zqdescription" not in response.content


def test_with_nothing_coming_up_the_file_is_a_valid_empty_calendar(client, personas):
    make_session(personas.cohort_a, start=timezone.now() - timedelta(days=3))
    client.force_login(personas.supervisor)
    assert parse(download(client, personas.cohort_a)) == []


def test_only_the_cohorts_people_may_download_it(client, personas):
    make_session(personas.cohort_a)
    for persona, status in [(personas.other_trainee, 404), (personas.other_supervisor, 404),
                            (personas.cohort_peer, 200), (personas.trainer, 200), (personas.admin, 200)]:
        client.force_login(persona)
        assert download(client, personas.cohort_a).status_code == status


def test_the_download_runs_a_fixed_number_of_queries(client, personas):
    client.force_login(personas.trainee)
    make_session(personas.cohort_a)

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            download(client, personas.cohort_a)
        return len(ctx)

    queries()
    few = queries()
    for n in range(10):
        make_session(personas.cohort_a, start=timezone.now() + timedelta(days=n + 1))
    assert queries() == few
    assert len(parse(download(client, personas.cohort_a))) == 11


def test_the_cohort_space_offers_the_download_only_when_sessions_are_coming(client, personas):
    client.force_login(personas.trainee)
    space = reverse("cohorts:space", args=[personas.cohort_a.pk])
    link = f'href="{reverse("live:cohort_ics", args=[personas.cohort_a.pk])}" download'
    make_session(personas.cohort_a, start=timezone.now() - timedelta(days=3))
    assert link not in client.get(space).content.decode()
    make_session(personas.cohort_a)
    html = client.get(space).content.decode()
    assert link in html and "Download this cohort’s upcoming live sessions (.ics)" in html
