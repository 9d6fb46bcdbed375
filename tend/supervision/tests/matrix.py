"""Supervision's part of the permission matrix (discovered by tend/core/tests/test_permission_matrix.py).

Samples, all about the `trainee` persona, who is supervised by `supervisor`:
- a letter shared with the supervisor, with a comment on a passage (SHARED_TEXT);
- a letter once shared, commented on, then made private again (PRIVATE_TEXT: the comment stays
  the owner's, the supervisor loses access);
- a supervision log and a self-rating note (SHARED_TEXT: the two of them only).
`other_supervisor` supervises someone else and must get 404 everywhere here.
"""

from datetime import date

from tend.core.models import Visibility
from tend.core.tests.policy_table import (
    BAD_REQUEST,
    LOGIN,
    NOT_FOUND,
    OK,
    Case,
    expect,
    owner_or_supervisor_when_shared,
    require_post,
    signed_in,
)

PRIVATE_TEXT = ("zqsupervisionprivate", "zqsupervisionoldcomment")
SHARED_TEXT = ("zqsupervisionletter", "zqsupervisioncomment", "zqsupervisiontopics", "zqsupervisionselfnote",
               "zqsupervisionreply")


def samples(p) -> dict:
    from tend.letters.models import Letter
    from tend.supervision import services
    from tend.supervision.models import SupervisionLog

    shared = Letter.objects.create(owner=p.trainee, body="Dear me, zqsupervisionletter, go gently.", visibility=Visibility.SUPERVISOR)
    comment = services.add_comment(shared, p.supervisor, body="Lovely warmth zqsupervisioncomment", quote="zqsupervisionletter")
    services.add_reply(shared, comment, p.trainee, body="Thank you zqsupervisionreply")
    unshared = Letter.objects.create(owner=p.trainee, body="Once shared zqsupervisionprivate", visibility=Visibility.SUPERVISOR)
    old_comment = services.add_comment(unshared, p.supervisor, body="Earlier note zqsupervisionoldcomment")
    unshared.visibility = Visibility.PRIVATE
    unshared.save()
    log = SupervisionLog.objects.create(supervisor=p.supervisor, supervisee=p.trainee, date=date(2026, 1, 5),
                                        duration_minutes=60, topics="Pacing zqsupervisiontopics")
    services.rate_self(p.trainee, "pacing", level="developing", note="Still rushing zqsupervisionselfnote")
    return {"supervision_shared_letter": shared, "supervision_unshared_letter": unshared, "supervision_log": log,
            "supervision_comment": comment, "supervision_old_comment": old_comment}


def only(persona: str, get: str = OK, post: str = OK) -> dict:
    """One persona gets (get, post); every other signed-in persona 404; anonymous visitors sign in."""
    outcomes = {name: NOT_FOUND for name in ("trainee", "cohort_peer", "other_trainee", "supervisor", "other_supervisor", "trainer", "admin")}
    outcomes[persona] = (get, post)
    return expect(anonymous=LOGIN, **outcomes)


def _log_form(s):
    return {"date": "2026-01-12", "duration_minutes": "50", "format": "group", "topics": "Matrix topics", "agreed_actions": ""}


def _trainee(s):
    return {"trainee_pk": s.personas.trainee.pk}


OWNER_AND_SUPERVISOR = owner_or_supervisor_when_shared()

