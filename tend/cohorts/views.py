from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tend.accounts.forms import JoinForm
from tend.accounts.models import User
from tend.cohorts import selectors, services
from tend.cohorts.forms import AnnouncementForm, CohortForm, InvitationForm, SupervisorAssignmentForm
from tend.cohorts.models import Announcement, Cohort, Invitation
from tend.core import access
from tend.core.rendering import render_markdown


def cohort_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "cohorts/list.html",
        {"cohorts": selectors.cohorts_for(request.user), "can_create": access.can_create_cohort(request.user)},
    )


def cohort_create(request: HttpRequest) -> HttpResponse:
    if not access.can_create_cohort(request.user):
        raise PermissionDenied
    form = CohortForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        cohort = services.cohort_create(creator=request.user, **form.cleaned_data)
        messages.success(request, _("Cohort created. Invite people from this page."))
        return redirect("cohorts:detail", cohort.pk)
    return render(request, "cohorts/form.html", {"form": form})


def _detail_context(request, cohort, **forms) -> dict:
    manage = access.can_manage_cohort(request.user, cohort)
    context = {"cohort": cohort, "members": selectors.cohort_members(cohort), "can_manage": manage}
    if manage:
        context |= selectors.cohort_management(cohort)
        context["invite_form"] = forms.get("invite_form") or InvitationForm(cohort=cohort)
        context["assign_form"] = forms.get("assign_form") or SupervisorAssignmentForm(cohort=cohort)
    return context


