from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tend.core import access
from tend.notifications import selectors, services
from tend.notifications.forms import PreferenceForm
from tend.notifications.models import Notification

PER_PAGE = 20


def _local_path(url: str) -> str | None:
    """`url` if it is a path on this site; None for anything that would leave it (an absolute or
    protocol-relative URL, a backslash trick, another scheme)."""
    if not url.startswith("/") or url.startswith(("//", "/\\")):
        return None
    return url if url_has_allowed_host_and_scheme(url, allowed_hosts=set()) else None


def notification_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.notifications_for(request.user), PER_PAGE).get_page(request.GET.get("page"))
    context = {"page": page, "notifications": list(page.object_list), "unread": selectors.unread_count(request.user)}
    return render(request, "notifications/list.html", context)


def open_notification(request: HttpRequest, pk: int) -> HttpResponse:
    """Marks the notification read and follows its link, only ever to a page on this site."""
    notification = access.get_notification_or_404(request, Notification.objects.all(), pk=pk)
    services.mark_read(notification)
    target = _local_path(notification.url)
    if target is None:
        messages.warning(request, _("That notification's link does not lead to a page on Tend, so we did not follow it."))
        return redirect("notifications:list")
    return redirect(target)


@require_POST
def mark_read(request: HttpRequest, pk: int) -> HttpResponse:
    notification = access.get_notification_or_404(request, Notification.objects.all(), pk=pk)
    services.mark_read(notification)
    messages.success(request, _("Marked as read."))
    return redirect("notifications:list")


@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    count = services.mark_all_read(request.user)
    messages.success(request, _("All notifications are marked as read.") if count else _("Nothing was unread."))
    return redirect("notifications:list")


def preferences(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = PreferenceForm(request.POST)
        if form.is_valid():
            services.save_email_digest(request.user, form.cleaned_data["email_digest"])
            messages.success(request, _("Saved. We'll email you as you chose."))
            return redirect("notifications:preferences")
        return render(request, "notifications/preferences.html", {"form": form}, status=400)
    form = PreferenceForm(initial={"email_digest": selectors.email_digest_for(request.user)})
    return render(request, "notifications/preferences.html", {"form": form})
