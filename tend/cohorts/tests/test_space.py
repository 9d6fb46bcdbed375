"""The cohort space (schedule, announcements, members, links) and the trainer dashboard."""

import zoneinfo
from datetime import UTC, date, datetime, timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tend.cohorts import selectors
from tend.cohorts.models import Announcement, CohortRole, Membership, Nudge
from tend.core.audit import AuditEvent
from tend.cohorts.schedule import ScheduleItem, cohort_schedule
from tend.cohorts.views import optional_url
from tend.core import hooks
from tend.diary.models import PracticeLog
from tend.drills.models import DrillAttempt
from tend.learn.models import CohortCurriculum, Module, ModuleProgress, ModuleRelease
from tend.live.models import Attendance, LiveSession
from tend.testing.personas import make_user


OUR_SCHEDULES = ("tend.cohorts.schedule", "tend.live.schedule")


@pytest.fixture(autouse=True)
def only_our_schedules(monkeypatch):
    """The schedule here is gathered from every app; these tests speak about module releases and
    live sessions only, so other apps' entries (still being built by others) are left out."""
    every = hooks.hook_functions

    def ours(module, function):
        found = every(module, function)
        return [f for f in found if module != "schedule" or f.__module__ in OUR_SCHEDULES]

    monkeypatch.setattr(hooks, "hook_functions", ours)


def space(client, cohort):
    return client.get(reverse("cohorts:space", args=[cohort.pk]))


def make_module(number: int = 1, **fields) -> Module:
    return Module.objects.create(
        slug=f"module-{number}", number=number, title=f"Module title {number}", summary="", estimated_hours=1,
        cpd_hours=1, source_path="x", **fields,
    )


def make_session(cohort, start, **fields) -> LiveSession:
    return LiveSession.objects.create(cohort=cohort, title=fields.pop("title", "Live practice"), starts_at=start,
                                      ends_at=start + timedelta(hours=1), time_zone="UTC", **fields)


# --- The space ------------------------------------------------------------------------------


def test_members_see_announcements_pinned_first_and_sanitised(client, personas):
    Announcement.objects.create(cohort=personas.cohort_a, title="Older news", body="Plain", posted_by=personas.trainer)
    Announcement.objects.create(cohort=personas.cohort_a, title="Read first", body="**Welcome** <script>bad()</script>",
                                pinned=True, posted_by=personas.trainer)
    Announcement.objects.create(cohort=personas.cohort_b, title="Cohort B only", body="x")
    client.force_login(personas.cohort_peer)
    response = space(client, personas.cohort_a)
    html = response.content.decode()
    assert [a.title for a, _ in response.context["announcements"]] == ["Read first", "Older news"]
    assert "<strong>Welcome</strong>" in html and "<script>bad()" not in html
    assert "Cohort B only" not in html and "Tom Trainer" in html


def test_members_are_shown_by_name_and_role_never_email(client, personas):
    client.force_login(personas.trainee)
    html = space(client, personas.cohort_a).content.decode()
    assert "Pat Peer" in html and "Sue Supervisor" in html and "Supervisor" in html
    assert "@test.example" not in html
    assert "Olu Other" not in html


def test_another_cohorts_space_is_not_found(client, personas):
    client.force_login(personas.trainee)
    assert space(client, personas.cohort_b).status_code == 404


def test_the_schedule_gathers_sessions_and_dated_module_releases_upcoming_first(client, personas):
    cohort = personas.cohort_a
    soon, later = timezone.now() + timedelta(days=2), timezone.now() + timedelta(days=9)
    make_session(cohort, later, title="Later session")
    make_session(cohort, soon, title="Sooner session")
    CohortCurriculum.objects.create(cohort=cohort, mode=CohortCurriculum.Mode.DATED)
    today = timezone.localdate()
    ModuleRelease.objects.create(cohort=cohort, module=make_module(1), opens_on=today - timedelta(days=20),
                                 due_on=today + timedelta(days=5))
    client.force_login(personas.trainee)
    schedule = space(client, cohort).context["schedule"]
    assert [e.item.title for e in schedule["upcoming"]] == [
        "Sooner session", "Module 1 due: Module title 1", "Later session"
    ]
    assert [e.item.title for e in schedule["earlier"]] == ["Module 1 opens: Module title 1"]
    assert [e.has_time for e in schedule["upcoming"]] == [True, False, True]


