from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tend.diary import charts, selectors, services
from tend.diary.models import PracticeLog


def test_tools_log_practice_automatically_and_it_shows_in_the_diary(client, trainee):
    services.practice_log(owner=trainee, tool="breathing", started_at=timezone.now(), duration_seconds=300, details={"pattern": "4-1-5-1"})
    client.force_login(trainee)
    page = client.get(reverse("diary:diary"))
    assert b"Soothing rhythm breathing" in page.content and b"logged automatically" in page.content
    assert b"<title" in page.content and b"<desc" in page.content  # charts are described


def test_adding_by_hand_with_ratings_and_clear_errors(client, trainee):
    client.force_login(trainee)
    bad = client.post(reverse("diary:add"), {"tool": "imagery", "started_at": "2026-11-20T08:00", "minutes": 10, "soothing_before": 12})
    assert bad.status_code == 400 and b"less than or equal to 10" in bad.content
    ok = client.post(reverse("diary:add"), {"tool": "imagery", "started_at": "2026-11-20T08:00", "minutes": 10,
                                            "soothing_before": 3, "soothing_after": 6, "notes": "felt warmer"})
    assert ok.status_code == 302
    log = PracticeLog.objects.get(owner=trainee)
    assert (log.duration_seconds, log.soothing_change, log.notes, log.automatic) == (600, 3, "felt warmer", False)


def test_what_helps_needs_two_rated_sessions_and_ranks_by_change(trainee):
    now = timezone.now()
    for tool, before, after in [("breathing", 3, 7), ("breathing", 4, 6), ("imagery", 5, 5), ("imagery", 4, 5), ("letter", 2, 9)]:
        PracticeLog.objects.create(owner=trainee, tool=tool, started_at=now, soothing_before=before, soothing_after=after)
    rows = selectors.what_helps(trainee)
    assert [(r["tool"], r["average"]) for r in rows] == [("Soothing rhythm breathing", 3.0), ("Compassionate imagery", 0.5)]


def test_no_guilt_a_returning_person_is_welcomed_back(client, trainee):
    PracticeLog.objects.create(owner=trainee, tool="breathing", started_at=timezone.now() - timedelta(days=20), duration_seconds=60)
    client.force_login(trainee)
    page = client.get(reverse("diary:diary")).content
    assert b"Welcome back" in page and b"streak" not in page.lower()


def test_someone_elses_practice_is_404(client, personas):
    log = PracticeLog.objects.create(owner=personas.trainee, tool="breathing")
    for who in ("cohort_peer", "supervisor", "trainer", "admin"):
        client.force_login(getattr(personas, who))
        assert client.get(reverse("diary:edit", args=[log.pk])).status_code == 404
        assert client.post(reverse("diary:delete", args=[log.pk])).status_code == 404
    assert PracticeLog.objects.filter(pk=log.pk).exists()


def test_notes_are_encrypted(trainee):
    log = PracticeLog.objects.create(owner=trainee, tool="letter", notes="a private thought")
    with connection.cursor() as cursor:
        cursor.execute("SELECT notes FROM diary_practicelog WHERE id = %s", [log.pk])
        assert "private" not in cursor.fetchone()[0]


def test_charts_escape_labels():
    svg = charts.bars([("<b>x</b>", 3)], title="T & t", desc="d")
    assert "<b>" not in svg and "&lt;b&gt;" in svg and "T &amp; t" in svg


def test_diary_query_count_is_constant(client, trainee):
    client.force_login(trainee)

    def queries():
        client.get(reverse("diary:diary"))
        with CaptureQueriesContext(connection) as ctx:
            client.get(reverse("diary:diary"))
        return sum(1 for q in ctx.captured_queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE")))

    services.practice_log(owner=trainee, tool="breathing", started_at=timezone.now(), duration_seconds=60)
    few = queries()
    for n in range(60):
        PracticeLog.objects.create(owner=trainee, tool="imagery", started_at=timezone.now() - timedelta(days=n), duration_seconds=300, soothing_before=3, soothing_after=5)
    assert queries() == few
