"""Group exercises: trainers set them, people answer privately and may share; private answers
are never shown to anyone else, whatever their role."""

from datetime import date
from pathlib import Path
from unittest import mock

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tend.cohorts.models import Membership
from tend.core.hooks import gather
from tend.core.models import Visibility
from tend.exercises import prompts
from tend.exercises.models import Answer, Exercise
from tend.testing.personas import make_user

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def url(name, cohort, *args):
    return reverse(f"exercises:{name}", args=[cohort.pk, *args])


def make_exercise(p, **fields) -> Exercise:
    fields = {"title": "Your compassionate image", "prompt": "Describe it in words.", "created_by": p.trainer, **fields}
    return Exercise.objects.create(cohort=p.cohort_a, **fields)


def save(user, exercise, body, visibility="private"):
    current = Answer.objects.filter(exercise=exercise, owner=user).first()
    data = {"body": body, "visibility": visibility, "base_version": current.version if current else 1, "save_id": ""}
    return client_for(user).post(url("answer", exercise.cohort, exercise.pk), data)


# --- Setting exercises -------------------------------------------------------------------------


def test_ready_made_prompts_are_read_from_content():
    found = prompts.ready_prompts()
    assert 6 <= len(found) <= 8
    assert all(p.title and p.text and p.id for p in found)
    assert prompts.ready_prompt("compassionate-image-in-words").title == "Describe your compassionate image in words"


def test_a_broken_prompt_file_is_reported_with_its_name_and_field(tmp_path: Path):
    (tmp_path / "bad-one.md").write_text("---\nid: other-name\n---\n")
    with pytest.raises(prompts.PromptErrors) as caught:
        prompts.read_prompts(tmp_path)
    message = str(caught.value)
    assert "bad-one.md:2: title: expected some text" in message
    assert "expected the file to be named other-name.md" in message and "(prompt)" in message


def test_a_trainer_sets_an_exercise_from_a_ready_made_prompt(personas):
    p = personas
    trainer = client_for(p.trainer)
    page = trainer.get(url("new", p.cohort_a) + "?prompt=my-inner-critic").content.decode()
    assert "Getting to know my inner critic" in page and "Starting from" in page
    response = trainer.post(url("new", p.cohort_a), {"ready_prompt": "my-inner-critic", "title": "Our critics",
                                                     "prompt": "My own wording", "due_on": "2030-01-31", "is_open": "on"})
    exercise = Exercise.objects.get()
    assert response.status_code == 302 and response["Location"] == exercise.get_absolute_url()
    assert (exercise.title, exercise.prompt, exercise.ready_prompt_id, exercise.due_on, exercise.is_open) == (
        "Our critics", "My own wording", "my-inner-critic", date(2030, 1, 31), True)


def test_setting_an_exercise_without_a_prompt_says_what_is_missing_and_keeps_the_title(personas):
    p = personas
    response = client_for(p.trainer).post(url("new", p.cohort_a), {"title": "Kept title", "prompt": ""})
    assert response.status_code == 400
    assert "Please write the prompt people will answer." in response.content.decode()
    assert "Kept title" in response.content.decode()


def test_only_the_cohorts_trainer_and_admins_set_and_edit_exercises(personas):
    p = personas
    exercise = make_exercise(p)
    for user in (p.trainee, p.cohort_peer, p.supervisor, p.other_trainee):
        client = client_for(user)
        assert client.get(url("new", p.cohort_a)).status_code == 404
        assert client.post(url("edit", p.cohort_a, exercise.pk), {"title": "x", "prompt": "y"}).status_code == 404
    client_for(p.admin).post(url("edit", p.cohort_a, exercise.pk), {"title": "Renamed", "prompt": "y"})
    exercise.refresh_from_db()
    assert exercise.title == "Renamed" and not exercise.is_open  # an unticked box closes it


# --- Answering and privacy ---------------------------------------------------------------------------


