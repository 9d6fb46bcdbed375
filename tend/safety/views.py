from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tend.feedback import embeddings
from tend.safety import selectors


@login_not_required
def support(request: HttpRequest) -> HttpResponse:
    """Always reachable, signed in or not: who to contact, and a few calm words."""
    return render(request, "safety/support.html", {"contacts": selectors.active_contacts()})


def report(request: HttpRequest) -> HttpResponse:
    """For the organisation's admins: how often support was offered, by week. No names, no text."""
    if not request.user.is_admin_role:
        raise PermissionDenied
    context = {"weeks": selectors.weekly_report(), "embeddings": embeddings.available()}
    return render(request, "safety/report.html", context)