def test_a_long_schedule_shows_the_next_few_and_folds_the_rest(client, personas):
    for n in range(12):
        make_session(personas.cohort_a, timezone.now() + timedelta(days=n + 1), title=f"Weekly {n}")
    client.force_login(personas.trainee)
    schedule = space(client, personas.cohort_a).context["schedule"]
    assert [e.item.title for e in schedule["upcoming"]] == [f"Weekly {n}" for n in range(8)]
    assert [e.item.title for e in schedule["later"]] == [f"Weekly {n}" for n in range(8, 12)]


def test_module_releases_join_the_schedule_only_when_modules_open_on_dates(personas):
    ModuleRelease.objects.create(cohort=personas.cohort_a, module=make_module(1), opens_on=date(2030, 1, 1))
    assert cohort_schedule(personas.cohort_a, personas.trainee) == []
    CohortCurriculum.objects.create(cohort=personas.cohort_a, mode=CohortCurriculum.Mode.DATED)
    [item] = cohort_schedule(personas.cohort_a, personas.trainee)
    assert item == ScheduleItem(date(2030, 1, 1), "Module 1 opens: Module title 1", "module", reverse("learn:module", args=["module-1"]))


def test_links_to_apps_that_do_not_exist_yet_are_left_out():
    assert optional_url("no-such-app:index", cohort_pk=1) == ""
    assert optional_url("no-such-app:index", "live:cohort", cohort_pk=1) == reverse("live:cohort", args=[1])


def test_the_space_page_has_a_fixed_number_of_queries(client, personas):
    client.force_login(personas.trainee)

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert space(client, personas.cohort_a).status_code == 200
        return len(ctx)

    queries()
    few = queries()
    for n in range(10):
        Announcement.objects.create(cohort=personas.cohort_a, title=f"News {n}", body="b", posted_by=personas.trainer)
        make_session(personas.cohort_a, timezone.now() + timedelta(days=n + 1))
        user = make_user(f"extra{n}@test.example", f"Extra {n}")
        Membership.objects.create(cohort=personas.cohort_a, user=user)
    assert queries() == few


# --- Announcements --------------------------------------------------------------------------


def test_a_trainer_posts_edits_and_deletes_an_announcement(client, personas):
    client.force_login(personas.trainer)
    url = reverse("cohorts:announcement_create", args=[personas.cohort_a.pk])
    response = client.post(url, {"title": "Session moved", "body": "See the schedule.", "pinned": "on"})
    assert response["Location"] == reverse("cohorts:space", args=[personas.cohort_a.pk])
    announcement = Announcement.objects.get()
    assert announcement.posted_by == personas.trainer and announcement.pinned
    client.post(reverse("cohorts:announcement_edit", args=[personas.cohort_a.pk, announcement.pk]),
                {"title": "Session moved to Friday", "body": "See the schedule."})
    announcement.refresh_from_db()
    assert announcement.title == "Session moved to Friday" and not announcement.pinned
    client.post(reverse("cohorts:announcement_delete", args=[personas.cohort_a.pk, announcement.pk]))
    assert not Announcement.objects.exists()


def test_a_failed_announcement_keeps_what_was_typed(client, personas):
    client.force_login(personas.trainer)
    response = client.post(reverse("cohorts:announcement_create", args=[personas.cohort_a.pk]), {"title": "", "body": "My long message"})
    assert response.status_code == 400 and "My long message" in response.content.decode()


def test_members_cannot_post_announcements(client, personas):
    for persona in (personas.trainee, personas.supervisor):
        client.force_login(persona)
        response = client.post(reverse("cohorts:announcement_create", args=[personas.cohort_a.pk]), {"title": "x", "body": "y"})
        assert response.status_code == 404
    assert not Announcement.objects.exists()


# --- The trainer dashboard ------------------------------------------------------------------


NOW = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)


