"""Reading the discussion: each page's reads are a fixed number of queries however much is written."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from tend.discussion.models import Draft, Post, Report, Thread


def cohort_people(cohort) -> QuerySet:
    """Everyone who belongs to the cohort (trainees, supervisors, trainers): who may be @mentioned."""
    from tend.accounts.models import User

    return User.objects.filter(memberships__cohort=cohort).distinct().order_by("display_name")


def threads_with_counts(cohort) -> QuerySet:
    return (
        Thread.objects.filter(cohort=cohort)
        .select_related("started_by", "module")
        # Every post, removed ones too: they keep their place in the thread as "removed by its author".
        .annotate(post_count=Count("posts"))
    )


@dataclass
class ModuleRow:
    module: object
    thread: Thread | None  # None until someone first opens the module's discussion


def thread_list(cohort) -> dict:
    """Module discussions in curriculum order (each listed even before its thread exists), then
    general threads with pinned ones first and the most recently active next."""
    from tend.learn.models import Module

    threads = list(threads_with_counts(cohort))
    by_module = {t.module_id: t for t in threads if t.module_id is not None}
    modules = Module.objects.live().order_by("number")
    general = [t for t in threads if t.module_id is None]
    return {
        "module_rows": [ModuleRow(module, by_module.get(module.pk)) for module in modules],
        "general_threads": general,  # already ordered: pinned, then last activity
    }


def thread_posts(thread: Thread) -> QuerySet:
    return Post.objects.filter(thread=thread).select_related("author", "hidden_by").order_by("created_at", "pk")


def open_reports(cohort) -> QuerySet:
    return (
        Report.objects.filter(post__thread__cohort=cohort, resolved_at__isnull=True)
        .select_related("post", "post__author", "post__thread", "reporter")
        .order_by("created_at", "pk")
    )


def open_report_count(cohort) -> int:
    return Report.objects.filter(post__thread__cohort=cohort, resolved_at__isnull=True).count()


POSTS_PER_PAGE = 20


def post_url(post: Post) -> str:
    """The thread page that shows this post, scrolled to it."""
    earlier = Post.objects.filter(thread_id=post.thread_id).filter(
        Q(created_at__lt=post.created_at) | Q(created_at=post.created_at, pk__lt=post.pk)
    ).count()
    page = earlier // POSTS_PER_PAGE + 1
    query = f"?page={page}" if page > 1 else ""
    return f"{post.thread.get_absolute_url()}{query}#post-{post.pk}"


def own_draft(user, cohort, thread) -> Draft | None:
    """The reader's own unposted text here (thread None: a new thread), if any. One query."""
    if not user.is_authenticated:
        return None
    return Draft.objects.filter(owner=user, cohort=cohort, thread=thread).first()