POLICY = {
    "supervision:home": signed_in(),
    "supervision:feedback": signed_in(),
    "supervision:logs": signed_in(),
    # Only the trainee's own supervisor logs a session with them.
    "supervision:log_new": Case(only("supervisor"), kwargs=_trainee, data=_log_form),
    # Both sides read the log; only the supervisee confirms it (the supervisor's POST: 404).
    "supervision:log": Case(
        expect(anonymous=LOGIN, trainee=OK, cohort_peer=NOT_FOUND, other_trainee=NOT_FOUND, supervisor=(OK, NOT_FOUND),
               other_supervisor=NOT_FOUND, trainer=NOT_FOUND, admin=NOT_FOUND),
        kwargs=lambda s: {"pk": s.supervision_log.pk}, data=lambda s: {"action": "confirm"},
    ),
    "supervision:log_edit": Case(only("supervisor"), kwargs=lambda s: {"pk": s.supervision_log.pk}, data=_log_form),
    # The profile and each competency: the trainee and their supervisor (each posting their own rating).
    "supervision:profile": Case(OWNER_AND_SUPERVISOR, kwargs=_trainee),
    "supervision:competency": Case(
        OWNER_AND_SUPERVISOR, kwargs=lambda s: {"trainee_pk": s.personas.trainee.pk, "competency_id": "pacing"},
        data=lambda s: {"level": "developing", "note": ""},
    ),
    # The agreement is addressed by the other person in the pair.
    "supervision:agreement": [
        Case(only("trainee"), label="trainee's view", kwargs=lambda s: {"person_pk": s.personas.supervisor.pk}),
        Case(only("supervisor"), label="supervisor's view", kwargs=lambda s: {"person_pk": s.personas.trainee.pk}),
    ],
    "supervision:agreement_edit": Case(
        only("supervisor"), kwargs=lambda s: {"person_pk": s.personas.trainee.pk},
        data=lambda s: {"expectations": "E", "confidentiality": "C", "frequency": "F"},
    ),
    # A shared item: the owner reads it and its comments; their supervisor also comments (POST).
    "supervision:item": [
        Case(
            expect(anonymous=LOGIN, trainee=(OK, NOT_FOUND), cohort_peer=NOT_FOUND, other_trainee=NOT_FOUND, supervisor=OK,
                   other_supervisor=NOT_FOUND, trainer=NOT_FOUND, admin=NOT_FOUND),
            label="shared letter", kwargs=lambda s: {"kind": "letter", "pk": s.supervision_shared_letter.pk},
            data=lambda s: {"body": "A matrix comment"},
        ),
        Case(
            expect(anonymous=LOGIN, trainee=(OK, NOT_FOUND), cohort_peer=NOT_FOUND, other_trainee=NOT_FOUND, supervisor=OK,
                   other_supervisor=NOT_FOUND, trainer=NOT_FOUND, admin=NOT_FOUND),
            label="shared journal entry", kwargs=lambda s: {"kind": "journal", "pk": s.shared_entry.pk},
            data=lambda s: {"body": "A matrix comment"},
        ),
        # Made private again: the owner still reads the old comments; the supervisor gets 404.
        Case(only("trainee", OK, NOT_FOUND), label="letter made private again",
             kwargs=lambda s: {"kind": "letter", "pk": s.supervision_unshared_letter.pk}, data=lambda s: {"body": "A matrix comment"}),
        Case(only("trainee", OK, NOT_FOUND), label="private journal entry",
             kwargs=lambda s: {"kind": "journal", "pk": s.private_entry.pk}, data=lambda s: {"body": "A matrix comment"}),
    ],
    # A reply under a comment: the owner and their supervisor, while the item is shared. Once the
    # owner makes it private again, their reply is refused (400: nobody could read it); others 404.
    "supervision:reply": [
        Case(
            require_post(expect(anonymous=LOGIN, trainee=OK, cohort_peer=NOT_FOUND, other_trainee=NOT_FOUND, supervisor=OK,
                                other_supervisor=NOT_FOUND, trainer=NOT_FOUND, admin=NOT_FOUND)),
            label="comment on a shared letter",
            kwargs=lambda s: {"kind": "letter", "pk": s.supervision_shared_letter.pk, "comment_pk": s.supervision_comment.pk},
            data=lambda s: {"body": "A matrix reply"},
        ),
        Case(
            require_post(only("trainee", OK, BAD_REQUEST)), label="comment on a letter made private again",
            kwargs=lambda s: {"kind": "letter", "pk": s.supervision_unshared_letter.pk, "comment_pk": s.supervision_old_comment.pk},
            data=lambda s: {"body": "A matrix reply"},
        ),
    ],
    "supervision:mark_reviewed": Case(
        require_post(only("supervisor")), kwargs=lambda s: {"kind": "letter", "pk": s.supervision_shared_letter.pk},
    ),
}

OWNED_OBJECT_URLS = {
    "supervision:log_new", "supervision:log", "supervision:log_edit", "supervision:profile", "supervision:competency",
    "supervision:agreement", "supervision:agreement_edit", "supervision:item", "supervision:mark_reviewed",
    "supervision:reply",
}
