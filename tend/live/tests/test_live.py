from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from tend.core.hooks import gather
from tend.live import cpd, schedule
from tend.live.models import Attendance, CalendarFeed, LiveSession

FORM = {"title": "Soothing rhythm practice", "date": "2030-01-15", "start_time": "18:00", "end_time": "19:30",
        "time_zone": "America/New_York", "description": "Bring a cushion.", "meeting_url": "https://meet.example.org/x",
        "materials": "[Reading](https://example.org/reading)"}


def make_session(cohort, *, start=None, hours=1.5, **fields) -> LiveSession:
    start = start or timezone.now() + timedelta(days=3)
    return LiveSession.objects.create(
        cohort=cohort, title=fields.pop("title", "Cohort practice"), starts_at=start,
        ends_at=start + timedelta(hours=hours), time_zone="Europe/London", **fields,
    )


def parse(response) -> list:
    assert response["Content-Type"].startswith("text/calendar")
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return Calendar.from_ical(content).walk("VEVENT")


# --- Scheduling and time zones -------------------------------------------------------------


def test_the_form_defaults_to_the_trainers_own_time_zone(client, personas):
    personas.trainer.time_zone = "Australia/Sydney"
    personas.trainer.save()
    client.force_login(personas.trainer)
    response = client.get(reverse("live:create", args=[personas.cohort_a.pk]))
    assert response.context["form"]["time_zone"].value() == "Australia/Sydney"


def test_a_local_time_in_the_chosen_zone_is_stored_in_utc(client, personas):
    client.force_login(personas.trainer)
    response = client.post(reverse("live:create", args=[personas.cohort_a.pk]), FORM)
    session = LiveSession.objects.get()
    assert response["Location"] == reverse("live:detail", args=[session.pk])
    # New York is UTC-5 in January: 18:00 there is 23:00 UTC.
    assert session.starts_at == datetime(2030, 1, 15, 23, 0, tzinfo=UTC)
    assert session.ends_at == datetime(2030, 1, 16, 0, 30, tzinfo=UTC)
    assert session.created_by == personas.trainer


def test_summer_time_is_taken_into_account(client, personas):
    client.force_login(personas.trainer)
    client.post(reverse("live:create", args=[personas.cohort_a.pk]), FORM | {"date": "2030-07-15"})
    assert LiveSession.objects.get().starts_at == datetime(2030, 7, 15, 22, 0, tzinfo=UTC)  # UTC-4 in July


def test_each_person_sees_the_time_in_their_own_zone_with_its_name(client, personas):
    session = make_session(personas.cohort_a, start=datetime(2030, 1, 15, 23, 0, tzinfo=UTC))
    personas.trainee.time_zone = "Asia/Tokyo"
    personas.trainee.save()
    client.force_login(personas.trainee)
    html = client.get(reverse("live:detail", args=[session.pk])).content.decode()
    assert "Wednesday 16 January 2030, 08:00" in html and "Asia/Tokyo" in html
    personas.cohort_peer.time_zone = "Europe/Paris"
    personas.cohort_peer.save()
    client.force_login(personas.cohort_peer)
    html = client.get(reverse("live:detail", args=[session.pk])).content.decode()
    assert "Wednesday 16 January 2030, 00:00" in html and "Europe/Paris" in html
    assert "08:00" not in html


def test_the_edit_form_shows_the_time_as_it_was_typed(client, personas):
    client.force_login(personas.trainer)
    client.post(reverse("live:create", args=[personas.cohort_a.pk]), FORM)
    session = LiveSession.objects.get()
    form = client.get(reverse("live:edit", args=[session.pk])).context["form"]
    assert str(form["start_time"].value()) == "18:00:00" and form["time_zone"].value() == "America/New_York"


def test_only_https_meeting_links_and_the_typed_text_is_kept(client, personas):
    client.force_login(personas.trainer)
    response = client.post(reverse("live:create", args=[personas.cohort_a.pk]), FORM | {"meeting_url": "http://meet.example.org/x"})
    assert response.status_code == 400
    assert "starts with https://" in response.content.decode()
    assert "Soothing rhythm practice" in response.content.decode()
    assert not LiveSession.objects.exists()


def test_the_end_must_come_after_the_start(client, personas):
    client.force_login(personas.trainer)
    response = client.post(reverse("live:create", args=[personas.cohort_a.pk]), FORM | {"end_time": "17:00"})
    assert response.status_code == 400 and "end time must be after" in response.content.decode()


