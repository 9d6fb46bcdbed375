from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tend.cohorts.models import Cohort
from tend.core import access, autosave, autosave_http
from tend.discussion import selectors, services
from tend.discussion.forms import DraftForm, EditPostForm, PostForm, ReportForm, ThreadForm
from tend.discussion.models import Draft, Post, Report, Thread, edit_window


def _cohort(request, cohort_pk: int, *, manage: bool = False) -> Cohort:
    return access.get_cohort_or_404(request, Cohort.objects.all(), manage=manage, pk=cohort_pk)


def _thread(request, cohort, thread_pk: int) -> Thread:
    return access.get_thread_or_404(request, cohort, Thread.objects.select_related("module"), pk=thread_pk)


def _post(request, cohort, post_pk: int, *, own: bool = False) -> Post:
    return access.get_post_or_404(request, cohort, Post.objects.select_related("thread", "author"), own=own, pk=post_pk)


def thread_list(request: HttpRequest, cohort_pk: int) -> HttpResponse:
    cohort = _cohort(request, cohort_pk)
    moderator = access.can_moderate_discussion(request.user, cohort)
    context = {"cohort": cohort, "can_moderate": moderator, **selectors.thread_list(cohort)}
    if moderator:
        context["open_reports"] = selectors.open_report_count(cohort)
    return render(request, "discussion/thread_list.html", context)


def thread_new(request: HttpRequest, cohort_pk: int) -> HttpResponse:
    cohort = _cohort(request, cohort_pk)
    draft = selectors.own_draft(request.user, cohort, None)
    # Coming back to an unposted thread: its autosaved draft fills the form again.
    initial = {"title": draft.title, "body": draft.body} if draft else {}
    form = ThreadForm(request.POST or None, initial=initial)
    context = {"cohort": cohort, "form": form, "draft": draft}
    if request.method == "POST":
        if form.is_valid():
            post = services.start_thread(request, cohort=cohort, author=request.user,
                                         title=form.cleaned_data["title"], body=form.cleaned_data["body"])
            messages.success(request, _("Your thread is up."))
            return redirect(post.thread.get_absolute_url())
        return render(request, "discussion/thread_new.html", context, status=400)
    return render(request, "discussion/thread_new.html", context)


def module_thread(request: HttpRequest, cohort_pk: int, module_slug: str) -> HttpResponse:
    from tend.learn.models import Module

    cohort = _cohort(request, cohort_pk)
    module = Module.objects.live().filter(slug=module_slug).first()
    if module is None:
        raise Http404
    return redirect(services.module_thread(cohort, module).get_absolute_url())


def _decorate(posts, user, *, moderator: bool) -> list[Post]:
    """What this reader may see and do with each post, decided once here, not in the template."""
    now = timezone.now()
    for post in posts:
        post.shows_text = post.shows_text_to(user, moderator=moderator)
        post.editable = post.can_edit(user, now)
        post.is_mine = post.author_id == user.pk
    return posts


def _can_reply(user, thread: Thread, moderator: bool) -> bool:
    return moderator or not thread.locked


def _thread_context(request, cohort, thread, *, form=None, page_number=None) -> dict:
    moderator = access.can_moderate_discussion(request.user, cohort)
    draft = selectors.own_draft(request.user, cohort, thread)
    page = Paginator(selectors.thread_posts(thread), selectors.POSTS_PER_PAGE).get_page(page_number or request.GET.get("page"))
    return {
        "cohort": cohort, "thread": thread, "page": page, "posts": _decorate(list(page.object_list), request.user, moderator=moderator),
        # A refused reply (e.g. the thread was locked meanwhile) is shown again so its text is not lost.
        "can_moderate": moderator, "can_reply": _can_reply(request.user, thread, moderator) or bool(form and form.is_bound),
        # The reader's unposted reply, if they were writing one, is back in the box.
        "form": form or PostForm(initial={"body": draft.body} if draft else None), "draft": draft,
    }


def thread_detail(request: HttpRequest, cohort_pk: int, thread_pk: int) -> HttpResponse:
    cohort = _cohort(request, cohort_pk)
    thread = _thread(request, cohort, thread_pk)
    return render(request, "discussion/thread.html", _thread_context(request, cohort, thread))


@require_POST
def reply(request: HttpRequest, cohort_pk: int, thread_pk: int) -> HttpResponse:
    cohort = _cohort(request, cohort_pk)
    thread = _thread(request, cohort, thread_pk)
    moderator = access.can_moderate_discussion(request.user, cohort)
    form = PostForm(request.POST)
    form.is_valid()
    if not _can_reply(request.user, thread, moderator):
        form.add_error(None, _("This thread has been locked by a trainer, so new replies are closed. Your text is still here to copy."))
    if not form.is_valid():
        if request.htmx:
            # htmx swaps only successful answers: send the form back (keeping the text) in place.
            context = {"cohort": cohort, "thread": thread, "form": form, "can_reply": True,
                       "draft": selectors.own_draft(request.user, cohort, thread)}
            response = render(request, "discussion/_reply_form.html", context)
            response["HX-Retarget"] = "#reply-form"
            response["HX-Reswap"] = "outerHTML"
            return response
        return render(request, "discussion/thread.html", _thread_context(request, cohort, thread, form=form, page_number=10**9), status=400)
    post = services.add_post(request, thread=thread, author=request.user, body=form.cleaned_data["body"])
    if request.htmx:
        post.author = request.user
        context = {"cohort": cohort, "thread": thread, "post": _decorate([post], request.user, moderator=moderator)[0],
                   "form": PostForm(), "can_reply": True, "can_moderate": moderator}
        return render(request, "discussion/_reply_posted.html", context)
    messages.success(request, _("Your reply is posted."))
    return redirect(selectors.post_url(post))


