from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tend.cohorts.models import Cohort
from tend.core import access, audit, autosave, autosave_http
from tend.core.audit import AuditEvent
from tend.questionnaires import catalogue, exports, selectors, services
from tend.questionnaires.forms import ConsentForm, PlanForm, RotateKeyForm, ScheduleForm
from tend.questionnaires.models import ExportKey, MeasureResponse, MeasureSchedule, SelfCarePlan
from tend.safety import selectors as safety_selectors
from tend.safety.services import screen_own_writing


def _posted(request: HttpRequest):
    """The submitted data for a form, even when empty (an empty POST is still a submission)."""
    return request.POST if request.method == "POST" else None


def home(request: HttpRequest) -> HttpResponse:
    offers = catalogue.offers()
    context = {
        "due": selectors.due_for(request.user, offers),
        "unfinished": selectors.unfinished(request.user),
        "checkins": [o for o in offers.values() if o.is_checkin and o.is_available],
        "measures": [o for o in offers.values() if not o.is_checkin and o.is_available],
        "consented": selectors.has_consented(request.user),
        "managed": access.visible_cohorts(request.user, Cohort.objects.all()) if request.user.is_trainer or request.user.is_admin_role else [],
    }
    return render(request, "questionnaires/home.html", context)


def consent(request: HttpRequest) -> HttpResponse:
    current = "yes" if selectors.has_consented(request.user) else "no"
    form = ConsentForm(_posted(request), initial={"share_scores": current})
    if request.method == "POST":
        if form.is_valid():
            services.set_consent(request.user, share_scores=form.cleaned_data["share_scores"])
            messages.success(request, _("Saved. You can change this whenever you like."))
            return redirect("questionnaires:consent")
        return render(request, "questionnaires/consent.html", {"form": form}, status=400)
    return render(request, "questionnaires/consent.html", {"form": form})


def _available_or_404(definition_id: str) -> catalogue.Offer:
    offer = catalogue.offer_for(definition_id)
    if offer is None or not offer.is_available:
        raise Http404
    return offer


@require_POST
def start(request: HttpRequest, definition_id: str) -> HttpResponse:
    """Start (or resume) answering a measure on one's own initiative."""
    offer = _available_or_404(definition_id)
    response = services.start_response(owner=request.user, administrable=offer.administrable)
    return redirect("questionnaires:answer", response.pk)


@require_POST
def start_scheduled(request: HttpRequest, pk: int) -> HttpResponse:
    schedule = access.get_schedule_to_answer_or_404(request, MeasureSchedule.objects.select_related("cohort"), pk=pk)
    due_on = schedule.occasion_for(timezone.localdate())
    if due_on is None:
        messages.error(request, _("This measure is not open yet."))
        return redirect("questionnaires:home")
    offer = _available_or_404(schedule.definition_id)
    response = services.start_response(owner=request.user, administrable=offer.administrable, schedule=schedule, due_on=due_on)
    return redirect("questionnaires:answer", response.pk)


def _answer_context(response: MeasureResponse, offer: catalogue.Offer | None) -> dict:
    defn = offer.administrable if offer else None
    items = []
    if defn is not None:
        items = [{"item": item, "name": f"item_{item.number}", "value": response.answers.get(str(item.number))}
                 for item in defn.items]
    answered = sum(1 for row in items if row["value"] is not None)
    return {"response": response, "offer": offer, "definition": defn, "items": items,
            "answered": answered, "total": len(items)}


def answer(request: HttpRequest, pk: int) -> HttpResponse:
    """One server-rendered form: every item on a large screen, one per screen on a small one (JS)."""
    response = access.get_own_or_404(request, MeasureResponse.objects.all(), pk=pk)
    if response.is_complete:
        return redirect("questionnaires:results")
    offer = catalogue.offer_for(response.definition_id)
    if offer is None or not offer.is_available:
        return render(request, "questionnaires/answer.html", _answer_context(response, offer), status=200)
    if request.method == "POST":
        services.save_answers(response, services.clean_answers(offer.administrable, request.POST))
        if "finish" in request.POST:
            done = services.complete(response, offer.administrable)
            if done.ok:
                messages.success(request, _("Thank you. Your scores are below, for your eyes only."))
                return redirect(reverse("questionnaires:results") + f"#measure-{response.definition_id}")
            messages.error(request, done.message)
        else:
            messages.success(request, _("Your answers are saved. Come back to finish whenever suits you."))
            return redirect("questionnaires:home")
    return render(request, "questionnaires/answer.html", _answer_context(response, offer))


@require_POST
def save_answer(request: HttpRequest, pk: int) -> JsonResponse:
    """Saves answers as they are given (the page's script posts each choice)."""
    response = access.get_own_or_404(request, MeasureResponse.objects.all(), pk=pk)
    if response.is_complete:
        return JsonResponse({"status": "complete"}, status=409)
    offer = catalogue.offer_for(response.definition_id)
    if offer is None or not offer.is_available:
        return JsonResponse({"status": "unavailable"}, status=409)
    services.save_answers(response, services.clean_answers(offer.administrable, request.POST))
    return JsonResponse({"status": "saved", "answered": len(response.answers), "total": len(offer.administrable.items)})


def results(request: HttpRequest) -> HttpResponse:
    histories = selectors.my_history(request.user)
    care = any(h.needs_care for h in histories)
    context = {"histories": histories, "care": care,
               "contacts": safety_selectors.active_contacts() if care else [],
               "consented": selectors.has_consented(request.user)}
    return render(request, "questionnaires/results.html", context)


