from datetime import date, timedelta

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tend.cohorts.models import Membership, SupervisorAssignment
from tend.core.hooks import gather
from tend.core.models import Visibility
from tend.diary.models import PracticeLog
from tend.drills.models import DrillAttempt
from tend.journal.models import JournalEntry
from tend.letters.models import Letter
from tend.notifications.models import Notification
from tend.supervision import services
from tend.supervision.cpd import cpd_activities
from tend.supervision.models import CompetencyEvent, ItemComment, LogStatus, SupervisionAgreement, SupervisionLog
from tend.testing.personas import make_user

LETTER = "Dear me,\nOf course today hurt. You cared so much.\nTomorrow, one small step."


@pytest.fixture
def shared_letter(personas):
    return Letter.objects.create(owner=personas.trainee, title="After a hard day", body=LETTER, visibility=Visibility.SUPERVISOR)


def login(client, user):
    client.force_login(user)
    return client


def item_url(item, kind="letter"):
    return reverse("supervision:item", args=[kind, item.pk])


# --- Access -----------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["other_supervisor", "cohort_peer", "other_trainee", "trainer", "admin"])
def test_only_the_owner_and_their_supervisor_open_a_shared_item(client, personas, shared_letter, who):
    login(client, getattr(personas, who))
    assert client.get(item_url(shared_letter)).status_code == 404
    assert client.post(item_url(shared_letter), {"body": "Hello"}).status_code == 404
    assert client.post(reverse("supervision:mark_reviewed", args=["letter", shared_letter.pk])).status_code == 404
    assert not ItemComment.objects.exists()


@pytest.mark.parametrize("who", ["supervisor", "trainer", "admin", "other_supervisor"])
def test_private_items_answer_404_to_everyone_but_the_owner(client, personas, who):
    private = JournalEntry.objects.create(owner=personas.trainee, body="Only mine")
    login(client, getattr(personas, who))
    assert client.get(item_url(private, "journal")).status_code == 404
    login(client, personas.trainee)
    assert client.get(item_url(private, "journal")).status_code == 200


def test_cohort_shared_items_are_not_for_supervision_review(client, personas):
    attempt = DrillAttempt.objects.create(owner=personas.trainee, skill_id="pacing", drill_id="d", level="beginner",
                                          reply="For the cohort", visibility=Visibility.COHORT, shared_cohort=personas.cohort_a)
    login(client, personas.supervisor)
    assert client.get(item_url(attempt, "drill")).status_code == 404


def test_a_shared_drill_reply_is_shown_with_the_client_statement(client, personas):
    from tend.drills import services as drills

    skill = drills.skills()[0]
    drill = skill.drills[0]
    attempt = DrillAttempt.objects.create(owner=personas.trainee, skill_id=skill.id, drill_id=drill.id, level=drill.level,
                                          reply="That sounds so hard.", visibility=Visibility.SUPERVISOR)
    login(client, personas.supervisor)
    page = client.get(item_url(attempt, "drill")).content.decode()
    assert "That sounds so hard." in page and skill.title in page
    assert drill.statement.splitlines()[0][:30] in page.replace("&#x27;", "'").replace("&quot;", '"')


def test_an_unknown_kind_answers_404(client, personas, shared_letter):
    login(client, personas.supervisor)
    assert client.get(f"/supervision/poem/{shared_letter.pk}/").status_code == 404


# --- Comments ----------------------------------------------------------------------------------


def test_supervisor_comments_on_the_whole_item_and_the_owner_is_notified_without_the_text(client, personas, shared_letter):
    login(client, personas.supervisor)
    page = client.get(item_url(shared_letter))
    assert page.status_code == 200 and "Of course today hurt" in page.content.decode()
    response = client.post(item_url(shared_letter), {"body": "Such warmth in the last line."})
    assert response.status_code == 302
    comment = ItemComment.objects.get()
    assert (comment.quote, comment.start, comment.end, comment.owner) == ("", None, None, personas.trainee)
    notice = Notification.objects.get(recipient=personas.trainee)
    assert notice.title == "Your supervisor commented on your letter"
    assert notice.url == item_url(shared_letter) and "warmth" not in notice.title
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM supervision_itemcomment")
        assert "warmth" not in cursor.fetchone()[0]


