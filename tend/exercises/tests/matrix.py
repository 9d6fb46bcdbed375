"""Group exercises' part of the permission matrix (read by tend/core/tests/test_permission_matrix.py)."""

from tend.core import autosave
from tend.core.models import Visibility
from tend.core.tests.policy_table import (
    NOT_ALLOWED, NOT_FOUND, Case, but, cohort_manager, cohort_member, owner_only, require_post,
)
from tend.exercises.models import Answer, Exercise

PRIVATE_TEXT = ("zqexerciseprivate", "zqexerciseconflict")
COHORT_TEXT = ("zqexerciseshared",)


def samples(p) -> dict:
    exercise = Exercise.objects.create(cohort=p.cohort_a, title="Your compassionate image", prompt="Describe it in words.",
                                       created_by=p.trainer)
    private = Answer.objects.create(exercise=exercise, owner=p.trainee, body="Only mine zqexerciseprivate", has_text=True)
    shared = Answer.objects.create(exercise=exercise, owner=p.cohort_peer, body="For the cohort zqexerciseshared", has_text=True,
                                   visibility=Visibility.COHORT, shared_cohort=p.cohort_a)
    second = Exercise.objects.create(cohort=p.cohort_a, title="Blocks at work", prompt="What blocks it?", created_by=p.trainer)
    conflicted = Answer.objects.create(exercise=second, owner=p.trainee, body="Mine", has_text=True)
    autosave.save_version(conflicted, base_version=1, save_id="tab-one", values={"body": "Tab one zqexerciseprivate"})
    conflict = autosave.save_version(conflicted, base_version=1, save_id="tab-two", values={"body": "zqexerciseconflict"}).conflict
    return {"exercises_exercise": exercise, "exercises_private_answer": private, "exercises_shared_answer": shared,
            "exercises_second": second, "exercises_conflict": conflict}


def _cohort(s):
    return {"cohort_pk": s.cohort_a.pk}


def _exercise(s):
    return {"cohort_pk": s.cohort_a.pk, "exercise_pk": s.exercises_exercise.pk}


def _answer(s):
    return {"body": "An answer", "visibility": "private", "base_version": 1, "save_id": "matrix-save"}


def _exercise_form(s):
    return {"title": "Letting kindness in", "prompt": "Write about it.", "due_on": "", "is_open": "on"}


# Answering is for the cohort's members; an admin may look at the cohort but has no answer there.
_answering = but(require_post(cohort_member()), admin=(NOT_ALLOWED, NOT_FOUND))

POLICY = {
    "exercises:list": Case(cohort_member(), kwargs=_cohort),
    "exercises:new": Case(cohort_manager(), kwargs=_cohort, data=_exercise_form),
    "exercises:detail": Case(cohort_member(), kwargs=_exercise),
    "exercises:edit": Case(cohort_manager(), kwargs=_exercise, data=_exercise_form),
    "exercises:answer": Case(_answering, kwargs=_exercise, data=_answer),
    "exercises:autosave": Case(_answering, kwargs=_exercise, data=_answer),
    "exercises:conflict": Case(owner_only(), kwargs=lambda s: {"cohort_pk": s.cohort_a.pk, "exercise_pk": s.exercises_second.pk,
                                                 "conflict_pk": s.exercises_conflict.pk},
                               data=lambda s: {"keep": "saved"}),
}

OWNED_OBJECT_URLS = set(POLICY)