def test_trainees_cannot_schedule_change_or_cancel(client, personas):
    session = make_session(personas.cohort_a)
    client.force_login(personas.trainee)
    assert client.post(reverse("live:create", args=[personas.cohort_a.pk]), FORM).status_code == 404
    assert client.post(reverse("live:edit", args=[session.pk]), FORM).status_code == 404
    assert client.post(reverse("live:cancel", args=[session.pk])).status_code == 404
    assert client.get(reverse("live:detail", args=[session.pk])).status_code == 200
    assert not LiveSession.objects.get().is_cancelled


def test_another_cohorts_session_is_not_found(client, personas):
    session = make_session(personas.cohort_b)
    client.force_login(personas.trainee)
    assert client.get(reverse("live:detail", args=[session.pk])).status_code == 404
    assert client.get(reverse("live:session_ics", args=[session.pk])).status_code == 404
    assert session.title not in client.get(reverse("live:index")).content.decode()


def test_a_cancelled_session_stays_listed_and_is_marked(client, personas):
    session = make_session(personas.cohort_a, title="Imagery practice")
    client.force_login(personas.trainer)
    client.post(reverse("live:cancel", args=[session.pk]))
    session.refresh_from_db()
    assert session.is_cancelled and session.sequence == 1
    client.force_login(personas.trainee)
    html = client.get(reverse("live:cohort", args=[personas.cohort_a.pk])).content.decode()
    assert "Imagery practice" in html and "Cancelled" in html


# --- iCalendar ------------------------------------------------------------------------------


def test_the_session_download_parses_and_has_the_right_fields(client, personas):
    session = make_session(personas.cohort_a, start=datetime(2030, 1, 15, 23, 0, tzinfo=UTC), title="Compassionate voice",
                           meeting_url="https://meet.example.org/x", description="zq-private-ish description")
    client.force_login(personas.trainee)
    response = client.get(reverse("live:session_ics", args=[session.pk]))
    assert "attachment" in response["Content-Disposition"]
    [event] = parse(response)
    assert str(event["UID"]) == session.uid
    assert event.decoded("DTSTART") == datetime(2030, 1, 15, 23, 0, tzinfo=UTC)
    assert event.decoded("DTEND") == datetime(2030, 1, 16, 0, 30, tzinfo=UTC)
    assert event["DTSTART"].to_ical().endswith(b"Z")  # written in UTC
    assert str(event["SUMMARY"]) == "Compassionate voice"
    assert str(event["LOCATION"]) == "https://meet.example.org/x"
    assert event["SEQUENCE"] == 0 and str(event["STATUS"]) == "CONFIRMED"
    assert b"zq-private-ish" not in response.content


def test_an_edit_bumps_the_sequence_and_keeps_the_uid(client, personas):
    client.force_login(personas.trainer)
    client.post(reverse("live:create", args=[personas.cohort_a.pk]), FORM)
    session = LiveSession.objects.get()
    client.post(reverse("live:edit", args=[session.pk]), FORM)  # nothing changed: same sequence
    session.refresh_from_db()
    assert session.sequence == 0
    client.post(reverse("live:edit", args=[session.pk]), FORM | {"start_time": "17:30"})
    [event] = parse(client.get(reverse("live:session_ics", args=[session.pk])))
    assert event["SEQUENCE"] == 1 and str(event["UID"]) == session.uid
    assert event.decoded("DTSTART") == datetime(2030, 1, 15, 22, 30, tzinfo=UTC)


def test_a_cancelled_session_says_so_in_the_calendar(client, personas):
    session = make_session(personas.cohort_a)
    client.force_login(personas.trainer)
    client.post(reverse("live:cancel", args=[session.pk]))
    [event] = parse(client.get(reverse("live:session_ics", args=[session.pk])))
    assert str(event["STATUS"]) == "CANCELLED" and event["SEQUENCE"] == 1


def feed_url(user) -> str:
    return reverse("live:feed", args=[CalendarFeed.for_user(user).token])


def test_the_feed_carries_my_cohorts_sessions_only_and_no_written_text(client, personas):
    mine = make_session(personas.cohort_a, title="Cohort A session", description="zqdescription", notes="zqnotes",
                        materials="zqmaterials")
    make_session(personas.cohort_b, title="Cohort B session")
    make_session(personas.cohort_a, title="Cancelled one").__class__.objects.filter(title="Cancelled one").update(
        cancelled_at=timezone.now()
    )
    response = client.get(feed_url(personas.trainee))  # calendar apps do not sign in
    assert response["Cache-Control"] == "private, no-store"
    assert client.head(feed_url(personas.trainee)).status_code == 200
    events = {str(e["SUMMARY"]): e for e in parse(response)}
    assert set(events) == {"Cohort A session", "Cancelled one"}
    assert str(events["Cancelled one"]["STATUS"]) == "CANCELLED"
    assert str(events["Cohort A session"]["URL"]).endswith(reverse("live:detail", args=[mine.pk]))
    for word in (b"zqdescription", b"zqnotes", b"zqmaterials"):
        assert word not in response.content


