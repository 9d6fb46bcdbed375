"""The one place that decides who may see or change what. Deny by default.

Every view that shows or changes an owned item asks this module. Rules:
- the owner may always see and change their own item;
- `supervisor` items are also visible to the owner's assigned supervisor(s);
- `cohort` items are also visible to members and trainers of the cohort they are shared to,
  provided the owner belongs to that cohort;
- nobody else, whatever their role: trainers and admins do not see private items.
Anything that exists but is not yours answers 404, and the attempt is written to the audit log.
"""

from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.http import Http404

from tend.core import audit
from tend.core.models import Visibility


def supervised_trainee_ids(user) -> QuerySet:
    from tend.cohorts.models import SupervisorAssignment

    return SupervisorAssignment.objects.filter(supervisor=user).values("trainee_id")


def cohort_ids_of(user) -> QuerySet:
    from tend.cohorts.models import Membership

    return Membership.objects.filter(user=user).values("cohort_id")


def visible_filter(user) -> Q:
    """A filter over any OwnedItem model selecting exactly what `user` may see."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    from tend.cohorts.models import Membership

    owner_is_member = Exists(
        Membership.objects.filter(cohort_id=OuterRef("shared_cohort_id"), user_id=OuterRef("owner_id"))
    )
    return (
        Q(owner=user)
        | Q(visibility=Visibility.SUPERVISOR, owner_id__in=supervised_trainee_ids(user))
        | (Q(visibility=Visibility.COHORT, shared_cohort_id__in=cohort_ids_of(user)) & Q(owner_is_member))
    )


def visible_to(user, queryset: QuerySet) -> QuerySet:
    return queryset.filter(visible_filter(user))


def can_view(user, item: Model) -> bool:
    if not user.is_authenticated:
        return False
    if item.owner_id == user.pk:
        return True
    return visible_to(user, type(item).objects.filter(pk=item.pk)).exists()


def can_change(user, item: Model) -> bool:
    """Only the writer changes their own writing."""
    return user.is_authenticated and item.owner_id == user.pk


def _deny(request, queryset: QuerySet, lookup: dict, action: str):
    item = queryset.filter(**lookup).first()
    if item is not None:
        audit.record_after_view(request, audit.AuditEvent.Kind.PERMISSION_DENIED, obj=item, action=action)
    raise Http404


def get_visible_or_404(request, queryset: QuerySet, **lookup) -> Model:
    item = visible_to(request.user, queryset).filter(**lookup).first()
    if item is None:
        _deny(request, queryset, lookup, "view")
    return item


def get_own_or_404(request, queryset: QuerySet, **lookup) -> Model:
    item = queryset.filter(owner=request.user, **lookup).first() if request.user.is_authenticated else None
    if item is None:
        _deny(request, queryset, lookup, "change")
    return item


# --- Cohorts -------------------------------------------------------------------------------


def can_view_cohort(user, cohort) -> bool:
    return user.is_authenticated and (user.is_admin_role or cohort.memberships.filter(user=user).exists())


def can_manage_cohort(user, cohort) -> bool:
    from tend.cohorts.models import CohortRole

    if not user.is_authenticated:
        return False
    return user.is_admin_role or cohort.memberships.filter(user=user, role=CohortRole.TRAINER).exists()


def can_create_cohort(user) -> bool:
    return user.is_authenticated and (user.is_trainer or user.is_admin_role)


def visible_cohorts(user, queryset: QuerySet) -> QuerySet:
    if not user.is_authenticated:
        return queryset.none()
    if user.is_admin_role:
        return queryset
    return queryset.filter(memberships__user=user).distinct()


def get_cohort_or_404(request, queryset: QuerySet, *, manage: bool = False, **lookup):
    cohort = visible_cohorts(request.user, queryset).filter(**lookup).first()
    if cohort is None or (manage and not can_manage_cohort(request.user, cohort)):
        _deny(request, queryset, lookup, "manage" if manage else "view")
    return cohort