def test_engagement_counts_and_who_has_been_quiet(personas):
    trainee, peer, cohort = personas.trainee, personas.cohort_peer, personas.cohort_a
    m1, m2 = make_module(1), make_module(2)
    ModuleProgress.objects.create(user=trainee, module=m1, completed_at=NOW)
    ModuleProgress.objects.create(user=trainee, module=m2)  # started, not completed
    PracticeLog.objects.create(owner=trainee, tool="breathing", started_at=NOW - timedelta(days=3), duration_seconds=600)
    PracticeLog.objects.create(owner=trainee, tool="breathing", started_at=NOW - timedelta(days=5), duration_seconds=300)
    PracticeLog.objects.create(owner=trainee, tool="breathing", started_at=datetime(2026, 2, 25, tzinfo=UTC), duration_seconds=900)
    DrillAttempt.objects.create(owner=trainee, skill_id="s", drill_id="d", level="beginner")
    DrillAttempt.objects.create(owner=trainee, skill_id="s", drill_id="d", level="beginner")
    held = make_session(cohort, NOW - timedelta(days=2))
    Attendance.objects.create(session=held, user=trainee, present=True)
    Attendance.objects.create(session=held, user=peer, present=False)
    # The peer last practised 20 days ago: quiet.
    PracticeLog.objects.create(owner=peer, tool="imagery", started_at=NOW - timedelta(days=20), duration_seconds=60)
    PracticeLog.objects.create(owner=personas.other_trainee, tool="imagery", started_at=NOW, duration_seconds=6000)

    engagement = selectors.cohort_engagement(cohort, now=NOW)
    rows = {r.user: r for r in engagement["rows"]}
    assert set(rows) == {trainee, peer}  # trainees of this cohort only
    mine = rows[trainee]
    assert (mine.modules_completed, mine.practice_minutes, mine.drills_attempted, mine.sessions_attended) == (1, 15, 2, 1)
    assert not mine.inactive
    assert (rows[peer].practice_minutes, rows[peer].sessions_attended, rows[peer].inactive) == (0, 0, True)
    assert engagement["sessions_held"] == 1
    assert [r.user for r in engagement["inactive"]] == [peer]


def test_someone_with_no_activity_at_all_counts_as_quiet(personas):
    [row] = [r for r in selectors.cohort_engagement(personas.cohort_a, now=NOW)["rows"] if r.user == personas.trainee]
    assert row.last_activity is None and row.inactive


def test_the_dashboard_shows_counts_never_private_writing(client, personas):
    PracticeLog.objects.create(owner=personas.trainee, tool="breathing", notes="zqsecretnote", duration_seconds=120)
    DrillAttempt.objects.create(owner=personas.trainee, skill_id="s", drill_id="d", level="beginner", reply="zqsecretreply")
    client.force_login(personas.trainer)
    response = client.get(reverse("cohorts:dashboard", args=[personas.cohort_a.pk]))
    html = response.content.decode()
    assert "Tara Trainee" in html and "zqsecret" not in html and "@test.example" not in html


def test_only_the_cohorts_trainer_and_admins_see_the_dashboard(client, personas):
    url = reverse("cohorts:dashboard", args=[personas.cohort_a.pk])
    for persona, status in [(personas.trainee, 404), (personas.supervisor, 404), (personas.trainer, 200), (personas.admin, 200)]:
        client.force_login(persona)
        assert client.get(url).status_code == status


def test_the_dashboard_has_a_fixed_number_of_queries_as_the_cohort_grows(client, personas):
    client.force_login(personas.trainer)
    url = reverse("cohorts:dashboard", args=[personas.cohort_a.pk])
    module = make_module(1)
    session = make_session(personas.cohort_a, timezone.now() - timedelta(days=1))

    def add_active_trainee(n: int):
        user = make_user(f"grow{n}@test.example", f"Growing {n}")
        Membership.objects.create(cohort=personas.cohort_a, user=user, role=CohortRole.TRAINEE)
        ModuleProgress.objects.create(user=user, module=module, completed_at=timezone.now())
        PracticeLog.objects.create(owner=user, tool="breathing", duration_seconds=300)
        DrillAttempt.objects.create(owner=user, skill_id="s", drill_id="d", level="beginner")
        Attendance.objects.create(session=session, user=user, present=True)
        Nudge.objects.create(cohort=personas.cohort_a, trainee=user, sent_by=personas.trainer)

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx)

    add_active_trainee(0)
    queries()
    few = queries()
    for n in range(1, 11):
        add_active_trainee(n)
    assert queries() == few


