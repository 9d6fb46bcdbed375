from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from tend.diary.models import PracticeLog
from tend.diary.services import practice_log
from tend.imagery import scripts
from tend.imagery.forms import RecordingForm
from tend.imagery.models import ScriptRecording

# The order the practices build on one another; any other script follows, by file name.
SUGGESTED_ORDER = (
    "safe-place",
    "compassionate-colour",
    "ideal-compassionate-other",
    "compassionate-self",
    "compassion-flowing-out",
    "compassion-flowing-in",
    "compassion-to-oneself",
    "compassionate-self-and-inner-critic",
)
MAX_SPEED = 100.0


def practices_dir() -> Path:
    return Path(settings.TEND_CONTENT_DIR) / "practices"


def _script_or_404(script_id: str) -> scripts.Script:
    script = scripts.find_script(practices_dir(), script_id)
    if script is None:
        raise Http404
    return script


def can_upload(user) -> bool:
    return user.is_authenticated and (user.is_trainer or user.is_admin_role)


def _speed(request: HttpRequest) -> float:
    """?speed=N runs every timed part N times faster (for demonstrations and the browser test)."""
    try:
        value = float(request.GET.get("speed", "1"))
    except ValueError:
        return 1.0
    if value != value:  # NaN
        return 1.0
    return min(max(value, 1.0), MAX_SPEED)


def practice_list(request: HttpRequest) -> HttpResponse:
    found = scripts.cached_scripts(practices_dir())
    rank = {script_id: index for index, script_id in enumerate(SUGGESTED_ORDER)}
    ordered = sorted(found, key=lambda s: (rank.get(s.id, len(rank)), s.file))
    return render(request, "imagery/list.html", {"scripts": ordered})


def _player_context(request, script, form=None) -> dict:
    return {
        "script": script,
        "recordings": ScriptRecording.objects.filter(script_id=script.id).select_related("uploaded_by"),
        "can_upload": can_upload(request.user),
        "form": form or RecordingForm(),
        "speed": _speed(request),
    }


def player(request: HttpRequest, script_id: str) -> HttpResponse:
    script = _script_or_404(script_id)
    return render(request, "imagery/player.html", _player_context(request, script))


def text_mode(request: HttpRequest, script_id: str) -> HttpResponse:
    script = _script_or_404(script_id)
    return render(request, "imagery/text.html", {"script": script})


@require_POST
def upload_recording(request: HttpRequest, script_id: str) -> HttpResponse:
    if not can_upload(request.user):
        raise PermissionDenied
    script = _script_or_404(script_id)
    form = RecordingForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "imagery/player.html", _player_context(request, script, form), status=400)
    upload = form.cleaned_data["file"]
    ScriptRecording.objects.create(
        script_id=script.id,
        uploaded_by=request.user,
        file=upload,
        original_name=(upload.name or "")[:200],
        content_type=form.cleaned_data["content_type"],
        size=upload.size,
    )
    messages.success(request, _("Your recording was uploaded. Everyone signed in can now play it with this practice."))
    return redirect("imagery:player", script.id)


@require_safe
def recording_file(request: HttpRequest, pk: int) -> FileResponse:
    """Streams a recording to a signed-in user (LoginRequiredMiddleware sends anyone else to sign in)."""
    recording = get_object_or_404(ScriptRecording, pk=pk)
    try:
        handle = recording.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(handle, content_type=recording.content_type)
    response["Content-Disposition"] = "inline"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
def log_practice(request: HttpRequest, script_id: str) -> JsonResponse:
    """Logs a finished script to the practice diary, once per play (the client sends an id)."""
    script = _script_or_404(script_id)
    try:
        seconds = max(0, min(int(request.POST.get("duration_seconds", "0")), 4 * 3600))
        speed = float(request.POST.get("speed", "1") or 1)
    except ValueError:
        return JsonResponse({"error": "duration_seconds must be a whole number of seconds"}, status=400)
    client_id = request.POST.get("client_id", "")[:64]
    if not client_id:
        return JsonResponse({"error": "client_id is required"}, status=400)
    marker = f"imagery:{script.id}:{client_id}"
    if PracticeLog.objects.filter(owner=request.user, tool="imagery", details__marker=marker).exists():
        return JsonResponse({"status": "already-saved"})
    details = {"script": script.id, "title": script.title, "marker": marker}
    if speed != 1:
        details["speed"] = speed
    practice_log(owner=request.user, tool="imagery", started_at=timezone.now(), duration_seconds=seconds, details=details)
    return JsonResponse({"status": "saved"}, status=201)