def test_private_answers_are_seen_by_nobody_else_not_even_trainers_or_admins(personas):
    p = personas
    exercise = make_exercise(p)
    save(p.trainee, exercise, "zqmyprivateanswer")
    assert "zqmyprivateanswer" in client_for(p.trainee).get(exercise.get_absolute_url()).content.decode()
    for user in (p.cohort_peer, p.supervisor, p.trainer, p.admin):
        client = client_for(user)
        for path in (exercise.get_absolute_url(), url("list", p.cohort_a)):
            assert "zqmyprivateanswer" not in client.get(path).content.decode(), (user, path)
    trainer_page = client_for(p.trainer).get(exercise.get_absolute_url()).content.decode()
    assert "1 answered, 0 shared" in trainer_page


def test_shared_answers_are_shown_together_with_names_to_the_cohort(personas):
    p = personas
    exercise = make_exercise(p)
    save(p.trainee, exercise, "zqsharedbytrainee", "cohort")
    save(p.cohort_peer, exercise, "zqsharedbypeer", "cohort")
    save(p.supervisor, exercise, "zqstayedprivate")
    for user in (p.trainee, p.cohort_peer, p.supervisor, p.trainer):
        page = client_for(user).get(exercise.get_absolute_url()).content.decode()
        assert "zqsharedbytrainee" in page and "zqsharedbypeer" in page and "Tara Trainee" in page
        assert ("zqstayedprivate" in page) == (user == p.supervisor)
    assert "3 answered, 2 shared" in client_for(p.trainer).get(url("list", p.cohort_a)).content.decode()
    assert client_for(p.other_trainee).get(exercise.get_absolute_url()).status_code == 404
    answer_row = Answer.objects.get(owner=p.trainee)
    assert answer_row.shared_cohort == p.cohort_a and answer_row.visibility == Visibility.COHORT


def test_unsharing_takes_an_answer_out_of_the_cohorts_view(personas):
    p = personas
    exercise = make_exercise(p)
    save(p.trainee, exercise, "zqchangedmymind", "cohort")
    save(p.trainee, exercise, "zqchangedmymind", "private")
    assert "zqchangedmymind" not in client_for(p.cohort_peer).get(exercise.get_absolute_url()).content.decode()
    assert Answer.objects.get().shared_cohort is None


def test_an_answer_autosaves_with_versions_and_an_idempotent_retry(personas):
    p = personas
    exercise = make_exercise(p)
    client = client_for(p.trainee)
    data = {"body": "First words", "visibility": "private", "base_version": 1, "save_id": "a1"}
    first = client.post(url("autosave", p.cohort_a, exercise.pk), data)
    assert first.status_code == 200 and first.json()["status"] == "saved" and first.json()["version"] == 2
    retry = client.post(url("autosave", p.cohort_a, exercise.pk), data)
    assert retry.json()["status"] == "replayed"
    stale = client.post(url("autosave", p.cohort_a, exercise.pk), {**data, "body": "From an old tab", "save_id": "a2"})
    assert stale.status_code == 409
    answer_row = Answer.objects.get()
    assert answer_row.body == "First words" and answer_row.has_text


def test_every_answer_save_is_screened_and_support_is_for_the_writer_only(personas):
    p = personas
    exercise = make_exercise(p)
    with mock.patch("tend.exercises.services.screen_own_writing", return_value="none") as screen:
        save(p.trainee, exercise, "My words")
        client_for(p.trainee).post(url("autosave", p.cohort_a, exercise.pk),
                                   {"body": "More words", "visibility": "private", "base_version": 2, "save_id": "x"})
    assert [c.kwargs["text"] for c in screen.call_args_list] == ["My words", "More words"]
    assert all(c.kwargs["source"] == "exercise" for c in screen.call_args_list)
    writer = client_for(p.cohort_peer)
    writer.post(url("answer", p.cohort_a, exercise.pk),
                {"body": "I want to kill myself tonight, I have a plan.", "visibility": "cohort", "base_version": 1})
    assert "You don't have to hold this alone" in writer.get(exercise.get_absolute_url()).content.decode()
    page = client_for(p.trainer).get(exercise.get_absolute_url()).content.decode()
    assert 'data-support-panel="high"' not in page.replace('data-support-panel="high" hidden', "")