def cohort_detail(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = access.get_cohort_or_404(request, Cohort.objects.all(), pk=pk)
    return render(request, "cohorts/detail.html", _detail_context(request, cohort))


@require_POST
def invite(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = access.get_cohort_or_404(request, Cohort.objects.all(), manage=True, pk=pk)
    form = InvitationForm(request.POST, cohort=cohort)
    if not form.is_valid():
        return render(request, "cohorts/detail.html", _detail_context(request, cohort, invite_form=form), status=400)
    invitation = services.invitation_send(request=request, cohort=cohort, **form.cleaned_data)
    messages.success(request, _("Invitation sent to %(email)s. The link works once and expires on %(date)s.")
                     % {"email": invitation.email, "date": timezone.localtime(invitation.expires_at).strftime("%d %b %Y")})
    return redirect("cohorts:detail", cohort.pk)


@require_POST
def revoke_invitation(request: HttpRequest, pk: int, invitation_pk: int) -> HttpResponse:
    cohort = access.get_cohort_or_404(request, Cohort.objects.all(), manage=True, pk=pk)
    invitation = cohort.invitations.filter(pk=invitation_pk, accepted_at__isnull=True).first()
    if invitation is None:
        return render(request, "404.html", status=404)
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    messages.success(request, _("The invitation for %(email)s no longer works.") % {"email": invitation.email})
    return redirect("cohorts:detail", cohort.pk)


@require_POST
def assign_supervisor(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = access.get_cohort_or_404(request, Cohort.objects.all(), manage=True, pk=pk)
    form = SupervisorAssignmentForm(request.POST, cohort=cohort)
    if not form.is_valid():
        return render(request, "cohorts/detail.html", _detail_context(request, cohort, assign_form=form), status=400)
    services.supervisor_assign(cohort=cohort, **form.cleaned_data)
    messages.success(request, _("Supervision updated."))
    return redirect("cohorts:detail", cohort.pk)


@login_not_required
def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    invitation = Invitation.find(token)
    if invitation is None or not invitation.is_usable:
        status = invitation.status if invitation else "unknown"
        return render(request, "cohorts/invitation_unusable.html", {"status": status}, status=410 if invitation else 404)
    existing = User.objects.filter(email__iexact=invitation.email).first()
    if existing is not None:
        if request.user.is_authenticated and request.user.pk == existing.pk:
            if request.method == "POST":
                services.invitation_accept(request=request, invitation=invitation, user=request.user)
                messages.success(request, _("You have joined %(cohort)s.") % {"cohort": invitation.cohort.name})
                return redirect("cohorts:detail", invitation.cohort.pk)
            return render(request, "cohorts/invitation_confirm.html", {"invitation": invitation})
        return render(request, "cohorts/invitation_sign_in.html", {"invitation": invitation, "signed_in_as_other": request.user.is_authenticated})
    if request.user.is_authenticated:
        return render(request, "cohorts/invitation_sign_in.html", {"invitation": invitation, "signed_in_as_other": True})
    form = JoinForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        user = services.join_with_invitation(
            request=request, invitation=invitation,
            display_name=form.cleaned_data["display_name"], password=form.cleaned_data["password1"],
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome to Tend. You have joined %(cohort)s.") % {"cohort": invitation.cohort.name})
        return redirect("home")
    return render(request, "cohorts/invitation_join.html", {"invitation": invitation, "form": form})


# --- The cohort space: schedule, announcements, members, links --------------------------------


def optional_url(*names: str, **kwargs) -> str:
    """A link to another app's page that may not exist yet (discussion, exercises): the first of
    `names` that resolves, or "" so the page simply leaves the link out."""
    for name in names:
        try:
            return reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            continue
    return ""


def space(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = access.get_cohort_or_404(request, Cohort.objects.all(), pk=pk)
    announcements = [(a, render_markdown(a.body)) for a in selectors.announcements_of(cohort)]
    return render(request, "cohorts/space.html", {
        "cohort": cohort,
        "can_manage": access.can_manage_cohort(request.user, cohort),
        "schedule": selectors.cohort_schedule(cohort, request.user),
        "announcements": announcements,
        "members": selectors.cohort_members(cohort),
        "discussion_url": optional_url("discussion:index", "discussion:list", cohort_pk=cohort.pk),
        "exercises_url": optional_url("exercises:index", "exercises:list", cohort_pk=cohort.pk),
        "live_url": optional_url("live:cohort", cohort_pk=cohort.pk),
        "live_ics_url": optional_url("live:cohort_ics", cohort_pk=cohort.pk),
    })


def _announcement_form(request, cohort, announcement) -> HttpResponse:
    form = AnnouncementForm(request.POST or None, instance=announcement)
    if request.method == "POST":
        if form.is_valid():
            services.announcement_save(announcement=form.instance, cohort=cohort, author=request.user)
            messages.success(request, _("Announcement saved. Everyone in the cohort can see it on the cohort page."))
            return redirect("cohorts:space", cohort.pk)
        status = 400
    else:
        status = 200
    context = {"form": form, "cohort": cohort, "announcement": announcement}
    return render(request, "cohorts/announcement_form.html", context, status=status)


def announcement_create(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = access.get_cohort_or_404(request, Cohort.objects.all(), manage=True, pk=pk)
    return _announcement_form(request, cohort, Announcement(cohort=cohort))


def announcement_edit(request: HttpRequest, pk: int, announcement_pk: int) -> HttpResponse:
    cohort = access.get_cohort_or_404(request, Cohort.objects.all(), manage=True, pk=pk)
    announcement = get_object_or_404(Announcement, cohort=cohort, pk=announcement_pk)
    return _announcement_form(request, cohort, announcement)


@require_POST
def announcement_delete(request: HttpRequest, pk: int, announcement_pk: int) -> HttpResponse:
    cohort = access.get_cohort_or_404(request, Cohort.objects.all(), manage=True, pk=pk)
    get_object_or_404(Announcement, cohort=cohort, pk=announcement_pk).delete()
    messages.success(request, _("Announcement deleted."))
    return redirect("cohorts:space", cohort.pk)


# --- The trainer dashboard: engagement counts, never content ---------------------------------


def dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = access.get_cohort_or_404(request, Cohort.objects.all(), manage=True, pk=pk)
    engagement = selectors.cohort_engagement(cohort)
    nudge = services.nudge_text(
        services.nudge_context(request=request, cohort=cohort, trainee=_Placeholder(), trainer=request.user)
    )
    return render(request, "cohorts/dashboard.html", {"cohort": cohort, "nudge_text": nudge, **engagement})


def _day(moment) -> str:
    return date_format(timezone.localtime(moment), "j F Y")


class _Placeholder:
    """Stands in for a person in the copyable template, so the trainer fills in the name."""

    display_name = "[name]"


@require_POST
def nudge(request: HttpRequest, pk: int, user_pk: int) -> HttpResponse:
    cohort = access.get_cohort_or_404(request, Cohort.objects.all(), manage=True, pk=pk)
    trainee = selectors.trainee_of(cohort, user_pk)
    if trainee is None:
        raise Http404
    try:
        services.nudge_send(request=request, cohort=cohort, trainee=trainee)
    except services.NudgeTooSoon as too_soon:
        messages.warning(request, _(
            "%(name)s was already sent a note on %(date)s. To keep it kind rather than pressing, Tend sends "
            "at most one a week; you can send another from %(next)s."
        ) % {"name": trainee.display_name, "date": _day(too_soon.last.sent_at), "next": _day(too_soon.last.next_allowed_at)})
        return redirect("cohorts:dashboard", cohort.pk)
    messages.success(request, _("A friendly note is on its way to %(name)s.") % {"name": trainee.display_name})
    return redirect("cohorts:dashboard", cohort.pk)
