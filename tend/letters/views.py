from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tend.coaching import panel
from tend.core import access, audit, autosave, autosave_http
from tend.core.audit import AuditEvent
from tend.letters import services
from tend.letters.forms import LetterForm
from tend.letters.models import Letter
from tend.safety import selectors as safety_selectors
from tend.safety.services import screen_own_writing


def _screen(request, letter: Letter, values: dict, *, next_page: bool = True) -> str:
    text = f"{values.get('title', '')}\n{values.get('body', '')}"
    return screen_own_writing(request, text=text, source="letter", item_key=str(letter.pk), next_page=next_page)


def _form_for(letter: Letter, data=None) -> LetterForm:
    return LetterForm(data, instance=letter, initial={"base_version": letter.version, "checklist": letter.checklist})


def letter_list(request: HttpRequest) -> HttpResponse:
    letters = Letter.objects.filter(owner=request.user)
    return render(request, "letters/list.html", {"letters": letters})


@require_POST
def letter_create(request: HttpRequest) -> HttpResponse:
    return redirect("letters:edit", services.letter_create(owner=request.user).pk)


def letter_edit(request: HttpRequest, pk: int) -> HttpResponse:
    letter = access.get_own_or_404(request, Letter.objects.all(), pk=pk)
    form = _form_for(letter, request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            outcome = autosave.save_version(letter, base_version=form.cleaned_data["base_version"],
                                            save_id=form.cleaned_data["save_id"], values=form.saved_values())
            _screen(request, letter, form.saved_values())
            if outcome.status == "conflict":
                return redirect("letters:conflict", letter.pk, outcome.conflict.pk)
            services.snapshot(letter, force=True)
            services.log_writing(letter)
            messages.success(request, _("Letter saved."))
            return redirect("letters:detail", letter.pk)
        status = 400
    else:
        status = 200
    context = {"letter": letter, "form": form, "conflicts": autosave.open_conflicts(letter), "contacts": safety_selectors.active_contacts()}
    return render(request, "letters/edit.html", context, status=status)


@require_POST
def letter_autosave(request: HttpRequest, pk: int) -> JsonResponse:
    letter = access.get_own_or_404(request, Letter.objects.all(), pk=pk)
    response = autosave_http.autosave_response(
        request, letter, _form_for(letter, request.POST),
        conflict_url=lambda conflict_pk: reverse("letters:conflict", args=[letter.pk, conflict_pk]),
        screen=lambda values: _screen(request, letter, values, next_page=False),
    )
    if response.status_code == 200:
        services.snapshot(letter)
    return response


@require_POST
def letter_feedback(request: HttpRequest, pk: int) -> HttpResponse:
    """The feedback engine on the letter as it stands now (htmx); nothing is stored."""
    letter = access.get_own_or_404(request, Letter.objects.all(), pk=pk)
    text = request.POST.get("body", letter.body)
    if not text.strip():
        return render(request, "letters/_feedback_empty.html")
    return render(request, "coaching/_panel.html", {"panel": panel.build("letter", letter.title, text)})


def letter_detail(request: HttpRequest, pk: int) -> HttpResponse:
    letter = access.get_visible_or_404(request, Letter.objects.select_related("owner"), pk=pk)
    is_owner = letter.owner_id == request.user.pk
    if not is_owner:
        audit.record(AuditEvent.Kind.SHARED_ENTRY_VIEWED, request=request, subject_user=letter.owner, obj=letter)
    return render(request, "letters/detail.html", {"letter": letter, "is_owner": is_owner})


def letter_versions(request: HttpRequest, pk: int) -> HttpResponse:
    letter = access.get_own_or_404(request, Letter.objects.all(), pk=pk)
    return render(request, "letters/versions.html", {"letter": letter, "versions": letter.versions.all()})


def conflict(request: HttpRequest, pk: int, conflict_pk: int) -> HttpResponse:
    letter = access.get_own_or_404(request, Letter.objects.all(), pk=pk)
    copy = access.get_own_or_404(request, autosave.open_conflicts(letter), pk=conflict_pk)
    return autosave_http.conflict_page(
        request, letter, copy, edit_url=reverse("letters:edit", args=[letter.pk]), screen=lambda values: _screen(request, letter, values)
    )


@require_POST
def letter_delete(request: HttpRequest, pk: int) -> HttpResponse:
    letter = access.get_own_or_404(request, Letter.objects.all(), pk=pk)
    letter.delete()
    messages.success(request, _("Letter deleted."))
    return redirect("letters:list")
