from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from tend.core import access, autosave, autosave_http
from tend.cpd import exports, selectors, services
from tend.cpd.forms import ActivityAutosaveForm, ExternalActivityForm, PeriodForm
from tend.cpd.models import CpdCategory, ExternalActivity
from tend.handouts.views import organisation_name
from tend.safety import selectors as safety_selectors


def _period(request: HttpRequest) -> tuple[selectors.Period, PeriodForm]:
    """The period asked for in the query string, or the current registration year."""
    current = selectors.registration_year(timezone.localdate())
    if "start" in request.GET or "end" in request.GET:
        form = PeriodForm(request.GET)
        if form.is_valid():
            return selectors.Period(form.cleaned_data["start"], form.cleaned_data["end"]), form
        return current, form
    return current, PeriodForm(initial={"start": current.start.isoformat(), "end": current.end.isoformat()})


def _period_query(period: selectors.Period) -> str:
    return urlencode({"start": period.start.isoformat(), "end": period.end.isoformat()})


@require_safe
def ledger(request: HttpRequest) -> HttpResponse:
    period, form = _period(request)
    context = {
        "ledger": selectors.ledger(request.user, period),
        "form": form,
        "query": _period_query(period),
        "years": [(p, _period_query(p)) for p in selectors.recent_years(timezone.localdate())],
    }
    return render(request, "cpd/ledger.html", context, status=400 if form.errors else 200)


def _posted(request: HttpRequest) -> tuple:
    """(data, files) for a POST (even an empty one, so it is validated), else (None, None)."""
    return (request.POST, request.FILES) if request.method == "POST" else (None, None)


def _form_page(request, form, activity=None, status=200):
    context = {"form": form, "activity": activity}
    if activity:  # the edit page autosaves: conflicts to resolve, support if the writing needs it
        context |= {"conflicts": autosave.open_conflicts(activity), "contacts": safety_selectors.active_contacts()}
    return render(request, "cpd/form.html", context, status=status)


def activity_add(request: HttpRequest) -> HttpResponse:
    if not CpdCategory.objects.exists():
        messages.error(request, _("CPD categories have not been set up yet. Please ask your organisation's administrator."))
        return redirect("cpd:ledger")
    form = ExternalActivityForm(*_posted(request), initial={"date": timezone.localdate().isoformat()})
    if request.method == "POST" and form.is_valid():
        activity = services.save_activity(request, form)
        messages.success(request, _("Added to your CPD record."))
        return redirect(reverse("cpd:ledger") + "?" + _period_query(selectors.registration_year(activity.date)))
    return _form_page(request, form, status=400 if form.errors else 200)


def _own_activity(request: HttpRequest, pk: int) -> ExternalActivity:
    return access.get_own_or_404(request, ExternalActivity.objects.select_related("category"), pk=pk)


def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _own_activity(request, pk)
    form = ExternalActivityForm(*_posted(request), instance=activity, initial={"base_version": activity.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.save_activity(request, form)
        except services.StaleEdit as stale:
            return redirect("cpd:conflict", activity.pk, stale.conflict.pk)
        messages.success(request, _("Saved."))
        return redirect(reverse("cpd:ledger") + "?" + _period_query(selectors.registration_year(activity.date)))
    return _form_page(request, form, activity, status=400 if form.errors else 200)


@require_POST
def activity_autosave(request: HttpRequest, pk: int) -> JsonResponse:
    """The edit page's autosave: everything but the evidence file, versioned like all private writing."""
    activity = _own_activity(request, pk)
    return autosave_http.autosave_response(
        request, activity, ActivityAutosaveForm(request.POST, instance=activity),
        conflict_url=lambda conflict_pk: reverse("cpd:conflict", args=[activity.pk, conflict_pk]),
        screen=lambda values: services.screen_reflection(request, activity, values["reflection"], next_page=False),
    )


def conflict(request: HttpRequest, pk: int, conflict_pk: int) -> HttpResponse:
    """Another tab saved this reflection first: both texts are shown, and the person chooses."""
    activity = _own_activity(request, pk)
    copy = access.get_own_or_404(request, autosave.open_conflicts(activity), pk=conflict_pk)
    return autosave_http.conflict_page(
        request, activity, copy, edit_url=reverse("cpd:edit", args=[activity.pk]), field="reflection",
        screen=lambda values: services.screen_reflection(request, activity, values["reflection"]),
    )


@require_POST
def activity_delete(request: HttpRequest, pk: int) -> HttpResponse:
    activity = access.get_own_or_404(request, ExternalActivity.objects.all(), pk=pk)
    services.delete_activity(activity)
    messages.success(request, _("Removed from your CPD record."))
    return redirect("cpd:ledger")


@require_safe
def evidence(request: HttpRequest, pk: int) -> FileResponse:
    """The owner's evidence file, always as a download with the type we checked on upload."""
    activity = access.get_own_or_404(request, ExternalActivity.objects.all(), pk=pk)
    if not activity.evidence:
        raise Http404
    try:
        handle = activity.evidence.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(handle, content_type=activity.evidence_type, as_attachment=True,
                            filename=activity.evidence_download_name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
def export_csv(request: HttpRequest) -> HttpResponse:
    period, _form = _period(request)
    record = selectors.ledger(request.user, period)
    response = HttpResponse(exports.ledger_csv(record), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(record, "csv")}"'
    return response


@require_safe
def export_pdf(request: HttpRequest) -> HttpResponse:
    period, _form = _period(request)
    record = selectors.ledger(request.user, period)
    html = exports.record_html(record, request.user, organisation_name())
    response = HttpResponse(exports.record_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(record, "pdf")}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
