from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tend.journal.models import JournalEntry
from tend.learn import scoring, search, selectors
from tend.learn.models import CohortCurriculum, Lesson, LessonProgress, Module, ModuleProgress, ModuleRelease, QuizAttempt
from tend.learn.tests.sample_content import write_curriculum

RIGHT = {"q-q-threat": "a", "q-q-soothing": ["a", "b"]}


def test_scoring_is_all_or_nothing_per_question_and_rounds_down():
    questions = [
        {"key": "one", "options": [{"id": "a", "correct": True}, {"id": "b", "correct": False}]},
        {"key": "two", "options": [{"id": "a", "correct": True}, {"id": "b", "correct": True}, {"id": "c", "correct": False}]},
        {"key": "three", "options": [{"id": "a", "correct": True}, {"id": "b", "correct": False}]},
    ]
    result = scoring.score(questions, {"one": ["a"], "two": ["a"], "three": ["a", "zzz"]}, pass_mark=67)
    assert [r.correct for r in result.results] == [True, False, True]
    assert result.score == 66 and not result.passed  # 66.7 rounds down: never a pass by rounding
    assert scoring.score(questions, {}, 80).results[0].answered is False


def test_reading_completing_and_passing_completes_the_module(client, trainee, curriculum):
    client.force_login(trainee)
    module = Module.objects.get(slug="module-1")
    first, second = Lesson.objects.filter(module=module)
    page = client.get(reverse("learn:lesson", args=[module.slug, first.slug]))
    assert page.status_code == 200 and b"Lesson 1 of 2" in page.content
    response = client.post(reverse("learn:lesson_complete", args=[module.slug, first.slug]))
    assert response["Location"] == reverse("learn:lesson", args=[module.slug, second.slug])
    client.post(reverse("learn:lesson_complete", args=[module.slug, second.slug]))
    assert ModuleProgress.objects.get(user=trainee, module=module).completed_at is None  # check still to pass
    wrong = client.post(reverse("learn:check", args=[module.slug]), {"q-q-threat": "b", "q-q-soothing": ["a"]})
    assert b"You scored 0 %" in wrong.content and b"Worth revisiting" in wrong.content
    assert b"Drive is about pursuit and reward" in wrong.content  # every option explains itself
    passed = client.post(reverse("learn:check", args=[module.slug]), RIGHT)
    assert b"passed" in passed.content
    progress = ModuleProgress.objects.get(user=trainee, module=module)
    assert progress.completed_at is not None and progress.best_score == 100
    assert QuizAttempt.objects.filter(user=trainee).count() == 2


def test_the_check_answers_htmx_with_just_the_result(client, trainee, curriculum):
    client.force_login(trainee)
    response = client.post(reverse("learn:check", args=["module-1"]), RIGHT, headers={"HX-Request": "true"})
    assert b"<html" not in response.content and b"You scored 100 %" in response.content


def test_resume_position_is_remembered(client, trainee, curriculum):
    client.force_login(trainee)
    lesson = Lesson.objects.get(slug="module-1-first")
    assert client.post(reverse("learn:lesson_position", args=["module-1", lesson.slug]), {"position": "0.42"}).json() == {"saved": True}
    assert LessonProgress.objects.get(user=trainee, lesson=lesson).scroll_position == pytest.approx(0.42)
    assert b'data-resume="0.420000"' in client.get(reverse("learn:lesson", args=["module-1", lesson.slug])).content
    assert client.post(reverse("learn:lesson_position", args=["module-1", lesson.slug]), {"position": "far"}).status_code == 400


def test_continue_where_you_left_off_on_home_and_overview(client, trainee, curriculum):
    client.force_login(trainee)
    client.get(reverse("learn:lesson", args=["module-1", "module-1-second"]))
    for url in (reverse("home"), reverse("learn:overview")):
        assert b"Continue where you left off" in client.get(url).content