def fhir(request: HttpRequest, pk: int) -> JsonResponse:
    response = access.get_own_or_404(request, MeasureResponse.objects.all(), pk=pk)
    reply = JsonResponse(exports.fhir_questionnaire_response(response, request), content_type="application/fhir+json")
    reply["Content-Disposition"] = f'attachment; filename="questionnaire-response-{response.pk}.json"'
    return reply


# --- Care for the carer -----------------------------------------------------------------------


def _plan_form(plan: SelfCarePlan, data=None) -> PlanForm:
    return PlanForm(data, instance=plan, initial={"base_version": plan.version})


def _screen_plan(request, plan: SelfCarePlan, values: dict, *, next_page: bool = True) -> str:
    text = "\n".join(str(values.get(name, "")) for name in SelfCarePlan.FIELDS)
    return screen_own_writing(request, text=text, source="self_care_plan", item_key=str(plan.pk), next_page=next_page)


def plan(request: HttpRequest) -> HttpResponse:
    plan = services.own_plan(request.user)
    form = _plan_form(plan, _posted(request))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            outcome = autosave.save_version(plan, base_version=form.cleaned_data["base_version"],
                                            save_id=form.cleaned_data["save_id"], values=form.saved_values())
            _screen_plan(request, plan, form.saved_values())
            if outcome.status == "conflict":
                messages.warning(request, _("This plan was changed in another tab. Both versions are kept below."))
            else:
                messages.success(request, _("Your plan is saved."))
            return redirect("questionnaires:plan")
        status = 400
    conflicts = [autosave.conflict_values(c) for c in autosave.open_conflicts(plan)]
    context = {"plan": plan, "form": form, "conflicts": conflicts, "contacts": safety_selectors.active_contacts()}
    return render(request, "questionnaires/plan.html", context, status=status)


@require_POST
def plan_autosave(request: HttpRequest, pk: int) -> JsonResponse:
    plan = access.get_own_or_404(request, SelfCarePlan.objects.all(), pk=pk)
    return autosave_http.autosave_response(
        request, plan, _plan_form(plan, request.POST),
        conflict_url=lambda conflict_pk: reverse("questionnaires:plan"),  # the plan page shows the kept copy
        screen=lambda values: _screen_plan(request, plan, values, next_page=False),
    )


def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A plan as its owner, or the supervisor it was shared with, reads it."""
    plan = access.get_visible_or_404(request, SelfCarePlan.objects.select_related("owner"), pk=pk)
    is_owner = plan.owner_id == request.user.pk
    if not is_owner:
        audit.record(AuditEvent.Kind.SHARED_ENTRY_VIEWED, request=request, subject_user=plan.owner, obj=plan)
    return render(request, "questionnaires/plan_detail.html", {"plan": plan, "is_owner": is_owner})


# --- Trainers and admins ------------------------------------------------------------------------


def _require_trainer_or_admin(request) -> None:
    if not (request.user.is_trainer or request.user.is_admin_role):
        raise PermissionDenied


def instruments(request: HttpRequest) -> HttpResponse:
    _require_trainer_or_admin(request)
    context = {"offers": catalogue.offers().values(), "problems": catalogue.problems()}
    return render(request, "questionnaires/instruments.html", context)


def cohort_measures(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = access.get_cohort_or_404(request, Cohort.objects.all(), manage=True, pk=pk)
    offers = catalogue.offers()
    form = ScheduleForm(_posted(request), offers=offers, initial={"opens_on": timezone.localdate()})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            services.schedule_create(cohort=cohort, creator=request.user, **form.cleaned_data)
            messages.success(request, _("Scheduled."))
            return redirect("questionnaires:cohort", cohort.pk)
        status = 400
    context = {
        "cohort": cohort, "form": form, "offers": offers,
        "schedules": MeasureSchedule.objects.filter(cohort=cohort),
        "summary": selectors.cohort_summary(cohort),
        "min_group": selectors.stats.MIN_GROUP,
    }
    return render(request, "questionnaires/cohort.html", context, status=status)


@require_POST
def schedule_delete(request: HttpRequest, pk: int, schedule_pk: int) -> HttpResponse:
    cohort = access.get_cohort_or_404(request, Cohort.objects.all(), manage=True, pk=pk)
    schedule = MeasureSchedule.objects.filter(cohort=cohort, pk=schedule_pk).first()
    if schedule is None:
        raise Http404
    schedule.delete()
    messages.success(request, _("Removed from the schedule. Answers already given stay with the people who gave them."))
    return redirect("questionnaires:cohort", cohort.pk)


def export_csv(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = access.get_cohort_or_404(request, Cohort.objects.all(), manage=True, pk=pk)
    reply = HttpResponse(exports.research_csv(cohort), content_type="text/csv; charset=utf-8")
    reply["Content-Disposition"] = f'attachment; filename="measures-cohort-{cohort.pk}.csv"'
    return reply


def export_key(request: HttpRequest, pk: int) -> HttpResponse:
    """Replace the cohort's pseudonymisation key, after a confirm step saying what that breaks."""
    cohort = access.get_cohort_or_404(request, Cohort.objects.all(), manage=True, pk=pk)
    form = RotateKeyForm(_posted(request))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            exports.rotate_export_key(cohort, request=request)
            messages.success(request, _("The export key has been replaced. New exports use new research ids."))
            return redirect("questionnaires:cohort", cohort.pk)
        status = 400
    context = {"cohort": cohort, "form": form, "key": ExportKey.objects.filter(cohort=cohort).first()}
    return render(request, "questionnaires/export_key.html", context, status=status)