def test_a_nudge_email_holds_only_the_kind_template_and_a_link(client, personas):
    PracticeLog.objects.create(owner=personas.trainee, tool="breathing", notes="zqsecretnote")
    client.force_login(personas.trainer)
    response = client.post(reverse("cohorts:nudge", args=[personas.cohort_a.pk, personas.trainee.pk]))
    assert response["Location"] == reverse("cohorts:dashboard", args=[personas.cohort_a.pk])
    [email] = mail.outbox
    assert email.to == [personas.trainee.email]
    assert "Hello Tara Trainee" in email.body and "Tom Trainer" in email.body
    assert f"http://testserver{reverse('cohorts:space', args=[personas.cohort_a.pk])}" in email.body
    assert "zqsecret" not in email.body + email.subject


@pytest.mark.parametrize("who", ["supervisor", "trainer", "other_trainee"])
def test_nudges_go_only_to_the_cohorts_trainees(client, personas, who):
    client.force_login(personas.trainer)
    response = client.post(reverse("cohorts:nudge", args=[personas.cohort_a.pk, getattr(personas, who).pk]))
    assert response.status_code == 404 and not mail.outbox


def nudge(client, personas, who=None):
    return client.post(reverse("cohorts:nudge", args=[personas.cohort_a.pk, (who or personas.trainee).pk]), follow=True)


def test_a_second_nudge_within_a_week_is_held_back_and_says_when(client, personas):
    client.force_login(personas.trainer)
    nudge(client, personas)
    response = nudge(client, personas)
    assert len(mail.outbox) == 1 and Nudge.objects.count() == 1
    html = response.content.decode()
    today = timezone.localtime(timezone=zoneinfo.ZoneInfo(personas.trainer.time_zone)).strftime("%-d %B %Y")
    assert f"Tara Trainee was already sent a note on {today}" in html
    # The dashboard the trainer lands on says when, and the button is switched off with the reason.
    assert f"Nudged on {today}" in html
    button = html[html.index(f"nudged-{personas.trainee.pk}\">"):]
    assert f'disabled aria-describedby="nudged-{personas.trainee.pk}"' in button.split("</form>")[0]


def test_the_week_counts_across_cohorts_and_trainers(client, personas):
    Nudge.objects.create(cohort=personas.cohort_b, trainee=personas.trainee, sent_by=personas.other_supervisor)
    client.force_login(personas.admin)
    nudge(client, personas)
    assert not mail.outbox


def test_a_week_later_another_nudge_may_go(client, personas):
    client.force_login(personas.trainer)
    nudge(client, personas)
    Nudge.objects.update(sent_at=timezone.now() - timedelta(days=7, minutes=1))
    html = client.get(reverse("cohorts:dashboard", args=[personas.cohort_a.pk])).content.decode()
    assert "Nudged on" not in html and "disabled" not in html
    nudge(client, personas)
    assert len(mail.outbox) == 2 and Nudge.objects.count() == 2


def test_each_nudge_is_audited_without_its_message(client, personas):
    client.force_login(personas.trainer)
    nudge(client, personas)
    nudge(client, personas)  # held back: not sent, so not logged as sent
    [event] = AuditEvent.objects.filter(kind="nudge_sent")
    assert (event.actor_id, event.subject_user_id) == (personas.trainer.pk, personas.trainee.pk)
    assert event.object_type == "cohorts.nudge" and event.detail == {"cohort": personas.cohort_a.pk}
    logged = " ".join(str(v) for v in AuditEvent.objects.values_list("object_type", "object_id", "detail"))
    assert "Hello" not in logged and "Tara" not in logged and "@" not in logged


def test_the_copyable_template_has_a_placeholder_for_the_name(client, personas):
    client.force_login(personas.trainer)
    html = client.get(reverse("cohorts:dashboard", args=[personas.cohort_a.pk])).content.decode()
    assert "Hello [name]," in html and "Copy message" in html


def test_demo_announcement_loads_once(personas):
    from tend.cohorts import demo

    demo.load({"trainer@example.com": personas.trainer}, personas.cohort_a)
    demo.load({"trainer@example.com": personas.trainer}, personas.cohort_a)
    assert Announcement.objects.filter(cohort=personas.cohort_a, pinned=True).count() == 1
