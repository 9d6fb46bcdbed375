from django.contrib.auth.decorators import login_not_required
from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache

from tend.core import selectors


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", selectors.home_context(request.user))


def practise(request: HttpRequest) -> HttpResponse:
    return render(request, "core/practise.html")


def progress(request: HttpRequest) -> HttpResponse:
    return render(request, "core/progress.html", {"journal": selectors.journal_summary(request.user)})


def _ping_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


@login_not_required
@never_cache
@transaction.non_atomic_requests  # an unreachable database must give 503, not fail before the view
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        _ping_database()
    except Exception:  # noqa: BLE001  (any database failure means "not healthy")
        return JsonResponse({"status": "unavailable", "database": "error"}, status=503)
    return JsonResponse({"status": "ok"})


@login_not_required
def error_404(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "404.html", status=404)


@login_not_required
def error_403(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "403.html", status=403)


@login_not_required
def error_500(request: HttpRequest) -> HttpResponse:
    # Rendered without the request: its context (session, user) may be what failed.
    return HttpResponse(render_to_string("500.html"), status=500)