def test_resetting_the_feed_address_stops_the_old_one(client, personas):
    make_session(personas.cohort_a)
    old = feed_url(personas.trainee)
    assert client.get(old).status_code == 200
    client.force_login(personas.trainee)
    page = client.get(reverse("live:calendar")).content.decode()
    assert old in page
    client.post(reverse("live:calendar_reset"))
    new = feed_url(personas.trainee)
    assert new != old
    client.logout()
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200


@pytest.mark.parametrize("token", ["nonsense", "1.abc", "1.abc.def", "x.y.z"])
def test_unknown_or_forged_feed_tokens_are_not_found(client, personas, token):
    assert client.get(reverse("live:feed", args=[token])).status_code == 404


def test_a_token_signed_for_someone_else_does_not_open_their_feed(client, personas):
    mine = CalendarFeed.for_user(personas.trainee)
    theirs = CalendarFeed.for_user(personas.cohort_peer)
    user_id, key, signature = mine.token.split(".")
    forged = f"{theirs.user_id}.{key}.{signature}"
    assert client.get(reverse("live:feed", args=[forged])).status_code == 404


# --- Attendance, notes and CPD --------------------------------------------------------------


def record(client, session, marks: dict):
    return client.post(reverse("live:attendance", args=[session.pk]),
                       {f"member_{user.pk}": value for user, value in marks.items()})


def test_attendance_feeds_cpd_hours(client, personas):
    start = datetime(2026, 3, 10, 18, 0, tzinfo=UTC)
    session = make_session(personas.cohort_a, start=start, hours=1.5, title="Working with self-criticism")
    client.force_login(personas.trainer)
    response = record(client, session, {personas.trainee: "present", personas.cohort_peer: "absent"})
    assert response.status_code == 302
    assert dict(Attendance.objects.values_list("user_id", "present")) == {personas.trainee.pk: True, personas.cohort_peer.pk: False}
    [activity] = cpd.cpd_activities(personas.trainee, date(2026, 3, 1), date(2026, 3, 31))
    assert activity.ref == f"live:{session.pk}" and activity.source == "live_session"
    assert activity.category == "formal_learning" and activity.hours == Decimal("1.50")
    assert activity.date == date(2026, 3, 10) and activity.title == "Working with self-criticism"
    assert cpd.cpd_activities(personas.cohort_peer, date(2026, 3, 1), date(2026, 3, 31)) == []
    assert cpd.cpd_activities(personas.trainee, date(2026, 4, 1), date(2026, 4, 30)) == []
    assert activity in gather("cpd", "cpd_activities", personas.trainee, date(2026, 3, 1), date(2026, 3, 31))


def test_cpd_dates_follow_the_persons_time_zone(personas):
    session = make_session(personas.cohort_a, start=datetime(2026, 3, 10, 23, 30, tzinfo=UTC), hours=1)
    Attendance.objects.create(session=session, user=personas.trainee, present=True)
    personas.trainee.time_zone = "Asia/Tokyo"  # already 11 March there
    [activity] = cpd.cpd_activities(personas.trainee, date(2026, 3, 11), date(2026, 3, 11))
    assert activity.date == date(2026, 3, 11)


def test_a_cancelled_session_gives_no_cpd(personas):
    session = make_session(personas.cohort_a, start=datetime(2026, 3, 10, 18, 0, tzinfo=UTC), cancelled_at=timezone.now())
    Attendance.objects.create(session=session, user=personas.trainee, present=True)
    assert cpd.cpd_activities(personas.trainee, date(2026, 1, 1), date(2026, 12, 31)) == []


def test_attendance_waits_until_the_session_has_started(client, personas):
    session = make_session(personas.cohort_a)
    client.force_login(personas.trainer)
    response = record(client, session, {personas.trainee: "present"})
    assert response.status_code == 400 and "once the session has started" in response.content.decode()
    assert not Attendance.objects.exists()


