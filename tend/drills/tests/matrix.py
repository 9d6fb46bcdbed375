"""Permission matrix entries for sharing, reviewing, mixed practice and the practice diary
(the first drill URLs are in tend/core/tests/policy_table.py)."""

from tend.core.models import Visibility
from tend.core.tests.policy_table import (
    FORBIDDEN, LOGIN, NOT_ALLOWED, NOT_FOUND, OK, Case, expect, owner_only,
    owner_or_supervisor_when_shared, require_post, signed_in,
)
from tend.drills.models import DrillAttempt, PracticeWeek


def samples(p) -> dict:
    return {
        "drills_shared_attempt": DrillAttempt.objects.create(
            owner=p.trainee, skill_id="validating-distress", drill_id="validating-distress-b1", level="beginner",
            reply="Shared zqdrillsharedreply", visibility=Visibility.SUPERVISOR,
        ),
        "drills_week": PracticeWeek.objects.create(owner=p.trainee, week_start="2026-01-05", learned="zqdrillsdiary"),
    }


PRIVATE_TEXT = ("zqdrillsdiary",)
SHARED_TEXT = ("zqdrillsharedreply",)
OWNED_OBJECT_URLS = {"drills:share", "drills:review", "drills:diary_autosave"}

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