def test_a_comment_on_a_selected_passage_keeps_the_quote_and_offsets(client, personas, shared_letter):
    start = LETTER.index("You cared")
    end = start + len("You cared so much.")
    login(client, personas.supervisor)
    client.post(item_url(shared_letter), {"body": "Yes!", "quote": "You cared so much.", "start": start, "end": end})
    comment = ItemComment.objects.get()
    assert (comment.quote, comment.start, comment.end) == ("You cared so much.", start, end)


def test_a_pasted_passage_is_found_in_the_text_even_with_windows_line_endings(client, personas, shared_letter):
    login(client, personas.supervisor)
    client.post(item_url(shared_letter), {"body": "Lovely", "quote": "today hurt. You cared\r\nso much."})
    assert not ItemComment.objects.exists()  # not in the text: the words differ ("\n" sits elsewhere)
    client.post(item_url(shared_letter), {"body": "Lovely", "quote": "Dear me,\r\nOf course"})
    comment = ItemComment.objects.get()
    assert (comment.quote, comment.start, comment.end) == ("Dear me,\nOf course", 0, len("Dear me,\nOf course"))


def test_a_passage_not_in_the_text_is_refused_and_what_was_typed_is_kept(client, personas, shared_letter):
    login(client, personas.supervisor)
    response = client.post(item_url(shared_letter), {"body": "My careful comment", "quote": "words that are not there"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "That passage is not in the text" in html and "My careful comment" in html and "words that are not there" in html
    assert not ItemComment.objects.exists()


def test_the_owner_reads_comments_and_keeps_them_after_making_the_item_private(client, personas, shared_letter):
    services.add_comment(shared_letter, personas.supervisor, body="Notice the kind tone here", quote="one small step")
    login(client, personas.trainee)
    feedback = client.get(reverse("supervision:feedback")).content.decode()
    assert "Notice the kind tone here" in feedback and "one small step" in feedback
    assert "Comment on this passage" not in client.get(item_url(shared_letter)).content.decode()

    shared_letter.visibility = Visibility.PRIVATE
    shared_letter.save()
    login(client, personas.supervisor)
    assert client.get(item_url(shared_letter)).status_code == 404
    login(client, personas.trainee)
    page = client.get(item_url(shared_letter)).content.decode()
    assert "Notice the kind tone here" in page and "Private now" in page
    assert "Notice the kind tone here" in client.get(reverse("supervision:feedback")).content.decode()


def test_comments_tag_shows_comments_to_the_owner_and_supervisor_only(personas, shared_letter):
    services.add_comment(shared_letter, personas.supervisor, body="Tag comment")
    template = Template("{% load supervision %}{% supervision_comments item %}")

    def render(user):
        request = RequestFactory().get("/")
        request.user = user
        return template.render(Context({"request": request, "item": shared_letter}))

    assert "Tag comment" in render(personas.trainee) and "Open in supervision" in render(personas.trainee)
    assert "Tag comment" in render(personas.supervisor) and "Review and comment" in render(personas.supervisor)
    for other in (personas.other_supervisor, personas.cohort_peer, personas.trainer, personas.admin):
        assert render(other).strip() == ""


# --- Review marks and the supervisor's home --------------------------------------------------------


def test_home_lists_unreviewed_shared_items_until_marked_and_again_after_changes(client, personas, shared_letter):
    JournalEntry.objects.create(owner=personas.trainee, title="Secret title", body="x")
    login(client, personas.supervisor)
    home = client.get(reverse("supervision:home")).content.decode()
    assert "After a hard day" in home and "Secret title" not in home and "Tara Trainee" in home

    client.post(reverse("supervision:mark_reviewed", args=["letter", shared_letter.pk]))
    assert "After a hard day" not in client.get(reverse("supervision:home")).content.decode()

    Letter.objects.filter(pk=shared_letter.pk).update(version=shared_letter.version + 1)
    home = client.get(reverse("supervision:home")).content.decode()
    assert "After a hard day" in home and "changed since you reviewed it" in home


def test_mark_reviewed_ignores_anyone_who_is_not_the_owners_supervisor(personas, shared_letter):
    assert services.mark_reviewed(shared_letter, personas.cohort_peer) is None
    assert services.mark_reviewed(shared_letter, personas.other_supervisor) is None
    assert services.mark_reviewed(shared_letter, personas.supervisor).version == shared_letter.version


def test_home_shows_practice_minutes_this_month_and_module_progress(client, personas):
    from django.utils import timezone

    from tend.learn.models import Module, ModuleProgress

    PracticeLog.objects.create(owner=personas.trainee, tool="breathing", duration_seconds=25 * 60)
    last_month = timezone.now().replace(day=1) - timedelta(days=3)
    PracticeLog.objects.create(owner=personas.trainee, tool="breathing", duration_seconds=600, started_at=last_month)
    modules = [Module.objects.create(slug=f"m{n}", number=n, title=f"M{n}", summary="s", estimated_hours=1, cpd_hours=1,
                                     source_path="x") for n in (1, 2, 3)]
    ModuleProgress.objects.create(user=personas.trainee, module=modules[0], completed_at=timezone.now())
    ModuleProgress.objects.create(user=personas.trainee, module=modules[1])
    login(client, personas.supervisor)
    home = client.get(reverse("supervision:home")).content.decode()
    assert "25 minutes" in home and "1 of 3" in home and "2 started" in home


def _add_supervisee(personas, n: int):
    trainee = make_user(f"extra{n}@test.example", f"Extra {n}")
    Membership.objects.create(user=trainee, cohort=personas.cohort_a)
    from tend.cohorts.models import Cohort

    cohort = Cohort.objects.create(name=f"C{n}", starts_on=date.today(), ends_on=date.today())
    SupervisorAssignment.objects.create(cohort=cohort, trainee=trainee, supervisor=personas.supervisor)
    for kind in (Letter, JournalEntry):
        kind.objects.create(owner=trainee, title=f"Shared {n}", visibility=Visibility.SUPERVISOR)
    DrillAttempt.objects.create(owner=trainee, skill_id="pacing", drill_id="d", level="beginner", reply="r", visibility=Visibility.SUPERVISOR)
    PracticeLog.objects.create(owner=trainee, tool="breathing", duration_seconds=120)
    SupervisionLog.objects.create(supervisor=personas.supervisor, supervisee=trainee, date=date.today(), duration_minutes=30, topics="t")


def test_home_query_count_stays_constant_as_supervisees_and_items_grow(client, personas, shared_letter):
    login(client, personas.supervisor)

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("supervision:home")).status_code == 200
        return len(ctx)

    _add_supervisee(personas, 0)
    queries()  # warm-up
    few = queries()
    for n in range(1, 11):
        _add_supervisee(personas, n)
    assert queries() == few


# --- Supervision logs and CPD ----------------------------------------------------------------------------------


LOG_FORM = {"date": "2026-01-12", "duration_minutes": "90", "format": "individual", "topics": "Pacing with a tearful client", "agreed_actions": "Slow down"}


def test_a_log_counts_for_cpd_only_once_confirmed(client, personas):
    login(client, personas.supervisor)
    response = client.post(reverse("supervision:log_new", args=[personas.trainee.pk]), LOG_FORM)
    log = SupervisionLog.objects.get()
    assert response.status_code == 302 and log.status == LogStatus.AWAITING
    assert Notification.objects.filter(recipient=personas.trainee, kind="supervision_log").exists()
    period = (date(2026, 1, 1), date(2026, 1, 31))
    assert cpd_activities(personas.trainee, *period) == [] and cpd_activities(personas.supervisor, *period) == []

    assert client.post(reverse("supervision:log", args=[log.pk]), {"action": "confirm"}).status_code == 404  # not the supervisee's side
    login(client, personas.trainee)
    client.post(reverse("supervision:log", args=[log.pk]), {"action": "confirm"})
    [received] = cpd_activities(personas.trainee, *period)
    assert (received.ref, received.source, received.category, str(received.hours)) == (f"supervision:{log.pk}", "supervision", "supervision", "1.50")
    assert "Pacing" not in received.title
    [given] = cpd_activities(personas.supervisor, *period)
    assert given.title == "Supervision given (individual)"
    assert any(a.ref == f"supervision:{log.pk}" for a in gather("cpd", "cpd_activities", personas.trainee, *period))
    assert cpd_activities(personas.trainee, date(2026, 2, 1), date(2026, 2, 28)) == []


def test_asking_for_a_correction_needs_a_note_and_editing_sends_it_back(client, personas):
    log = SupervisionLog.objects.create(supervisor=personas.supervisor, supervisee=personas.trainee, date=date(2026, 1, 5),
                                        duration_minutes=60, topics="Wrong topic")
    login(client, personas.trainee)
    response = client.post(reverse("supervision:log", args=[log.pk]), {"action": "correct", "note": ""})
    assert response.status_code == 400 and "Say what needs correcting" in response.content.decode()
    client.post(reverse("supervision:log", args=[log.pk]), {"action": "correct", "note": "We talked about imagery"})
    log.refresh_from_db()
    assert log.status == LogStatus.CORRECTION and log.correction_note == "We talked about imagery"
    assert cpd_activities(personas.trainee, date(2026, 1, 1), date(2026, 1, 31)) == []

    login(client, personas.supervisor)
    assert "We talked about imagery" in client.get(reverse("supervision:log_edit", args=[log.pk])).content.decode()
    client.post(reverse("supervision:log_edit", args=[log.pk]), {**LOG_FORM, "topics": "Imagery"})
    log.refresh_from_db()
    assert (log.status, log.topics, log.correction_note) == (LogStatus.AWAITING, "Imagery", "")


def test_editing_a_confirmed_log_stops_it_counting_until_confirmed_again(personas):
    log = SupervisionLog.objects.create(supervisor=personas.supervisor, supervisee=personas.trainee, date=date(2026, 1, 5),
                                        duration_minutes=60, topics="t")
    services.confirm_log(log)
    assert len(cpd_activities(personas.trainee, date(2026, 1, 1), date(2026, 1, 31))) == 1
    services.update_log(log, {**LOG_FORM, "date": date(2026, 1, 5), "duration_minutes": 45})
    assert cpd_activities(personas.trainee, date(2026, 1, 1), date(2026, 1, 31)) == []


def test_a_log_in_the_future_is_refused_with_a_clear_message(client, personas):
    login(client, personas.supervisor)
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    response = client.post(reverse("supervision:log_new", args=[personas.trainee.pk]), {**LOG_FORM, "date": tomorrow})
    assert response.status_code == 400 and "a session that has happened" in response.content.decode()
    assert "Pacing with a tearful client" in response.content.decode()


# --- Competencies -----------------------------------------------------------------------------------------------


def competency_url(personas, competency_id="pacing"):
    return reverse("supervision:competency", args=[personas.trainee.pk, competency_id])


def test_self_rating_rating_and_sign_off_are_all_kept_in_the_history(client, personas, shared_letter):
    login(client, personas.trainee)
    client.post(competency_url(personas), {"level": "developing", "note": "Getting there"})
    login(client, personas.supervisor)
    client.post(competency_url(personas), {"level": "developing", "note": "Rushes a little"})
    refused = client.post(competency_url(personas), {"level": "developing", "note": "", "sign_off": "on"})
    assert refused.status_code == 400
    assert "competent or proficient" in refused.content.decode() and "Add a note" in refused.content.decode()
    client.post(competency_url(personas), {"level": "competent", "note": "Lovely pacing in the letter", "sign_off": "on",
                                           "evidence": [f"letter:{shared_letter.pk}"]})
    events = list(CompetencyEvent.objects.order_by("created_at", "pk"))
    assert [(e.kind, e.level) for e in events] == [("self", "developing"), ("supervisor", "developing"), ("sign_off", "competent")]
    assert [(e.item_kind, e.item_id) for e in events[-1].evidence.all()] == [("letter", shared_letter.pk)]
    assert Notification.objects.filter(recipient=personas.trainee, title="Your supervisor signed off a competency").exists()

    login(client, personas.trainee)
    page = client.get(competency_url(personas)).content.decode()
    assert all(text in page for text in ("Getting there", "Rushes a little", "Lovely pacing in the letter", "After a hard day"))
    profile = client.get(reverse("supervision:profile", args=[personas.trainee.pk])).content.decode()
    assert "Signed off" in profile and "Liddell" in profile and "Horwood" in profile


def test_rating_events_are_append_only(personas):
    event = services.rate_self(personas.trainee, "pacing", level="developing")
    event.level = "proficient"
    with pytest.raises(ValueError):
        event.save()
    with pytest.raises(ValueError):
        event.delete()


def test_evidence_must_be_shared_and_disappears_for_the_supervisor_when_unshared(client, personas, shared_letter):
    private = Letter.objects.create(owner=personas.trainee, title="Private draft")
    login(client, personas.supervisor)
    response = client.post(competency_url(personas), {"level": "developing", "evidence": [f"letter:{private.pk}"]})
    assert response.status_code == 400 and not CompetencyEvent.objects.exists()
    client.post(competency_url(personas), {"level": "developing", "evidence": [f"letter:{shared_letter.pk}"]})
    assert "After a hard day" in client.get(competency_url(personas)).content.decode()
    shared_letter.visibility = Visibility.PRIVATE
    shared_letter.save()
    page = client.get(competency_url(personas)).content.decode()
    assert "After a hard day" not in page and "1 linked item is no longer shared with you" in page


def test_an_unknown_competency_answers_404(client, personas):
    login(client, personas.trainee)
    assert client.get(competency_url(personas, "not-a-competency")).status_code == 404


# --- Agreement -----------------------------------------------------------------------------------------------------


def test_both_confirm_the_agreement_and_a_change_clears_the_confirmations(client, personas):
    login(client, personas.supervisor)
    page = client.get(reverse("supervision:agreement", args=[personas.trainee.pk])).content.decode()
    assert "What we discuss stays between us" in page
    client.post(reverse("supervision:agreement", args=[personas.trainee.pk]))
    login(client, personas.trainee)
    client.post(reverse("supervision:agreement", args=[personas.supervisor.pk]))
    agreement = SupervisionAgreement.objects.get()
    assert agreement.fully_confirmed

    login(client, personas.supervisor)
    same = {"expectations": agreement.expectations, "confidentiality": agreement.confidentiality, "frequency": agreement.frequency}
    client.post(reverse("supervision:agreement_edit", args=[personas.trainee.pk]), same)
    agreement.refresh_from_db()
    assert agreement.fully_confirmed  # nothing changed: confirmations stand
    client.post(reverse("supervision:agreement_edit", args=[personas.trainee.pk]), {**same, "frequency": "Weekly, 50 minutes"})
    agreement.refresh_from_db()
    assert agreement.frequency == "Weekly, 50 minutes"
    assert agreement.supervisor_confirmed_at is None and agreement.supervisee_confirmed_at is None
    assert Notification.objects.filter(recipient=personas.trainee, kind="supervision_agreement").exists()


def test_only_the_supervisor_edits_the_agreement(client, personas):
    login(client, personas.trainee)
    assert client.get(reverse("supervision:agreement_edit", args=[personas.supervisor.pk])).status_code == 404


# --- Demo data --------------------------------------------------------------------------------------------------------


def test_demo_data_loads_twice_without_duplicates(personas):
    from tend.supervision import demo

    people = {"trainee@example.com": personas.trainee, "supervisor@example.com": personas.supervisor}
    demo.load(people, personas.cohort_a)
    demo.load(people, personas.cohort_a)
    assert SupervisionLog.objects.filter(status=LogStatus.CONFIRMED).count() == 1
    assert CompetencyEvent.objects.filter(kind="self").count() == 1
    assert SupervisionAgreement.objects.get().fully_confirmed
    assert len(cpd_activities(personas.trainee, date.today() - timedelta(days=30), date.today())) == 1


def test_certificates_count_competencies_whose_latest_sign_off_is_competent_or_better(personas):
    from tend.supervision.certificates import signed_off_competencies
    from tend.supervision.models import CompetencyEvent

    def sign(competency, level):
        CompetencyEvent.objects.create(trainee=personas.trainee, author=personas.supervisor, competency_id=competency,
                                       kind=CompetencyEvent.Kind.SIGN_OFF, level=level)

    sign("pacing", "developing")
    sign("pacing", "competent")
    sign("validation", "proficient")
    sign("validation", "developing")  # a later, lower sign-off replaces the earlier one
    CompetencyEvent.objects.create(trainee=personas.trainee, author=personas.trainee, competency_id="warmth",
                                   kind=CompetencyEvent.Kind.SELF_RATING, level="proficient")
    assert signed_off_competencies(personas.trainee) == ["pacing"]
