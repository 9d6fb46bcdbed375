from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tend.breathing import rhythm
from tend.breathing.forms import BreathingPatternForm, SessionRecordForm
from tend.breathing.models import BreathingPattern, BreathingSession
from tend.core import access
from tend.core.posted import form_errors, posted_data
from tend.diary import services as diary_services

MAX_SPEED = 600  # ?speed= lets tests run the same clock-based pacer faster; 1 is real time


def _speed(request: HttpRequest) -> float:
    try:
        speed = float(request.GET.get("speed", "1"))
    except ValueError:
        return 1.0
    return min(max(speed, 1.0), MAX_SPEED) if speed == speed else 1.0  # NaN → real time


def _own_patterns(user):
    return BreathingPattern.objects.filter(owner=user)


def pacer(request: HttpRequest) -> HttpResponse:
    chosen = None
    if "pattern" in request.GET and request.GET["pattern"] != "default":
        pk = request.GET["pattern"]
        chosen = access.get_own_or_404(request, _own_patterns(request.user), pk=pk if pk.isdigit() else 0)
    try:
        minutes = int(request.GET.get("minutes", "5"))
    except ValueError:
        minutes = 5
    context = {
        "default": rhythm.DEFAULT_RHYTHM,
        "patterns": _own_patterns(request.user),
        "chosen": chosen,
        "durations": rhythm.DURATION_CHOICES_MINUTES,
        "minutes": minutes if minutes in rhythm.DURATION_CHOICES_MINUTES else 5,
        "speed": _speed(request),
        "mode": "self-paced" if request.GET.get("mode") == "self-paced" else "paced",
        "natural_rate": rhythm.NATURAL_BREATHS_PER_MINUTE,
        "on_ramp_seconds": rhythm.ON_RAMP_SECONDS,
    }
    return render(request, "breathing/pacer.html", context)


def not_working(request: HttpRequest) -> HttpResponse:
    return render(request, "breathing/not_working.html")


def pattern_list(request: HttpRequest) -> HttpResponse:
    form = BreathingPatternForm(request.POST or None, owner=request.user)
    if request.method == "POST":
        if form.is_valid():
            pattern = form.save(commit=False)
            pattern.owner = request.user
            pattern.save()
            messages.success(request, _("Pattern “%(name)s” saved.") % {"name": pattern.name})
            return redirect("breathing:patterns")
        return render(request, "breathing/patterns.html", _patterns_context(request, form), status=400)
    if not form.is_bound:
        form = BreathingPatternForm(owner=request.user, initial={
            "inhale_seconds": rhythm.DEFAULT_RHYTHM.inhale, "hold_in_seconds": rhythm.DEFAULT_RHYTHM.hold_in,
            "exhale_seconds": rhythm.DEFAULT_RHYTHM.exhale, "hold_out_seconds": rhythm.DEFAULT_RHYTHM.hold_out,
        })
    return render(request, "breathing/patterns.html", _patterns_context(request, form))


def _patterns_context(request, form) -> dict:
    return {"patterns": _own_patterns(request.user), "form": form, "default": rhythm.DEFAULT_RHYTHM,
            "min_rate": rhythm.MIN_BREATHS_PER_MINUTE, "max_rate": rhythm.MAX_BREATHS_PER_MINUTE}


def pattern_edit(request: HttpRequest, pk: int) -> HttpResponse:
    pattern = access.get_own_or_404(request, BreathingPattern.objects.all(), pk=pk)
    form = BreathingPatternForm(request.POST or None, instance=pattern, owner=request.user)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("Pattern “%(name)s” saved.") % {"name": pattern.name})
            return redirect("breathing:patterns")
        status = 400
    else:
        status = 200
    context = {"pattern": pattern, "form": form,
               "min_rate": rhythm.MIN_BREATHS_PER_MINUTE, "max_rate": rhythm.MAX_BREATHS_PER_MINUTE}
    return render(request, "breathing/pattern_edit.html", context, status=status)


@require_POST
def pattern_delete(request: HttpRequest, pk: int) -> HttpResponse:
    pattern = access.get_own_or_404(request, BreathingPattern.objects.all(), pk=pk)
    name = pattern.name
    pattern.delete()
    messages.success(request, _("Pattern “%(name)s” deleted. Your past sessions with it are kept.") % {"name": name})
    return redirect("breathing:patterns")


def session_list(request: HttpRequest) -> HttpResponse:
    sessions = BreathingSession.objects.filter(owner=request.user)[:100]
    return render(request, "breathing/sessions.html", {"sessions": sessions})


@require_POST
def session_record(request: HttpRequest) -> JsonResponse:
    """Stores a finished (or stopped) session. Accepts JSON or an ordinary form post."""
    data, problem = posted_data(request)
    if problem:
        return problem
    form = SessionRecordForm(data)
    if not form.is_valid():
        return form_errors(form)
    pattern_id = form.cleaned_data.get("pattern_id")
    if pattern_id and pattern_id != "default":
        # Only a pattern of one's own may be named in one's record.
        access.get_own_or_404(request, _own_patterns(request.user), pk=pattern_id if pattern_id.isdigit() else 0)
    fields = {
        "started_at": form.cleaned_data["started_at"],
        "duration_seconds": form.cleaned_data["duration_seconds"],
        "completed": form.cleaned_data["completed"],
        "pattern": form.pattern_summary(),
    }
    client_id = form.cleaned_data.get("client_id") or ""
    if client_id:
        session, created = BreathingSession.objects.get_or_create(owner=request.user, client_id=client_id, defaults=fields)
    else:
        session, created = BreathingSession.objects.create(owner=request.user, **fields), True
    if created and session.duration_seconds > 0:
        # Every practice lands in the diary by itself; nobody has to log it by hand.
        diary_services.practice_log(owner=request.user, tool="breathing", started_at=session.started_at,
                                    duration_seconds=session.duration_seconds, details=session.pattern)
    return JsonResponse({"status": "saved" if created else "already-saved", "id": session.pk},
                        status=201 if created else 200)
