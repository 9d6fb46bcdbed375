"""The discussion's part of the permission matrix (read by tend/core/tests/test_permission_matrix.py)."""

from tend.core.tests.policy_table import Case, cohort_manager, cohort_member, owner_only, require_post
from tend.discussion import rendering
from tend.discussion.models import Post, Report, Thread

COHORT_TEXT = ("zqdiscussioncohort", "zqdiscussiontitle")


def samples(p) -> dict:
    thread = Thread.objects.create(cohort=p.cohort_a, title="Settling zqdiscussiontitle", started_by=p.trainee)
    body = "What helps me settle zqdiscussioncohort"
    post = Post.objects.create(thread=thread, author=p.trainee, body=body, body_html=rendering.render(body))
    report = Report.objects.create(post=post, reporter=p.cohort_peer, reason="Please look at this")
    return {"discussion_thread": thread, "discussion_post": post, "discussion_report": report}


def _cohort(s):
    return {"cohort_pk": s.cohort_a.pk}


def _thread(s):
    return {"cohort_pk": s.cohort_a.pk, "thread_pk": s.discussion_thread.pk}


def _post(s):
    return {"cohort_pk": s.cohort_a.pk, "post_pk": s.discussion_post.pk}


POLICY = {
    "discussion:list": Case(cohort_member(), kwargs=_cohort),
    "discussion:new": Case(cohort_member(), kwargs=_cohort, data=lambda s: {"title": "A question", "body": "Mine"}),
    "discussion:module": Case(cohort_member(), kwargs=lambda s: {"cohort_pk": s.cohort_a.pk, "module_slug": s.module_slug}),
    "discussion:thread": Case(cohort_member(), kwargs=_thread),
    "discussion:reply": Case(require_post(cohort_member()), kwargs=_thread, data=lambda s: {"body": "A reply"}),
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
