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


# --- live ---------------------------------------------------------------------------------


def visible_live_sessions(user, queryset: QuerySet) -> QuerySet:
    """Live sessions of the cohorts the person belongs to (admins: every cohort's)."""
    if not user.is_authenticated:
        return queryset.none()
    if user.is_admin_role:
        return queryset
    return queryset.filter(cohort_id__in=cohort_ids_of(user))


def get_live_session_or_404(request, queryset: QuerySet, *, manage: bool = False, **lookup):
    """A session the person may see (or, with manage=True, run: the cohort's trainers and admins)."""
    session = visible_live_sessions(request.user, queryset).filter(**lookup).first()
    if session is None or (manage and not can_manage_cohort(request.user, session.cohort)):
        _deny(request, queryset, lookup, "manage" if manage else "view")
    return session


# --- notifications ---


def get_notification_or_404(request, queryset: QuerySet, **lookup) -> Model:
    """A notification answers only its recipient; anyone else gets 404, and the attempt is audited."""
    item = queryset.filter(recipient=request.user, **lookup).first() if request.user.is_authenticated else None
    if item is None:
        _deny(request, queryset, lookup, "view")
    return item


# --- discussion ---


def can_moderate_discussion(user, cohort) -> bool:
    """Pinning, locking, hiding and the reports queue: the cohort's trainers and admins."""
    return can_manage_cohort(user, cohort)


def get_thread_or_404(request, cohort, queryset: QuerySet, **lookup) -> Model:
    """A thread of this cohort (the cohort itself was checked with get_cohort_or_404)."""
    thread = queryset.filter(cohort=cohort, **lookup).first()
    if thread is None:
        _deny(request, queryset, lookup, "view")
    return thread


def get_post_or_404(request, cohort, queryset: QuerySet, *, own: bool = False, **lookup) -> Model:
    """A post in one of this cohort's threads; with own=True, only its author's (anyone else: 404)."""
    found = queryset.filter(thread__cohort=cohort, **lookup)
    if own:
        found = found.filter(author=request.user) if request.user.is_authenticated else found.none()
    post = found.first()
    if post is None:
        _deny(request, queryset, lookup, "change" if own else "view")
    return post


# --- supervision ---------------------------------------------------------------------------


def is_supervisor_of(user, trainee_id) -> bool:
    return bool(user.is_authenticated and trainee_id and supervised_trainee_ids(user).filter(trainee_id=trainee_id).exists())


def shared_for_review(user, queryset: QuerySet) -> QuerySet:
    """Items `user`'s supervisees shared with "Me and my supervisor" (never private or cohort-only ones)."""
    if not user.is_authenticated:
        return queryset.none()
    return visible_to(user, queryset).filter(visibility=Visibility.SUPERVISOR).exclude(owner=user)


def get_supervision_item_or_404(request, queryset: QuerySet, *, reviewer_only: bool = False, **lookup) -> Model:
    """An item in supervision review: its owner's (unless reviewer_only), or shared with the requester
    as the owner's supervisor. If the owner makes it private again, the supervisor gets 404."""
    user = request.user
    found = shared_for_review(user, queryset)
    if not reviewer_only and user.is_authenticated:
        found = found | queryset.filter(owner=user)
    item = found.filter(**lookup).first()
    if item is None:
        _deny(request, queryset, lookup, "review" if reviewer_only else "view")
    return item


def get_supervisee_or_404(request, queryset: QuerySet, *, allow_self: bool = False, **lookup):
    """A person the requester supervises (or, where allow_self, the requester themselves)."""
    user = request.user
    if not user.is_authenticated:
        raise Http404
    allowed = Q(pk__in=supervised_trainee_ids(user)) | (Q(pk=user.pk) if allow_self else Q(pk__in=[]))
    person = queryset.filter(allowed).filter(**lookup).first()
    if person is None:
        _deny(request, queryset, lookup, "supervise")
    return person


def get_supervision_log_or_404(request, queryset: QuerySet, *, role: str | None = None, **lookup):
    """A supervision log seen by its supervisor or its supervisee; `role` ("supervisor" or
    "supervisee") limits it to that side, for actions only one side may take."""
    user = request.user
    if not user.is_authenticated:
        raise Http404
    sides = {"supervisor": Q(supervisor=user), "supervisee": Q(supervisee=user)}
    allowed = sides[role] if role else sides["supervisor"] | sides["supervisee"]
    log = queryset.filter(allowed).filter(**lookup).first()
    if log is None:
        _deny(request, queryset, lookup, role or "view")
    return log


def get_supervision_pair_or_404(request, people: QuerySet, person_pk: int) -> tuple:
    """(supervisor, supervisee) for the requester and `person_pk`, whichever of the two supervises
    the other; 404 when neither does."""
    user = request.user
    person = people.filter(pk=person_pk).first() if user.is_authenticated else None
    if person is not None and is_supervisor_of(user, person.pk):
        return user, person
    if person is not None and is_supervisor_of(person, user.pk):
        return person, user
    _deny(request, people, {"pk": person_pk}, "supervision agreement")


# --- questionnaires ---


def get_schedule_to_answer_or_404(request, queryset: QuerySet, **lookup):
    """A measure schedule the person is asked to answer: one in a cohort where they are a trainee."""
    from tend.cohorts.models import CohortRole, Membership

    trainee_cohorts = Membership.objects.filter(user=request.user, role=CohortRole.TRAINEE).values("cohort_id")
    schedule = queryset.filter(cohort_id__in=trainee_cohorts, **lookup).first() if request.user.is_authenticated else None
    if schedule is None:
        _deny(request, queryset, lookup, "view")
    return schedule


# --- exercises ---


def get_exercise_or_404(request, cohort, queryset: QuerySet, **lookup) -> Model:
    """An exercise set for this cohort (the cohort itself was checked with get_cohort_or_404)."""
    exercise = queryset.filter(cohort=cohort, **lookup).first()
    if exercise is None:
        _deny(request, queryset, lookup, "view")
    return exercise


def can_answer_exercise(user, exercise) -> bool:
    """Members of the exercise's cohort answer it; an admin looking in from outside does not."""
    return user.is_authenticated and exercise.cohort.memberships.filter(user=user).exists()
