from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tend.core import access
from tend.diary import charts, selectors
from tend.diary.forms import RATINGS, PracticeLogForm
from tend.diary.models import PracticeLog


def diary(request: HttpRequest) -> HttpResponse:
    by_day = selectors.minutes_by_day(request.user)
    weekly = selectors.weekly_minutes(by_day)
    today = timezone.localdate()
    context = {
        "logs": PracticeLog.objects.filter(owner=request.user)[:30],
        "heatmap": charts.heatmap(by_day, end=today, title=_("Practice over the last twelve weeks"),
                                  desc=_("Each square is a day; darker squares mean more minutes of practice.")),
        "weekly": weekly,
        "weekly_chart": charts.bars([(start.strftime("%d %b"), minutes) for start, minutes in weekly],
                                    title=_("Minutes of practice per week"), desc=_("The last eight weeks, oldest first.")),
        "helps": selectors.what_helps(request.user),
        "days_away": selectors.days_since_last(request.user),
        "active_days": sorted(by_day.items(), reverse=True)[:14],
    }
    return render(request, "diary/diary.html", context)


def log_add(request: HttpRequest) -> HttpResponse:
    form = PracticeLogForm(request.POST or None, initial={"started_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M")})
    if request.method == "POST" and form.is_valid():
        form.instance.owner = request.user
        form.save()
        messages.success(request, _("Practice added to your diary."))
        return redirect("diary:diary")
    return render(request, "diary/form.html", {"form": form, "ratings": RATINGS}, status=400 if form.errors else 200)


def log_edit(request: HttpRequest, pk: int) -> HttpResponse:
    log = access.get_own_or_404(request, PracticeLog.objects.all(), pk=pk)
    form = PracticeLogForm(request.POST or None, instance=log)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect("diary:diary")
    return render(request, "diary/form.html", {"form": form, "log": log, "ratings": RATINGS}, status=400 if form.errors else 200)


@require_POST
def log_delete(request: HttpRequest, pk: int) -> HttpResponse:
    log = access.get_own_or_404(request, PracticeLog.objects.all(), pk=pk)
    log.delete()
    messages.success(request, _("Removed from your diary."))
    return redirect("diary:diary")