def _save_draft(request, cohort, thread) -> JsonResponse:
    draft = services.draft_for(owner=request.user, cohort=cohort, thread=thread)
    return autosave_http.autosave_response(
        request, draft, DraftForm(request.POST, with_title=thread is None),
        conflict_url=lambda conflict_pk: reverse("discussion:draft_conflict", args=[cohort.pk, draft.pk, conflict_pk]),
        screen=lambda values: services.screen_draft(request, draft, values),
    )


@require_POST
def reply_draft(request: HttpRequest, cohort_pk: int, thread_pk: int) -> JsonResponse:
    """Autosave of the reply box (JavaScript only; without it the reply form works as before)."""
    cohort = _cohort(request, cohort_pk)
    return _save_draft(request, cohort, _thread(request, cohort, thread_pk))


@require_POST
def thread_draft(request: HttpRequest, cohort_pk: int) -> JsonResponse:
    """Autosave of the new-thread form."""
    return _save_draft(request, _cohort(request, cohort_pk), None)


def draft_conflict(request: HttpRequest, cohort_pk: int, draft_pk: int, conflict_pk: int) -> HttpResponse:
    """Two tabs wrote different drafts: compare them and keep one, or combine them. The writer's only."""
    cohort = _cohort(request, cohort_pk)
    draft = access.get_own_or_404(request, Draft.objects.filter(cohort=cohort), pk=draft_pk)
    copy = access.get_own_or_404(request, autosave.open_conflicts(draft), pk=conflict_pk)
    return autosave_http.conflict_page(request, draft, copy, edit_url=draft.get_absolute_url(),
                                       screen=lambda values: services.screen_draft(request, draft, values, next_page=True))


def post_edit(request: HttpRequest, cohort_pk: int, post_pk: int) -> HttpResponse:
    cohort = _cohort(request, cohort_pk)
    post = _post(request, cohort, post_pk, own=True)
    if not post.can_edit(request.user):
        messages.error(request, _("Posts can be edited for %(minutes)s minutes after posting, and that time has passed for this one.")
                       % {"minutes": int(edit_window().total_seconds() // 60)})
        return redirect(selectors.post_url(post))
    form = EditPostForm(request.POST or None, initial={"body": post.body})
    if request.method == "POST":
        if form.is_valid():
            services.edit_post(request, post, form.cleaned_data["body"])
            messages.success(request, _("Your post is updated."))
            return redirect(selectors.post_url(post))
        return render(request, "discussion/post_edit.html", {"cohort": cohort, "post": post, "form": form}, status=400)
    return render(request, "discussion/post_edit.html", {"cohort": cohort, "post": post, "form": form})


@require_POST
def post_delete(request: HttpRequest, cohort_pk: int, post_pk: int) -> HttpResponse:
    cohort = _cohort(request, cohort_pk)
    post = _post(request, cohort, post_pk, own=True)
    services.remove_post(post)
    messages.success(request, _("Your post is removed. Others now see that it was removed by its author."))
    return redirect(selectors.post_url(post))


def post_report(request: HttpRequest, cohort_pk: int, post_pk: int) -> HttpResponse:
    cohort = _cohort(request, cohort_pk)
    post = _post(request, cohort, post_pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            services.report_post(post=post, reporter=request.user, reason=form.cleaned_data["reason"])
            messages.success(request, _("Thank you. The cohort's trainer will look at this post."))
            return redirect(selectors.post_url(post))
        status = 400
    else:
        status = 200
    moderator = access.can_moderate_discussion(request.user, cohort)
    context = {"cohort": cohort, "post": _decorate([post], request.user, moderator=moderator)[0], "form": form}
    return render(request, "discussion/post_report.html", context, status=status)


@require_POST
def post_hide(request: HttpRequest, cohort_pk: int, post_pk: int) -> HttpResponse:
    cohort = _cohort(request, cohort_pk, manage=True)
    post = _post(request, cohort, post_pk)
    hide = request.POST.get("hidden", "1") != "0"
    services.set_hidden(post, hidden=hide, by=request.user)
    messages.success(request, _("The post is hidden from the cohort.") if hide else _("The post is visible again."))
    return redirect(selectors.post_url(post))


@require_POST
def thread_pin(request: HttpRequest, cohort_pk: int, thread_pk: int) -> HttpResponse:
    cohort = _cohort(request, cohort_pk, manage=True)
    thread = _thread(request, cohort, thread_pk)
    services.set_pinned(thread, request.POST.get("pinned", "1") != "0")
    return redirect(thread.get_absolute_url())


@require_POST
def thread_lock(request: HttpRequest, cohort_pk: int, thread_pk: int) -> HttpResponse:
    cohort = _cohort(request, cohort_pk, manage=True)
    thread = _thread(request, cohort, thread_pk)
    services.set_locked(thread, request.POST.get("locked", "1") != "0")
    return redirect(thread.get_absolute_url())


def report_queue(request: HttpRequest, cohort_pk: int) -> HttpResponse:
    cohort = _cohort(request, cohort_pk, manage=True)
    reports = list(selectors.open_reports(cohort))
    _decorate([r.post for r in reports], request.user, moderator=True)
    return render(request, "discussion/reports.html", {"cohort": cohort, "reports": reports})


@require_POST
def report_resolve(request: HttpRequest, cohort_pk: int, report_pk: int) -> HttpResponse:
    cohort = _cohort(request, cohort_pk, manage=True)
    report = Report.objects.filter(post__thread__cohort=cohort, pk=report_pk).select_related("post").first()
    if report is None:
        raise Http404
    services.resolve_report(report, by=request.user, hide_post=request.POST.get("action") == "hide")
    messages.success(request, _("Report resolved."))
    return redirect("discussion:reports", cohort.pk)
