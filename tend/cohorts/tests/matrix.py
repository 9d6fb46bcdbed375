"""The cohort space, announcements and the trainer dashboard in the permission matrix. The
existing cohorts URLs stay declared in tend/core/tests/policy_table.py."""

from tend.cohorts.models import Announcement
from tend.core.tests.policy_table import NOT_FOUND, Case, cohort_manager, cohort_member, other_cohort_member, require_post

# An announcement to cohort A: its members, trainer and admins read it; cohort B's people never.
COHORT_TEXT = ("zqcohortsannouncement",)


def samples(p) -> dict:
    return {
        "cohorts_announcement": Announcement.objects.create(
            cohort=p.cohort_a, title="Welcome", body="Hello zqcohortsannouncement", posted_by=p.trainer
        ),
        "cohorts_announcement_b": Announcement.objects.create(cohort=p.cohort_b, title="Cohort B news", body="Hello B"),
    }


def announcement_a(s):
    return {"pk": s.cohort_a.pk, "announcement_pk": s.cohorts_announcement.pk}


def announcement_b_under_a(s):
    return {"pk": s.cohort_a.pk, "announcement_pk": s.cohorts_announcement_b.pk}


def announcement_form(s):
    return {"title": "Changed", "body": "New text", "pinned": "on"}


OWNED_OBJECT_URLS = {
    "cohorts:space", "cohorts:announcement_create", "cohorts:announcement_edit", "cohorts:announcement_delete",
    "cohorts:dashboard", "cohorts:nudge",
}

POLICY = {
    "cohorts:space": [
        Case(cohort_member(), "cohort A", kwargs=lambda s: {"pk": s.cohort_a.pk}),
        Case(other_cohort_member(), "cohort B", kwargs=lambda s: {"pk": s.cohort_b.pk}),
    ],
    "cohorts:announcement_create": Case(cohort_manager(), kwargs=lambda s: {"pk": s.cohort_a.pk}, data=announcement_form),
    "cohorts:announcement_edit": [
        Case(cohort_manager(), "cohort A's announcement", kwargs=announcement_a, data=announcement_form),
        # Cohort B's announcement through cohort A's URL: not found even for those who manage cohort A.
        Case(cohort_manager(get=NOT_FOUND, post=NOT_FOUND), "cohort B's announcement under cohort A",
             kwargs=announcement_b_under_a, data=announcement_form),
    ],
    "cohorts:announcement_delete": [
        Case(require_post(cohort_manager()), "cohort A's announcement", kwargs=announcement_a),
        Case(require_post(cohort_manager(post=NOT_FOUND)), "cohort B's announcement under cohort A",
             kwargs=announcement_b_under_a),
    ],
    "cohorts:dashboard": Case(cohort_manager(), kwargs=lambda s: {"pk": s.cohort_a.pk}),
    "cohorts:nudge": [
        Case(require_post(cohort_manager()), "cohort A's trainee",
             kwargs=lambda s: {"pk": s.cohort_a.pk, "user_pk": s.personas.trainee.pk}),
        # Someone who is not a trainee of cohort A cannot be emailed through it.
        Case(require_post(cohort_manager(post=NOT_FOUND)), "cohort B's trainee under cohort A",
             kwargs=lambda s: {"pk": s.cohort_a.pk, "user_pk": s.personas.other_trainee.pk}),
    ],
}
