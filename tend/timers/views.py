from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from tend.core.posted import form_errors, posted_data
from tend.diary import services as diary_services
from tend.timers.forms import RecordForm
from tend.timers.models import (BELL_CHOICES_MINUTES, DEFAULT_BELLS_EVERY, DEFAULT_MINUTES, MAX_MINUTES, MIN_MINUTES,
                                Kind, MindfulSession)

MAX_SPEED = 600  # ?speed= lets tests run the same clock-based timer faster; 1 is real time


def _speed(request: HttpRequest) -> float:
    try:
        speed = float(request.GET.get("speed", "1"))
    except ValueError:
        return 1.0
    return min(max(speed, 1.0), MAX_SPEED) if speed == speed else 1.0  # NaN → real time


def _int(value, default: int, low: int, high: int) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return min(max(number, low), high)


def timer(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind")
    bells = request.GET.get("bells_every")
    context = {
        "kinds": Kind.choices,
        "kind": kind if kind in Kind.values else Kind.MINDFUL,
        "minutes": _int(request.GET.get("minutes"), DEFAULT_MINUTES, MIN_MINUTES, MAX_MINUTES),
        "min_minutes": MIN_MINUTES,
        "max_minutes": MAX_MINUTES,
        "bell_choices": BELL_CHOICES_MINUTES,
        "bells_every": int(bells) if bells and bells.isdigit() and int(bells) in BELL_CHOICES_MINUTES else DEFAULT_BELLS_EVERY,
        "bells_on": request.GET.get("bells") == "on",
        "speed": _speed(request),
    }
    return render(request, "timers/timer.html", context)


def _diary_url(session: MindfulSession) -> str:
    return reverse("diary:edit", args=[session.practice_log_id]) if session.practice_log_id else ""


@require_POST
def record(request: HttpRequest) -> JsonResponse:
    """Stores a finished (or ended early) sitting once, and logs it in the practice diary once.

    Accepts JSON or an ordinary form post. The browser's client_id makes a retry safe."""
    data, problem = posted_data(request)
    if problem:
        return problem
    form = RecordForm(data)
    if not form.is_valid():
        return form_errors(form)
    cleaned = form.cleaned_data
    existing = MindfulSession.objects.filter(owner=request.user, client_id=cleaned["client_id"]).first()
    if existing:
        return _answer(existing, created=False)
    bells_every = cleaned.get("bells_every") or 0
    speed = cleaned.get("speed") or 1
    try:
        with transaction.atomic():
            session = MindfulSession.objects.create(
                owner=request.user, client_id=cleaned["client_id"], kind=cleaned["kind"],
                started_at=cleaned["started_at"], planned_seconds=cleaned["planned_seconds"],
                duration_seconds=cleaned["duration_seconds"], bells_every=bells_every,
                completed=cleaned["completed"], speed=speed,
            )
            if session.duration_seconds > 0:
                details = {"kind": session.kind, "bells_every": bells_every}
                if speed != 1:
                    details["speed"] = speed  # a sped-up test run, said so in the diary too
                session.practice_log = diary_services.practice_log(
                    owner=request.user, tool="mindful", started_at=session.started_at,
                    duration_seconds=session.duration_seconds, details=details,
                )
                session.save(update_fields=["practice_log"])
    except IntegrityError:
        # Two copies of the same save arrived together: the other one stored it.
        return _answer(MindfulSession.objects.get(owner=request.user, client_id=cleaned["client_id"]), created=False)
    return _answer(session, created=True)


def _answer(session: MindfulSession, *, created: bool) -> JsonResponse:
    return JsonResponse(
        {"status": "saved" if created else "already-saved", "id": session.pk, "diary_url": _diary_url(session)},
        status=201 if created else 200,
    )
