"""The HTTP side of the shared autosave mechanism, used by every editor (journal, letters, …)."""

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from tend.core import autosave
from tend.core.posted import form_errors


def autosave_response(request, item, form, *, conflict_url: Callable[[int], str], screen: Callable[[dict], str]) -> JsonResponse:
    """Validates and saves one autosave; the answer is JSON the autosave component understands."""
    if not form.is_valid():
        return form_errors(form)
    values = form.saved_values()
    outcome = autosave.save_version(item, base_version=form.cleaned_data["base_version"], save_id=form.cleaned_data["save_id"], values=values)
    # Screened even when this tab lost a conflict: the words are the writer's all the same.
    level = screen(values)
    if outcome.status == "conflict":
        return JsonResponse({"status": "conflict", "version": outcome.version, "conflict_url": conflict_url(outcome.conflict.pk), "risk": level}, status=409)
    saved_at = timezone.localtime(outcome.saved_at)
    return JsonResponse({"status": outcome.status, "version": outcome.version, "saved_at": saved_at.isoformat(), "risk": level})


def conflict_page(request, item, copy, *, edit_url: str, screen: Callable[[dict], str], field: str = "body") -> HttpResponse:
    """Shows the saved text beside the stale tab's text; the person keeps either or combines them.
    `field` names the item's text field (journal and letters: body; a drill reply: reply)."""
    theirs = autosave.conflict_values(copy)
    saved_text, their_text = getattr(item, field), theirs.get(field, "")
    if request.method == "POST":
        choice = request.POST.get("keep")
        merged = request.POST.get("merged_body", "").replace("\r\n", "\n")
        text = {"saved": saved_text, "mine": their_text, "merged": merged}.get(choice)
        if text is None:
            messages.error(request, _("Please choose which version to keep."))
        else:
            values = {field: text}
            if choice == "mine" and "title" in theirs:
                values["title"] = theirs["title"]
            outcome = autosave.save_version(item, base_version=item.version, save_id="", values=values)
            screen(values)
            if outcome.acknowledged:
                autosave.resolve_conflict(copy)
                messages.success(request, _("Done. It now holds the version you chose."))
                return redirect(edit_url)
    merged = saved_text if saved_text == their_text else f"{saved_text}\n\n{their_text}"
    context = {"item": item, "copy": copy, "saved_text": saved_text, "their_text": their_text, "merged": merged, "edit_url": edit_url}
    return render(request, "core/conflict.html", context)
