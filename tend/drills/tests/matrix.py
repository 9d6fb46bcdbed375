"""Permission matrix entries for sharing, reviewing, mixed practice and the practice diary
(the first drill URLs are in tend/core/tests/policy_table.py)."""

from tend.core import autosave
from tend.core.models import Visibility
from tend.core.tests.policy_table import (
    FORBIDDEN, LOGIN, NOT_ALLOWED, NOT_FOUND, OK, Case, expect, owner_only,
    owner_or_supervisor_when_shared, require_post, signed_in,
)
from tend.drills.models import DrillAttempt, PracticeWeek


def _conflict(item, field: str, text: str):
    """Two tabs based on version 1: the first saves, the second becomes a conflict copy."""
    autosave.save_version(item, base_version=1, save_id="tab-one", values={field: "Tab one"})
    return autosave.save_version(item, base_version=1, save_id="tab-two", values={field: text}).conflict


def samples(p) -> dict:
    conflicted = DrillAttempt.objects.create(owner=p.trainee, skill_id="validating-distress",
                                             drill_id="validating-distress-b2", level="beginner")
    conflicted_week = PracticeWeek.objects.create(owner=p.trainee, week_start="2026-01-12")
    return {
        "drills_conflicted": conflicted,
        "drills_reply_conflict": _conflict(conflicted, "reply", "zqdrillsconflict"),
        "drills_conflicted_week": conflicted_week,
        "drills_week_conflict": _conflict(conflicted_week, "learned", "zqdrillsweekconflict"),
        "drills_shared_attempt": DrillAttempt.objects.create(
            owner=p.trainee, skill_id="validating-distress", drill_id="validating-distress-b1", level="beginner",
            reply="Shared zqdrillsharedreply", visibility=Visibility.SUPERVISOR,
        ),
        "drills_week": PracticeWeek.objects.create(owner=p.trainee, week_start="2026-01-05", learned="zqdrillsdiary"),
    }


PRIVATE_TEXT = ("zqdrillsdiary", "zqdrillsconflict", "zqdrillsweekconflict")
SHARED_TEXT = ("zqdrillsharedreply",)
OWNED_OBJECT_URLS = {"drills:share", "drills:review", "drills:diary_autosave", "drills:conflict", "drills:diary_conflict"}

POLICY = {
    "drills:share": Case(require_post(owner_only()), kwargs=lambda s: {"pk": s.drill_attempt.pk},
                         data=lambda s: {"visibility": "private"}),
    # The writer is sent on to their own attempt page; a reviewer must be able to see the reply.
    "drills:review": [
        Case(owner_only(), label="private reply", kwargs=lambda s: {"pk": s.drill_attempt.pk},
             data=lambda s: {"overall": 3}),
        Case(owner_or_supervisor_when_shared(), label="shared with the supervisor",
             kwargs=lambda s: {"pk": s.drills_shared_attempt.pk}, data=lambda s: {"overall": 3}),
    ],
    "drills:conflict": Case(owner_only(), kwargs=lambda s: {"pk": s.drills_conflicted.pk, "conflict_pk": s.drills_reply_conflict.pk},
                            data=lambda s: {"keep": "saved"}),
    "drills:diary_conflict": Case(owner_only(), kwargs=lambda s: {"pk": s.drills_conflicted_week.pk,
                                                                  "conflict_pk": s.drills_week_conflict.pk},
                                  data=lambda s: {"keep": "saved"}),
    "drills:mixed": require_post(signed_in()),
    "drills:shared": signed_in(),
    "drills:diary": signed_in(),
    "drills:diary_autosave": Case(require_post(owner_only()), kwargs=lambda s: {"pk": s.drills_week.pk},
                                  data=lambda s: {"base_version": s.drills_week.version, "save_id": "w2", "learned": "x"}),
    "drills:diary_pdf": signed_in(post=NOT_ALLOWED),
    "drills:label_export": expect(
        anonymous=LOGIN, trainee=(FORBIDDEN, NOT_ALLOWED), cohort_peer=(FORBIDDEN, NOT_ALLOWED),
        other_trainee=(FORBIDDEN, NOT_ALLOWED), supervisor=(FORBIDDEN, NOT_ALLOWED),
        other_supervisor=(FORBIDDEN, NOT_ALLOWED), trainer=(FORBIDDEN, NOT_ALLOWED), admin=(OK, NOT_ALLOWED),
    ),
}
