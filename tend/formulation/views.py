from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tend.core import access, audit, autosave, autosave_http
from tend.core.audit import AuditEvent
from tend.formulation import drawing, services
from tend.formulation.example import worked_example
from tend.formulation.forms import FormulationForm
from tend.formulation.models import AREAS, TEXT_FIELDS, Formulation, Subject
from tend.safety import selectors as safety_selectors
from tend.safety.services import screen_own_writing


def _screen(request, formulation: Formulation, values: dict, *, next_page: bool = True) -> str:
    text = "\n".join([values.get("case_label", ""), *(values.get(name, "") for name in TEXT_FIELDS)])
    return screen_own_writing(request, text=text, source="formulation", item_key=str(formulation.pk), next_page=next_page)


def _form_for(formulation: Formulation, data=None) -> FormulationForm:
    return FormulationForm(data, instance=formulation, initial={"base_version": formulation.version})


def _diagram_title(item) -> str:
    return _("Threat-based formulation: %(title)s") % {"title": item.display_title}


def _diagram(item, id_prefix: str) -> dict:
    svg = drawing.formulation_svg(item, title=_diagram_title(item), id_prefix=id_prefix)
    return {"picture": mark_safe(svg), "outline": drawing.outline(item)}  # noqa: S308  (built with escaped text)


def formulation_list(request: HttpRequest) -> HttpResponse:
    formulations = Formulation.objects.filter(owner=request.user)
    return render(request, "formulation/list.html", {"formulations": formulations, "subjects": Subject.choices})


@require_POST
def formulation_create(request: HttpRequest) -> HttpResponse:
    subject = request.POST.get("subject")
    subject = subject if subject in Subject.values else Subject.MYSELF
    return redirect("formulation:edit", services.formulation_create(owner=request.user, subject=subject).pk)


def formulation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    formulation = access.get_own_or_404(request, Formulation.objects.all(), pk=pk)
    form = _form_for(formulation, request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            values = form.saved_values()
            outcome = autosave.save_version(formulation, base_version=form.cleaned_data["base_version"],
                                            save_id=form.cleaned_data["save_id"], values=values)
            _screen(request, formulation, values)
            if outcome.status == "conflict":
                return redirect("formulation:conflict", formulation.pk, outcome.conflict.pk)
            services.snapshot(formulation, force=True)
            messages.success(request, _("Formulation saved."))
            return redirect("formulation:detail", formulation.pk)
        status = 400
    else:
        status = 200
    context = {
        "formulation": formulation, "form": form, "conflicts": autosave.open_conflicts(formulation),
        "contacts": safety_selectors.active_contacts(),
    }
    return render(request, "formulation/edit.html", context, status=status)


@require_POST
def formulation_autosave(request: HttpRequest, pk: int) -> JsonResponse:
    formulation = access.get_own_or_404(request, Formulation.objects.all(), pk=pk)
    response = autosave_http.autosave_response(
        request, formulation, _form_for(formulation, request.POST),
        conflict_url=lambda conflict_pk: reverse("formulation:conflict", args=[formulation.pk, conflict_pk]),
        screen=lambda values: _screen(request, formulation, values, next_page=False),
    )
    if response.status_code == 200:
        services.snapshot(formulation)
    return response


def formulation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    formulation = access.get_visible_or_404(request, Formulation.objects.select_related("owner"), pk=pk)
    is_owner = formulation.owner_id == request.user.pk
    if not is_owner:
        audit.record(AuditEvent.Kind.SHARED_ENTRY_VIEWED, request=request, subject_user=formulation.owner, obj=formulation)
    context = {"formulation": formulation, "is_owner": is_owner, **_diagram(formulation, f"formulation-{formulation.pk}")}
    return render(request, "formulation/detail.html", context)


def formulation_versions(request: HttpRequest, pk: int) -> HttpResponse:
    formulation = access.get_own_or_404(request, Formulation.objects.all(), pk=pk)
    versions = [{"version": v, "outline": drawing.outline(v)} for v in formulation.versions.all()]
    return render(request, "formulation/versions.html", {"formulation": formulation, "versions": versions})


def conflict(request: HttpRequest, pk: int, conflict_pk: int) -> HttpResponse:
    """The shared conflict page compares one `body`; a formulation has eight areas, so this page shows
    the saved formulation beside the other tab's, and keeping one keeps all of its areas together."""
    formulation = access.get_own_or_404(request, Formulation.objects.all(), pk=pk)
    copy = access.get_own_or_404(request, autosave.open_conflicts(formulation), pk=conflict_pk)
    theirs = autosave.conflict_values(copy)
    edit_url = reverse("formulation:edit", args=[formulation.pk])
    if request.method == "POST":
        choice = request.POST.get("keep")
        if choice == "saved":
            autosave.resolve_conflict(copy)
            messages.success(request, _("Done. It now holds the version you chose."))
            return redirect(edit_url)
        if choice == "mine":
            # Every written area and the label come back; who can see it stays as it is now.
            values = {name: theirs.get(name, "") for name in ["case_label", *TEXT_FIELDS]}
            if theirs.get("subject") in Subject.values:
                values["subject"] = theirs["subject"]
            outcome = autosave.save_version(formulation, base_version=formulation.version, save_id="", values=values)
            _screen(request, formulation, values)
            if outcome.acknowledged:
                autosave.resolve_conflict(copy)
                services.snapshot(formulation, force=True)
                messages.success(request, _("Done. It now holds the version you chose."))
                return redirect(edit_url)
        messages.error(request, _("Please choose which version to keep."))
    rows = [{"area": area, "part": part, "saved": getattr(formulation, name), "mine": theirs.get(name, ""),
             "differs": getattr(formulation, name) != theirs.get(name, "")} for name, area, part in AREAS]
    context = {"formulation": formulation, "copy": copy, "rows": rows, "edit_url": edit_url,
               "saved_label": formulation.case_label, "mine_label": theirs.get("case_label", "")}
    return render(request, "formulation/conflict.html", context)


def example(request: HttpRequest) -> HttpResponse:
    item = worked_example()
    return render(request, "formulation/example.html", {"example": item, **_diagram(item, "example")})


def export_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    formulation = access.get_own_or_404(request, Formulation.objects.all(), pk=pk)
    html = render_to_string("formulation/formulation_pdf.html", {"formulation": formulation, "outline": drawing.outline(formulation),
                             "organisation": settings.TEND_ORGANISATION_NAME}, request=request)
    pdf = drawing.formulation_pdf(formulation, html, title=_diagram_title(formulation))
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"formulation-{timezone.localtime(formulation.updated_at):%Y-%m-%d}-{formulation.pk}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
def formulation_delete(request: HttpRequest, pk: int) -> HttpResponse:
    formulation = access.get_own_or_404(request, Formulation.objects.all(), pk=pk)
    formulation.delete()
    messages.success(request, _("Formulation deleted."))
    return redirect("formulation:list")
