"""The discussion's part of the permission matrix (read by tend/core/tests/test_permission_matrix.py)."""

from tend.core import autosave
from tend.core.tests.policy_table import Case, cohort_manager, cohort_member, owner_only, require_post
from tend.discussion import rendering
from tend.discussion.models import Draft, Post, Report, Thread

COHORT_TEXT = ("zqdiscussioncohort", "zqdiscussiontitle")
# The trainee's unposted reply draft, and a stale tab's copy of it: theirs alone.
PRIVATE_TEXT = ("zqdiscussionprivate", "zqdiscussiondraftconflict")


def samples(p) -> dict:
    thread = Thread.objects.create(cohort=p.cohort_a, title="Settling zqdiscussiontitle", started_by=p.trainee)
    body = "What helps me settle zqdiscussioncohort"
    post = Post.objects.create(thread=thread, author=p.trainee, body=body, body_html=rendering.render(body))
    report = Report.objects.create(post=post, reporter=p.cohort_peer, reason="Please look at this")
    # On a second thread, so the autosave cases above start from no draft (version 1).
    second = Thread.objects.create(cohort=p.cohort_a, title="Another thread", started_by=p.cohort_peer)
    draft = Draft.objects.create(owner=p.trainee, cohort=p.cohort_a, thread=second, body="Not posted yet")
    autosave.save_version(draft, base_version=1, save_id="tab-one", values={"body": "Tab one zqdiscussionprivate"})
    conflict = autosave.save_version(draft, base_version=1, save_id="tab-two", values={"body": "zqdiscussiondraftconflict"}).conflict
    return {"discussion_thread": thread, "discussion_post": post, "discussion_report": report,
            "discussion_draft": draft, "discussion_draft_conflict": conflict}


def _cohort(s):
    return {"cohort_pk": s.cohort_a.pk}


def _thread(s):
    return {"cohort_pk": s.cohort_a.pk, "thread_pk": s.discussion_thread.pk}


def _draft(s):
    return {"body": "Drafting a reply", "base_version": 1, "save_id": "matrix-save"}


def _post(s):
    return {"cohort_pk": s.cohort_a.pk, "post_pk": s.discussion_post.pk}


POLICY = {
    "discussion:list": Case(cohort_member(), kwargs=_cohort),
    "discussion:new": Case(cohort_member(), kwargs=_cohort, data=lambda s: {"title": "A question", "body": "Mine"}),
    "discussion:module": Case(cohort_member(), kwargs=lambda s: {"cohort_pk": s.cohort_a.pk, "module_slug": s.module_slug}),
    "discussion:thread": Case(cohort_member(), kwargs=_thread),
    "discussion:reply": Case(require_post(cohort_member()), kwargs=_thread, data=lambda s: {"body": "A reply"}),
    # Drafts autosave for anyone who may write here (each person's own draft); the compare page of a
    # draft's conflicting copies is its writer's alone.
    "discussion:reply_draft": Case(require_post(cohort_member()), kwargs=_thread, data=_draft),
    "discussion:new_draft": Case(require_post(cohort_member()), kwargs=_cohort, data=lambda s: {**_draft(s), "title": "A draft"}),
    "discussion:draft_conflict": Case(owner_only(), kwargs=lambda s: {"cohort_pk": s.cohort_a.pk, "draft_pk": s.discussion_draft.pk,
                                                                  "conflict_pk": s.discussion_draft_conflict.pk},
                                      data=lambda s: {"keep": "saved"}),
    "discussion:pin": Case(require_post(cohort_manager()), kwargs=_thread),
    "discussion:lock": Case(require_post(cohort_manager()), kwargs=_thread),
    # Only the author edits or removes their post; everyone else, whatever their role, gets 404.
    "discussion:edit": Case(owner_only(), kwargs=_post, data=lambda s: {"body": "Edited"}),
    "discussion:delete": Case(require_post(owner_only()), kwargs=_post),
    "discussion:report": Case(cohort_member(), kwargs=_post, data=lambda s: {"reason": "Worth a look"}),
    "discussion:hide": Case(require_post(cohort_manager()), kwargs=_post),
    "discussion:reports": Case(cohort_manager(), kwargs=_cohort),
    "discussion:resolve": Case(require_post(cohort_manager()), kwargs=lambda s: {"cohort_pk": s.cohort_a.pk, "report_pk": s.discussion_report.pk}),
}

OWNED_OBJECT_URLS = set(POLICY)
