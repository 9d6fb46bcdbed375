from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tend.circles import drawing
from tend.circles.forms import PreviewForm, SnapshotForm
from tend.circles.models import Circle, Snapshot
from tend.core import access
from tend.safety.services import screen_own_writing


def _table_rows(snapshot: Snapshot) -> list[dict]:
    wish = snapshot.sizes("wish") if snapshot.has_wish else None
    return [{"label": c.label, "now": snapshot.sizes("now")[c.value], "wish": wish[c.value] if wish else None} for c in Circle]


def snapshot_list(request: HttpRequest) -> HttpResponse:
    """The history: every snapshot, a timeline chart and the same numbers as a table."""
    snapshots = list(Snapshot.objects.filter(owner=request.user))
    chronological = list(reversed(snapshots))
    context = {
        "snapshots": snapshots,
        "chronological": chronological,
        "timeline": mark_safe(drawing.timeline_svg(chronological)) if snapshots else "",  # noqa: S308  (built with escaped text)
        "latest": mark_safe(drawing.snapshot_picture_svg(snapshots[0], id_prefix="latest")) if snapshots else "",  # noqa: S308
    }
    return render(request, "circles/list.html", context)


def snapshot_create(request: HttpRequest) -> HttpResponse:
    form = SnapshotForm(request.POST or None, initial={f"{c.value}_{w}": 5 for c in Circle for w in ("now", "wish")})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            snapshot = form.save(commit=False)
            snapshot.owner = request.user
            snapshot.save()
            screen_own_writing(request, text=snapshot.all_text(), source="circles", item_key=str(snapshot.pk))
            messages.success(request, _("Your three circles are saved. Every snapshot is kept, so you can look back."))
            return redirect("circles:detail", snapshot.pk)
        status = 400
    now = {c.value: _bound_size(form, f"{c.value}_now") for c in Circle}
    wish = {c.value: _bound_size(form, f"{c.value}_wish") for c in Circle}
    show_wish = bool(form["with_wish"].value())
    preview = drawing.snapshot_svg(now, wish if show_wish else None, id_prefix="preview")
    return render(request, "circles/create.html", {"form": form, "preview": mark_safe(preview)}, status=status)  # noqa: S308


def _bound_size(form, name: str) -> int:
    try:
        return max(0, min(10, int(form[name].value())))
    except (TypeError, ValueError):
        return 5


@require_POST
def snapshot_preview(request: HttpRequest) -> HttpResponse:
    """The server's picture for the sliders as they stand (htmx, while sliding); nothing is stored."""
    form = PreviewForm(request.POST)
    form.is_valid()
    wish = form.sizes("wish") if form.cleaned_data.get("with_wish") else None
    svg = drawing.snapshot_svg(form.sizes("now"), wish, id_prefix="preview")
    return HttpResponse(svg, content_type="text/html; charset=utf-8")


def snapshot_detail(request: HttpRequest, pk: int) -> HttpResponse:
    snapshot = access.get_own_or_404(request, Snapshot.objects.all(), pk=pk)
    context = {
        "snapshot": snapshot,
        "picture": mark_safe(drawing.snapshot_picture_svg(snapshot, id_prefix=f"snapshot-{snapshot.pk}")),  # noqa: S308
        "rows": _table_rows(snapshot),
    }
    return render(request, "circles/detail.html", context)


def _filename(snapshot: Snapshot, ext: str) -> str:
    return f"three-circles-{timezone.localtime(snapshot.created_at):%Y-%m-%d}-{snapshot.pk}.{ext}"


def _download(body, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def export_svg(request: HttpRequest, pk: int) -> HttpResponse:
    snapshot = access.get_own_or_404(request, Snapshot.objects.all(), pk=pk)
    svg = drawing.snapshot_picture_svg(snapshot, notes=True, id_prefix="snapshot", standalone=True)
    response = _download(svg.encode(), "image/svg+xml; charset=utf-8", _filename(snapshot, "svg"))
    # Opened straight in a browser, the file may never run anything.
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    return response


def export_png(request: HttpRequest, pk: int) -> HttpResponse:
    snapshot = access.get_own_or_404(request, Snapshot.objects.all(), pk=pk)
    return _download(drawing.snapshot_png(snapshot), "image/png", _filename(snapshot, "png"))


def export_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    snapshot = access.get_own_or_404(request, Snapshot.objects.all(), pk=pk)
    html = render_to_string("circles/snapshot_pdf.html", {"snapshot": snapshot, "rows": _table_rows(snapshot)}, request=request)
    return _download(drawing.snapshot_pdf(snapshot, html), "application/pdf", _filename(snapshot, "pdf"))


@require_POST
def snapshot_delete(request: HttpRequest, pk: int) -> HttpResponse:
    snapshot = access.get_own_or_404(request, Snapshot.objects.all(), pk=pk)
    snapshot.delete()
    messages.success(request, _("Snapshot deleted."))
    return redirect("circles:list")
