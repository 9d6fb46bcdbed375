"""The demo data for discussion and exercises loads, and loading it again changes nothing."""

import pytest

from tend.cohorts.models import CohortRole, Membership
from tend.core.models import Visibility
from tend.discussion import demo as discussion_demo
from tend.discussion.models import Post, Thread
from tend.exercises import demo as exercises_demo
from tend.exercises.models import Answer, Exercise
from tend.testing.personas import make_cohort, make_user


@pytest.mark.django_db
def test_demo_data_is_idempotent():
    cohort = make_cohort("Demo")
    people = {email: make_user(email, name) for email, name in [
        ("trainee@example.com", "Alex Rivera"), ("trainee2@example.com", "Sam Okafor"),
        ("supervisor@example.com", "Dr Priya Nair"), ("trainer@example.com", "Jo Bennett"), ("admin@example.com", "Morgan Lee"),
    ]}
    for email in ("trainee@example.com", "trainee2@example.com"):
        Membership.objects.create(cohort=cohort, user=people[email], role=CohortRole.TRAINEE)
    for _ in range(2):
        discussion_demo.load(people, cohort)
        exercises_demo.load(people, cohort)
    thread = Thread.objects.get(module=None)
    assert Post.objects.filter(thread=thread).count() == 2
    assert '<span class="mention">@Alex Rivera</span>' in Post.objects.get(author=people["trainee2@example.com"]).body_html
    assert Exercise.objects.count() == 1
    answer = Answer.objects.get()
    assert answer.owner == people["trainee2@example.com"] and answer.visibility == Visibility.COHORT and answer.shared_cohort == cohort