def test_a_reflection_opens_a_private_journal_entry_with_autosave(client, trainee, curriculum):
    client.force_login(trainee)
    url = reverse("learn:reflect", args=["module-1", "why-here"])
    response = client.post(url)
    entry = JournalEntry.objects.get(owner=trainee)
    assert response["Location"] == reverse("journal:edit", args=[entry.pk])
    assert entry.visibility == "private" and "Why you are here" in entry.title
    assert client.post(url)["Location"] == response["Location"]  # the same entry again
    assert b"Continue your reflection" in client.get(reverse("learn:module", args=["module-1"])).content


def test_sequential_unlocking(personas, curriculum):
    CohortCurriculum.objects.create(cohort=personas.cohort_a, mode=CohortCurriculum.Mode.SEQUENTIAL)
    states = selectors.module_states(personas.trainee)
    assert [s.unlocked for s in states] == [True, False]
    assert "complete the module before" in states[1].locked_reason
    ModuleProgress.objects.create(user=personas.trainee, module=states[0].module, completed_at="2026-11-01T10:00Z")
    assert [s.unlocked for s in selectors.module_states(personas.trainee)] == [True, True]


def test_dated_unlocking_and_due_this_week(personas, curriculum):
    CohortCurriculum.objects.create(cohort=personas.cohort_a, mode=CohortCurriculum.Mode.DATED)
    first, second = Module.objects.all()
    today = date.today()
    ModuleRelease.objects.create(cohort=personas.cohort_a, module=first, opens_on=today, due_on=today + timedelta(days=3))
    ModuleRelease.objects.create(cohort=personas.cohort_a, module=second, opens_on=today + timedelta(days=10))
    states = selectors.module_states(personas.trainee)
    assert [s.unlocked for s in states] == [True, False] and "Opens on" in states[1].locked_reason
    assert [s.module for s in selectors.due_this_week(personas.trainee)] == [first]