def test_attendance_lists_trainees_and_supervisors_but_not_other_cohorts(client, personas):
    session = make_session(personas.cohort_a, start=timezone.now() - timedelta(hours=3))
    client.force_login(personas.trainer)
    html = client.get(reverse("live:attendance", args=[session.pk])).content.decode()
    assert "Tara Trainee" in html and "Pat Peer" in html and "Sue Supervisor" in html
    assert "Olu Other" not in html
    record(client, session, {personas.other_trainee: "present"})  # not a field: ignored
    assert not Attendance.objects.filter(user=personas.other_trainee).exists()


def test_notes_and_recording_after_the_session_are_shown_to_members(client, personas):
    session = make_session(personas.cohort_a, start=timezone.now() - timedelta(hours=3))
    client.force_login(personas.trainer)
    response = client.post(reverse("live:follow_up", args=[session.pk]),
                           {"notes": "We practised **slow breathing**.<script>x()</script>", "recording_url": "https://video.example.org/1"})
    assert response.status_code == 302
    client.force_login(personas.cohort_peer)
    html = client.get(reverse("live:detail", args=[session.pk])).content.decode()
    assert "<strong>slow breathing</strong>" in html and "https://video.example.org/1" in html
    assert "<script>x()" not in html


def test_a_recording_link_must_be_https(client, personas):
    session = make_session(personas.cohort_a, start=timezone.now() - timedelta(hours=3))
    client.force_login(personas.trainer)
    response = client.post(reverse("live:follow_up", args=[session.pk]), {"notes": "Kept", "recording_url": "ftp://x.org/1"})
    assert response.status_code == 400 and "Kept" in response.content.decode()


# --- Schedule hook ------------------------------------------------------------------------


def test_upcoming_sessions_go_into_the_cohort_schedule(personas):
    upcoming = make_session(personas.cohort_a, title="Next week")
    make_session(personas.cohort_a, title="Last week", start=timezone.now() - timedelta(days=7))
    make_session(personas.cohort_a, title="Called off", cancelled_at=timezone.now())
    make_session(personas.cohort_b, title="Elsewhere")
    [item] = schedule.cohort_schedule(personas.cohort_a, personas.trainee)
    assert (item.title, item.kind, item.when, item.url) == ("Next week", "live_session", upcoming.starts_at, upcoming.get_absolute_url())


def test_my_sessions_page_lists_upcoming_then_earlier(client, personas):
    make_session(personas.cohort_a, title="Soon")
    make_session(personas.cohort_a, title="Before", start=timezone.now() - timedelta(days=2))
    client.force_login(personas.trainee)
    response = client.get(reverse("live:index"))
    assert [s.title for s in response.context["upcoming"]] == ["Soon"]
    assert [s.title for s in response.context["past"]] == ["Before"]


def test_demo_data_loads_twice_without_duplicates(personas):
    from tend.live import demo

    people = {"trainer@example.com": personas.trainer, "trainee@example.com": personas.trainee,
              "trainee2@example.com": personas.cohort_peer}
    demo.load(people, personas.cohort_a)
    demo.load(people, personas.cohort_a)
    assert LiveSession.objects.count() == 2 and Attendance.objects.count() == 2
    assert cpd.cpd_activities(personas.trainee, date(2000, 1, 1), date(2100, 1, 1))


def test_members_are_told_when_a_session_is_scheduled_moved_or_cancelled(personas):
    from datetime import timedelta

    from django.utils import timezone

    from tend.live import services
    from tend.notifications.models import Notification

    start = timezone.now() + timedelta(days=3)
    data = {"title": "Soothing rhythm together", "description": "", "meeting_url": "https://meet.example/x",
            "materials": "", "starts_at": start, "ends_at": start + timedelta(hours=1), "time_zone": "Europe/London"}
    session = services.session_create(cohort=personas.cohort_a, creator=personas.trainer, data=data)
    told = set(Notification.objects.filter(kind="live_session").values_list("recipient_id", flat=True))
    assert personas.trainee.pk in told and personas.cohort_peer.pk in told
    assert personas.trainer.pk not in told and personas.other_trainee.pk not in told  # not the actor, not cohort B
    services.session_update(session=session, data={**data, "starts_at": start + timedelta(hours=2),
                                                   "ends_at": start + timedelta(hours=3)})
    services.session_cancel(session=session)
    titles = list(Notification.objects.filter(recipient=personas.trainee).values_list("title", flat=True))
    assert "Live session changed: Soothing rhythm together" in titles
    assert "Live session cancelled: Soothing rhythm together" in titles
