from django.db.models import Count

from tend.cohorts.models import Cohort, Invitation, Membership, SupervisorAssignment
from tend.core import access


def cohorts_for(user):
    return access.visible_cohorts(user, Cohort.objects.annotate(member_count=Count("memberships", distinct=True)))


def cohort_members(cohort: Cohort):
    return cohort.memberships.select_related("user").order_by("role", "user__display_name")


def cohort_management(cohort: Cohort) -> dict:
    return {
        "invitations": Invitation.objects.filter(cohort=cohort).order_by("-created_at")[:50],
        "assignments": SupervisorAssignment.objects.filter(cohort=cohort).select_related("trainee", "supervisor"),
    }


def supervisees_of(user):
    return SupervisorAssignment.objects.filter(supervisor=user).select_related("trainee", "cohort")


def memberships_of(user):
    return Membership.objects.filter(user=user).select_related("cohort")