def test_a_locked_lesson_redirects_to_its_module_with_the_reason(client, personas, curriculum):
    CohortCurriculum.objects.create(cohort=personas.cohort_a, mode=CohortCurriculum.Mode.DATED)
    client.force_login(personas.trainee)
    response = client.get(reverse("learn:lesson", args=["module-1", "module-1-first"]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("learn:module", args=["module-1"])
    assert b"has not scheduled this module yet" in response.content


def test_people_outside_any_cohort_and_staff_see_everything_open(personas, curriculum):
    CohortCurriculum.objects.create(cohort=personas.cohort_a, mode=CohortCurriculum.Mode.DATED)
    assert all(s.unlocked for s in selectors.module_states(personas.trainer))
    assert all(s.unlocked for s in selectors.module_states(personas.admin))


def test_trainer_sets_the_schedule(client, personas, curriculum):
    client.force_login(personas.trainer)
    first, second = Module.objects.all()
    response = client.post(reverse("learn:cohort_release", args=[personas.cohort_a.pk]), {
        "mode": "dated", f"m{first.pk}-opens_on": "2026-12-01", f"m{first.pk}-due_on": "2026-12-08",
        f"m{second.pk}-opens_on": "", f"m{second.pk}-due_on": "",
    })
    assert response.status_code == 302
    assert personas.cohort_a.curriculum.mode == "dated"
    assert ModuleRelease.objects.get().opens_on == date(2026, 12, 1)


def test_trainer_grid_shows_progress_but_never_reflections(client, personas, curriculum):
    client.force_login(personas.trainee)
    client.post(reverse("learn:reflect", args=["module-1", "why-here"]))
    client.post(reverse("learn:check", args=["module-1"]), RIGHT)
    entry = JournalEntry.objects.get(owner=personas.trainee)
    entry.body = "my very private reflection"
    entry.save()
    client.force_login(personas.trainer)
    page = client.get(reverse("learn:cohort_progress", args=[personas.cohort_a.pk]))
    assert b"Tara Trainee" in page.content and b"check 100 %" in page.content
    assert b"very private" not in page.content and b"Why you are here" not in page.content


def test_search_finds_lessons_and_glossary_with_highlights(client, trainee, curriculum):
    results = search.search("soothing")
    kinds = {r.kind for r in results}
    assert kinds == {"lesson", "term"}
    assert any("<mark>" in r.snippet_html.lower() for r in results)
    assert search.search("   ") == [] and search.search("xylophone") == []
    client.force_login(trainee)
    assert b"<mark>" in client.get(reverse("learn:search"), {"q": "threat"}).content


def test_search_escapes_what_the_content_says(db, tmp_path):
    from tend.learn import loader
    from tend.learn.content import read_curriculum

    root = write_curriculum(tmp_path / "content", modules=1)
    lesson = root / "curriculum/01-module-1/01-first.md"
    lesson.write_text(lesson.read_text() + "\nA <b>bold</b> claim about soothing.\n")
    loader.load(read_curriculum(root))
    assert all("<b>" not in r.snippet_html for r in search.search("claim"))


def test_module_pdf_downloads(client, trainee, curriculum):
    client.force_login(trainee)
    response = client.get(reverse("learn:pdf", args=["module-1"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and len(response.content) > 2000


def test_figures_are_served_as_sandboxed_svg(client, trainee, curriculum):
    client.force_login(trainee)
    response = client.get(reverse("learn:figure", args=["module-1", "circles.svg"]))
    assert response["Content-Type"] == "image/svg+xml" and "sandbox" in response["Content-Security-Policy"]


def _count_queries(client, url) -> int:
    client.get(url)  # warm-up
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    # Savepoints come from the test's own transaction, not from the page.
    return sum(1 for q in ctx.captured_queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT")))


def test_lesson_page_and_grid_query_counts_stay_constant_as_data_grows(client, personas, tmp_path):
    from tend.learn import loader
    from tend.learn.content import read_curriculum
    from tend.testing.personas import make_user
    from tend.cohorts.models import Membership

    loader.load(read_curriculum(write_curriculum(tmp_path / "small", modules=2)))
    client.force_login(personas.trainee)
    lesson_url = reverse("learn:lesson", args=["module-1", "module-1-first"])
    client.force_login(personas.trainer)
    grid_url = reverse("learn:cohort_progress", args=[personas.cohort_a.pk])
    client.force_login(personas.trainee)
    lesson_small = _count_queries(client, lesson_url)
    client.force_login(personas.trainer)
    grid_small = _count_queries(client, grid_url)

    loader.load(read_curriculum(write_curriculum(tmp_path / "large", modules=20)))  # 10× the modules
    for n in range(20):  # 10× the learners, each with progress and attempts
        learner = make_user(f"learner{n}@test.example", f"Learner {n}")
        Membership.objects.create(user=learner, cohort=personas.cohort_a)
        for module in Module.objects.all():
            ModuleProgress.objects.create(user=learner, module=module, lessons_completed=1, best_score=50)
            QuizAttempt.objects.create(user=learner, module=module, answers={}, score=50, passed=True)
    client.force_login(personas.trainee)
    lesson_large = _count_queries(client, lesson_url)
    client.force_login(personas.trainer)
    assert (lesson_large, _count_queries(client, grid_url)) == (lesson_small, grid_small)
    assert lesson_large <= 10, f"a lesson page ran {lesson_large} queries"


def test_one_answer_gets_feedback_at_once_without_recording_an_attempt(client, trainee, curriculum):
    client.force_login(trainee)
    url = reverse("learn:check_question", args=["module-1", "q-threat"])
    right = client.post(url, {"q-q-threat": "a"}, headers={"HX-Request": "true"})
    assert b"Right." in right.content and b"fit threat activation" in right.content
    wrong = client.post(url, {"q-q-threat": "b"}, headers={"HX-Request": "true"})
    assert b"Not quite." in wrong.content and b"Drive is about pursuit" in wrong.content
    assert b"Choose an answer first" in client.post(url, {}).content
    assert not QuizAttempt.objects.exists()
