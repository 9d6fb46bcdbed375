from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from tend.cohorts.models import Cohort
from tend.core import access
from tend.core.rendering import render_markdown
from tend.live import selectors, services
from tend.live.calendar import build_calendar
from tend.live.forms import AttendanceForm, FollowUpForm, LiveSessionForm
from tend.live.models import CalendarFeed, LiveSession

ICS_TYPE = "text/calendar; charset=utf-8"


def _session(request, pk: int, *, manage: bool = False) -> LiveSession:
    return access.get_live_session_or_404(request, LiveSession.objects.select_related("cohort"), manage=manage, pk=pk)


def index(request: HttpRequest) -> HttpResponse:
    upcoming, past = selectors.my_sessions(request.user)
    return render(request, "live/index.html", {"upcoming": upcoming, "past": past[:20]})


def cohort_sessions(request: HttpRequest, cohort_pk: int) -> HttpResponse:
    cohort = access.get_cohort_or_404(request, Cohort.objects.all(), pk=cohort_pk)
    upcoming, past = selectors.cohort_sessions(cohort)
    return render(request, "live/cohort.html", {
        "cohort": cohort, "upcoming": upcoming, "past": past,
        "can_manage": access.can_manage_cohort(request.user, cohort),
    })


def create(request: HttpRequest, cohort_pk: int) -> HttpResponse:
    cohort = access.get_cohort_or_404(request, Cohort.objects.all(), manage=True, pk=cohort_pk)
    form = LiveSessionForm(request.POST or None, default_time_zone=request.user.time_zone)
    if request.method == "POST":
        if form.is_valid():
            session = services.session_create(cohort=cohort, creator=request.user, data=form.cleaned_data)
            messages.success(request, _("Session scheduled. Members see it in their own time zone."))
            return redirect(session)
        return render(request, "live/form.html", {"form": form, "cohort": cohort}, status=400)
    return render(request, "live/form.html", {"form": form, "cohort": cohort})


def _detail_context(request, session: LiveSession, follow_up_form=None) -> dict:
    can_manage = access.can_manage_cohort(request.user, session.cohort)
    return {
        "session": session, "can_manage": can_manage,
        "materials_html": render_markdown(session.materials), "notes_html": render_markdown(session.notes),
        "my_attendance": selectors.my_attendance(session, request.user),
        "follow_up_form": (follow_up_form or FollowUpForm(instance=session)) if can_manage else None,
    }


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "live/detail.html", _detail_context(request, _session(request, pk)))


def edit(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session(request, pk, manage=True)
    if session.is_cancelled:
        messages.warning(request, _("This session was cancelled, so it can no longer be changed."))
        return redirect(session)
    # The form works on its own copy: validating it changes its instance, and the update compares.
    form = LiveSessionForm(
        request.POST or None, instance=LiveSession.objects.get(pk=session.pk), default_time_zone=request.user.time_zone
    )
    if request.method == "POST":
        if form.is_valid():
            services.session_update(session=session, data=form.cleaned_data)
            messages.success(request, _("Session updated. Calendars that follow it will update too."))
            return redirect(session)
        return render(request, "live/form.html", {"form": form, "cohort": session.cohort, "session": session}, status=400)
    return render(request, "live/form.html", {"form": form, "cohort": session.cohort, "session": session})


@require_POST
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session(request, pk, manage=True)
    services.session_cancel(session=session)
    messages.success(request, _("Session cancelled. It stays listed, marked as cancelled."))
    return redirect(session)


@require_POST
def follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session(request, pk, manage=True)
    form = FollowUpForm(request.POST, instance=LiveSession.objects.get(pk=session.pk))
    if not form.is_valid():
        return render(request, "live/detail.html", _detail_context(request, session, form), status=400)
    services.follow_up_save(session=session, **form.cleaned_data)
    messages.success(request, _("Notes saved. Cohort members can read them on this page."))
    return redirect(session)


def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session(request, pk, manage=True)
    members = selectors.attendees(session)
    form = AttendanceForm(request.POST or None, members=members, recorded=selectors.recorded_attendance(session))
    context = {"session": session, "form": form}
    if request.method == "POST":
        if session.is_cancelled or not session.has_started:
            form.add_error(
                None, _("Attendance can be recorded once the session has started, and not for a cancelled session.")
            )
            return render(request, "live/attendance.html", context, status=400)
        if form.is_valid():
            count = services.attendance_record(session=session, marks=form.choices(), recorded_by=request.user)
            messages.success(request, _("Attendance saved for %(count)s people.") % {"count": count})
            return redirect(session)
        return render(request, "live/attendance.html", context, status=400)
    return render(request, "live/attendance.html", context)


def _page_url(request):
    return lambda session: request.build_absolute_uri(session.get_absolute_url())


def _ics_response(body: bytes, filename: str | None = None) -> HttpResponse:
    response = HttpResponse(body, content_type=ICS_TYPE)
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def session_ics(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session(request, pk)
    return _ics_response(build_calendar([session], _page_url(request)), f"tend-session-{session.pk}.ics")


def cohort_ics(request: HttpRequest, cohort_pk: int) -> HttpResponse:
    """Every upcoming session of one cohort in one file, to import into a calendar once."""
    cohort = access.get_cohort_or_404(request, Cohort.objects.all(), pk=cohort_pk)
    body = build_calendar(selectors.cohort_upcoming(cohort), _page_url(request), name=f"{cohort.name}: live sessions")
    return _ics_response(body, f"tend-{slugify(cohort.name) or 'cohort'}-sessions.ics")


def calendar(request: HttpRequest) -> HttpResponse:
    feed = CalendarFeed.for_user(request.user)
    feed_url = request.build_absolute_uri(reverse("live:feed", args=[feed.token]))
    return render(request, "live/calendar.html", {"feed_url": feed_url})


@require_POST
def calendar_reset(request: HttpRequest) -> HttpResponse:
    services.feed_reset(user=request.user)
    messages.success(
        request, _("Your calendar address has changed. The old one no longer works; add the new one to your calendar.")
    )
    return redirect("live:calendar")


@login_not_required
@require_safe
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The secret-address feed calendar apps poll without signing in; unknown tokens answer 404."""
    found = CalendarFeed.find(token)
    if found is None:
        raise Http404
    response = _ics_response(build_calendar(selectors.feed_sessions(found.user), _page_url(request)))
    # The address is a secret: no shared cache keeps the feed, no search engine lists it.
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