def test_a_closed_exercise_refuses_changes_and_keeps_the_typed_text(personas):
    p = personas
    exercise = make_exercise(p, is_open=False)
    response = client_for(p.trainee).post(url("answer", p.cohort_a, exercise.pk),
                                          {"body": "zqlatewords", "visibility": "private", "base_version": 1})
    assert response.status_code == 400
    text = response.content.decode()
    assert "closed by the trainer" in text and "zqlatewords" in text
    auto = client_for(p.trainee).post(url("autosave", p.cohort_a, exercise.pk), {"body": "x", "base_version": 1})
    assert auto.status_code == 400 and "closed" in auto.json()["errors"]["__all__"][0]
    assert not Answer.objects.filter(has_text=True).exists()


def test_an_admin_outside_the_cohort_sees_the_exercise_but_does_not_answer(personas):
    p = personas
    exercise = make_exercise(p)
    admin = client_for(p.admin)
    assert "no answer box for you" in admin.get(exercise.get_absolute_url()).content.decode()
    assert admin.post(url("answer", p.cohort_a, exercise.pk), {"body": "x", "visibility": "private", "base_version": 1}).status_code == 404


def test_an_exercise_asked_for_under_another_cohort_is_404(personas):
    p = personas
    exercise = make_exercise(p)
    assert client_for(p.other_trainee).get(reverse("exercises:detail", args=[p.cohort_b.pk, exercise.pk])).status_code == 404


# --- Schedule and queries -------------------------------------------------------------------------------


def test_due_dates_of_open_exercises_are_in_the_cohort_schedule(personas):
    p = personas
    make_exercise(p, title="Due soon", due_on=date(2030, 3, 1))
    make_exercise(p, title="No date")
    make_exercise(p, title="Closed one", due_on=date(2030, 3, 2), is_open=False)
    items = [i for i in gather("schedule", "cohort_schedule", p.cohort_a, p.trainee) if i.kind == "exercise"]
    assert [(i.when, i.title) for i in items] == [(date(2030, 3, 1), "Group exercise due: Due soon")]
    assert items[0].url == Exercise.objects.get(title="Due soon").get_absolute_url()


def _queries(client, path) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx)


def test_pages_use_the_same_queries_as_answers_and_exercises_grow(personas):
    p = personas
    exercise = make_exercise(p)
    save(p.cohort_peer, exercise, "shared one", "cohort")
    client = client_for(p.trainee)
    _queries(client, exercise.get_absolute_url())  # warm-up
    few_detail = _queries(client, exercise.get_absolute_url())
    few_list = _queries(client, url("list", p.cohort_a))
    for n in range(10):
        person = make_user(f"extra{n}@test.example", f"Extra {n}")
        Membership.objects.create(user=person, cohort=p.cohort_a)
        Answer.objects.create(exercise=exercise, owner=person, body=f"answer {n}", has_text=True,
                              visibility=Visibility.COHORT if n % 2 else Visibility.PRIVATE,
                              shared_cohort=p.cohort_a if n % 2 else None)
        make_exercise(p, title=f"Exercise {n}")
    assert _queries(client, exercise.get_absolute_url()) == few_detail
    assert _queries(client, url("list", p.cohort_a)) == few_list


def test_a_stale_tab_keeps_its_answer_and_the_writer_chooses_on_the_compare_page(client, personas):
    from tend.exercises.models import Answer, Exercise

    exercise = Exercise.objects.create(cohort=personas.cohort_a, title="Blocks", prompt="What blocks compassion?",
                                       created_by=personas.trainer)
    client.force_login(personas.trainee)
    url = reverse("exercises:autosave", args=[personas.cohort_a.pk, exercise.pk])
    data = {"visibility": "private", "base_version": 1}
    assert client.post(url, {**data, "save_id": "a", "body": "First tab"}).status_code == 200
    stale = client.post(url, {**data, "save_id": "b", "body": "Second tab zqkept"})
    assert stale.status_code == 409
    page = client.get(stale.json()["conflict_url"]).content.decode()
    assert "First tab" in page and "Second tab zqkept" in page
    client.force_login(personas.cohort_peer)
    assert client.get(stale.json()["conflict_url"]).status_code == 404
    client.force_login(personas.trainee)
    assert client.post(stale.json()["conflict_url"], {"keep": "mine"}).status_code == 302
    assert Answer.objects.get(owner=personas.trainee).body == "Second tab zqkept"
