import json

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tend.core import access, audit, autosave, autosave_http
from tend.core.audit import AuditEvent
from tend.journal import selectors, services
from tend.journal.forms import JournalEntryForm
from tend.journal.models import JournalEntry
from tend.safety import selectors as safety_selectors
from tend.safety.services import screen_own_writing


def _screen(request, entry: JournalEntry, values: dict, *, next_page: bool = True) -> str:
    text = f"{values.get('title', '')}\n{values.get('body', '')}"
    return screen_own_writing(request, text=text, source="journal", item_key=str(entry.pk), next_page=next_page)


def entry_list(request: HttpRequest) -> HttpResponse:
    services.purge_deleted(owner=request.user)
    query, tag = request.GET.get("q", "").strip(), request.GET.get("tag", "").strip()
    every_entry = selectors.own_entries(request.user)
    entries = selectors.own_entries(request.user, query=query, tag=tag) if (query or tag) else every_entry
    context = {"entries": entries, "query": query, "tag": tag, "tags": selectors.all_tags(every_entry), "total": len(every_entry)}
    return render(request, "journal/list.html", context)


def shared_with_me(request: HttpRequest) -> HttpResponse:
    return render(request, "journal/shared_with_me.html", {"entries": selectors.shared_with(request.user)})


@require_POST
def entry_create(request: HttpRequest) -> HttpResponse:
    entry = services.entry_create(owner=request.user)
    return redirect("journal:edit", entry.pk)


def entry_detail(request: HttpRequest, pk: int) -> HttpResponse:
    entry = access.get_visible_or_404(request, JournalEntry.objects.live().select_related("owner"), pk=pk)
    if entry.owner_id != request.user.pk:
        audit.record(AuditEvent.Kind.SHARED_ENTRY_VIEWED, request=request, subject_user=entry.owner, obj=entry)
    return render(request, "journal/detail.html", {"entry": entry, "is_owner": entry.owner_id == request.user.pk})


def _form_for(entry: JournalEntry, data=None) -> JournalEntryForm:
    return JournalEntryForm(data, instance=entry, initial={"base_version": entry.version})


def entry_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The editor. Autosave posts to `entry_autosave`; this view is the no-JavaScript save."""
    entry = access.get_own_or_404(request, JournalEntry.objects.live(), pk=pk)
    form = _form_for(entry, request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            outcome = autosave.save_version(
                entry, base_version=form.cleaned_data["base_version"],
                save_id=form.cleaned_data["save_id"], values=form.saved_values(),
            )
            _screen(request, entry, form.saved_values())
            if outcome.status == "conflict":
                return redirect("journal:conflict", entry.pk, outcome.conflict.pk)
            messages.success(request, _("Entry saved."))
            return redirect("journal:detail", entry.pk)
        context = {"entry": entry, "form": form, "contacts": safety_selectors.active_contacts()}
        return render(request, "journal/edit.html", context, status=400)
    conflicts = autosave.open_conflicts(entry)
    context = {"entry": entry, "form": form, "conflicts": conflicts, "contacts": safety_selectors.active_contacts()}
    return render(request, "journal/edit.html", context)


@require_POST
def entry_autosave(request: HttpRequest, pk: int) -> JsonResponse:
    entry = access.get_own_or_404(request, JournalEntry.objects.live(), pk=pk)
    return autosave_http.autosave_response(
        request, entry, _form_for(entry, request.POST),
        conflict_url=lambda conflict_pk: reverse("journal:conflict", args=[entry.pk, conflict_pk]),
        screen=lambda values: _screen(request, entry, values, next_page=False),
    )


def conflict(request: HttpRequest, pk: int, conflict_pk: int) -> HttpResponse:
    entry = access.get_own_or_404(request, JournalEntry.objects.live(), pk=pk)
    copy = access.get_own_or_404(request, autosave.open_conflicts(entry), pk=conflict_pk)
    return autosave_http.conflict_page(
        request, entry, copy, edit_url=reverse("journal:edit", args=[entry.pk]), screen=lambda values: _screen(request, entry, values)
    )


@require_POST
def entry_delete(request: HttpRequest, pk: int) -> HttpResponse:
    entry = access.get_own_or_404(request, JournalEntry.objects.live(), pk=pk)
    entry.soft_delete()
    undo_minutes = max(1, settings.TEND_JOURNAL_UNDO_SECONDS // 60)
    return render(request, "journal/deleted.html", {"entry": entry, "undo_minutes": undo_minutes})


@require_POST
def entry_restore(request: HttpRequest, pk: int) -> HttpResponse:
    entry = access.get_own_or_404(request, JournalEntry.objects.filter(deleted_at__isnull=False), pk=pk)
    entry.restore()
    messages.success(request, _("Entry restored."))
    return redirect("journal:detail", entry.pk)


def export_json(request: HttpRequest) -> HttpResponse:
    payload = json.dumps({"exported_at": timezone.now().isoformat(), "entries": selectors.export_rows(request.user)}, indent=2, ensure_ascii=False)
    return _download(payload, "application/json", "tend-journal.json")


def export_markdown(request: HttpRequest) -> HttpResponse:
    parts = []
    for row in selectors.export_rows(request.user):
        tags = ", ".join(row["tags"])
        parts.append(f"# {row['title'] or _('Untitled entry')}\n\n*{row['date']}*" + (f" · {tags}" if tags else "") + f"\n\n{row['body']}\n")
    return _download("\n---\n\n".join(parts) or _("No entries yet.\n"), "text/markdown; charset=utf-8", "tend-journal.md")


def _download(content: str, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
