"""Writing to the discussion. Every post and edit is the writer's own words about themselves, so
each is screened like journal text (support is offered to the writer only); mentions notify the
person named, with a title that never quotes the post."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tend.cohorts.models import CohortRole
from tend.core import autosave
from tend.discussion import rendering, selectors
from tend.discussion.models import Draft, Post, Report, Thread
from tend.notifications.services import notify
from tend.safety.services import screen_own_writing

SCREEN_SOURCE = "discussion"


def module_thread(cohort, module) -> Thread:
    """A module's thread in this cohort, made the first time anyone opens it."""
    thread, _created = Thread.objects.get_or_create(cohort=cohort, module=module, defaults={"title": module.title})
    return thread


@transaction.atomic
def start_thread(request, *, cohort, author, title: str, body: str) -> Post:
    thread = Thread.objects.create(cohort=cohort, title=title, started_by=author)
    post = add_post(request, thread=thread, author=author, body=body, also_screen=title)
    discard_draft(owner=author, cohort=cohort, thread=None)
    return post


def add_post(request, *, thread: Thread, author, body: str, also_screen: str = "") -> Post:
    members = list(selectors.cohort_people(thread.cohort))
    named = rendering.mentioned(body, members)
    now = timezone.now()
    post = Post.objects.create(
        thread=thread, author=author, body=body, created_at=now,
        body_html=rendering.render(body, [m.display_name for m in named]),
    )
    post.mentions.set(named)
    Thread.objects.filter(pk=thread.pk).update(last_activity_at=now)
    _screen(request, post, also_screen)
    _notify_mentioned(post, named, actor=author)
    discard_draft(owner=author, cohort=thread.cohort, thread=thread)
    return post


def edit_post(request, post: Post, body: str) -> Post:
    members = list(selectors.cohort_people(post.thread.cohort))
    named = rendering.mentioned(body, members)
    already = set(post.mentions.values_list("pk", flat=True))
    post.body = body
    post.body_html = rendering.render(body, [m.display_name for m in named])
    post.edited_at = timezone.now()
    post.save(update_fields=["body", "body_html", "edited_at"])
    post.mentions.set(named)
    _screen(request, post)
    # Only people newly named in this edit are told; the others already were.
    _notify_mentioned(post, [m for m in named if m.pk not in already], actor=post.author)
    return post


def draft_for(*, owner, cohort, thread) -> Draft:
    """The person's draft here (a reply to `thread`, or a new thread when it is None), made empty at
    their first autosave."""
    draft, _created = Draft.objects.get_or_create(owner=owner, cohort=cohort, thread=thread)
    return draft


def discard_draft(*, owner, cohort, thread) -> None:
    """The post is up, so its draft has done its job. A draft that another tab's text is still
    waiting on (an open conflict copy) is emptied instead of deleted, so that tab's compare page
    keeps working and its words can still be kept."""
    for draft in Draft.objects.filter(owner=owner, cohort=cohort, thread=thread):
        if autosave.open_conflicts(draft).exists():
            autosave.save_version(draft, base_version=draft.version, save_id="", values={"title": "", "body": ""})
        else:
            draft.delete()


def screen_draft(request, draft: Draft, values: dict, *, next_page: bool = False) -> str:
    """Drafts are the writer's own words too: screened as they are saved, like posts."""
    text = "\n".join(part for part in (values.get("title", ""), values.get("body", "")) if part)
    return screen_own_writing(request, text=text, source=SCREEN_SOURCE, item_key=f"draft-{draft.pk}", next_page=next_page)


def remove_post(post: Post) -> None:
    """The author takes their post down. The row stays (replies still make sense around it)."""
    Post.objects.filter(pk=post.pk).update(removed_at=timezone.now())


def set_hidden(post: Post, *, hidden: bool, by) -> None:
    if hidden:
        Post.objects.filter(pk=post.pk).update(hidden_at=timezone.now(), hidden_by=by)
    else:
        Post.objects.filter(pk=post.pk).update(hidden_at=None, hidden_by=None)


def set_pinned(thread: Thread, pinned: bool) -> None:
    Thread.objects.filter(pk=thread.pk).update(pinned=pinned)


def set_locked(thread: Thread, locked: bool) -> None:
    Thread.objects.filter(pk=thread.pk).update(locked=locked)


def report_post(*, post: Post, reporter, reason: str) -> Report:
    report = Report.objects.create(post=post, reporter=reporter, reason=reason)
    cohort = post.thread.cohort
    url = reverse("discussion:reports", args=[cohort.pk])
    for membership in cohort.memberships.filter(role=CohortRole.TRAINER).select_related("user"):
        notify(membership.user, kind="discussion_report", url=url, actor=reporter,
               title=_("A post in ‘%(thread)s’ was reported") % {"thread": post.thread.title})
    return report


def resolve_report(report: Report, *, by, hide_post: bool) -> None:
    """Closes this report and any other open report on the same post; optionally hides the post."""
    if hide_post:
        set_hidden(report.post, hidden=True, by=by)
    Report.objects.filter(post=report.post, resolved_at__isnull=True).update(resolved_at=timezone.now(), resolved_by=by)


def _screen(request, post: Post, also: str = "") -> str:
    text = f"{also}\n{post.body}" if also else post.body
    return screen_own_writing(request, text=text, source=SCREEN_SOURCE, item_key=str(post.pk))


def _notify_mentioned(post: Post, people, *, actor) -> None:
    if not people:
        return
    url = selectors.post_url(post)
    for person in people:
        notify(person, kind="discussion_mention", url=url, actor=actor,
               title=_("%(name)s mentioned you in ‘%(thread)s’") % {"name": actor.display_name, "thread": post.thread.title})
