"""Writes that span several cohort models."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from tend.accounts.models import Role, User
from tend.cohorts.models import (
    NUDGE_INTERVAL, Announcement, Cohort, CohortRole, Invitation, Membership, Nudge, SupervisorAssignment,
)
from tend.core import audit
from tend.core.audit import AuditEvent

# A person's platform role follows the highest role they were invited to.
ROLE_FOR_COHORT_ROLE = {CohortRole.TRAINEE: Role.TRAINEE, CohortRole.SUPERVISOR: Role.SUPERVISOR, CohortRole.TRAINER: Role.TRAINER}
ROLE_RANK = [Role.TRAINEE, Role.SUPERVISOR, Role.TRAINER, Role.ADMIN]


@transaction.atomic
def cohort_create(*, creator: User, **fields) -> Cohort:
    cohort = Cohort.objects.create(created_by=creator, **fields)
    Membership.objects.create(cohort=cohort, user=creator, role=CohortRole.TRAINER)
    return cohort


def invitation_send(*, request, cohort: Cohort, email: str, role: str) -> Invitation:
    email = email.strip().lower()
    # A fresh invitation replaces any earlier pending one for the same person and cohort.
    Invitation.objects.filter(cohort=cohort, email=email, accepted_at__isnull=True, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    invitation, token = Invitation.issue(cohort=cohort, email=email, role=role, invited_by=request.user)
    link = request.build_absolute_uri(reverse("cohorts:accept_invitation", args=[token]))
    context = {"invitation": invitation, "link": link, "organisation": settings.TEND_ORGANISATION_NAME}
    send_mail(
        subject=render_to_string("cohorts/email/invitation_subject.txt", context).strip(),
        message=render_to_string("cohorts/email/invitation_body.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[email],
    )
    audit.record(AuditEvent.Kind.INVITATION_SENT, request=request, obj=invitation, cohort=cohort.pk, role=role)
    return invitation


def _raise_role(user: User, cohort_role: str) -> None:
    wanted = ROLE_FOR_COHORT_ROLE[cohort_role]
    if ROLE_RANK.index(wanted) > ROLE_RANK.index(user.role):
        user.role = wanted
        user.save(update_fields=["role"])


@transaction.atomic
def invitation_accept(*, request, invitation: Invitation, user: User) -> Membership:
    membership, created = Membership.objects.get_or_create(
        cohort=invitation.cohort, user=user, defaults={"role": invitation.role}
    )
    if not created and membership.role != invitation.role:
        membership.role = invitation.role
        membership.save(update_fields=["role"])
    _raise_role(user, invitation.role)
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    audit.record(AuditEvent.Kind.INVITATION_ACCEPTED, request=request, actor=user, obj=invitation)
    return membership


@transaction.atomic
def join_with_invitation(*, request, invitation: Invitation, display_name: str, password: str) -> User:
    """Creates the invited person's account; the invitation link proves they own the address."""
    user = User.objects.create_user(
        invitation.email, password, display_name=display_name, role=ROLE_FOR_COHORT_ROLE[invitation.role]
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    invitation_accept(request=request, invitation=invitation, user=user)
    return user


@transaction.atomic
def supervisor_assign(*, cohort: Cohort, trainee: User, supervisor: User | None) -> None:
    SupervisorAssignment.objects.filter(cohort=cohort, trainee=trainee).delete()
    if supervisor is not None:
        SupervisorAssignment.objects.create(cohort=cohort, trainee=trainee, supervisor=supervisor)


# --- Announcements and nudges ----------------------------------------------------------------


def announcement_save(*, announcement: Announcement, cohort: Cohort, author: User) -> Announcement:
    announcement.cohort = cohort
    if announcement.pk is None:
        announcement.posted_by = author
    announcement.save()
    return announcement


def nudge_context(*, request, cohort: Cohort, trainee: User, trainer: User) -> dict:
    return {
        "name": trainee.display_name, "trainer": trainer.display_name, "cohort": cohort.name,
        "link": request.build_absolute_uri(reverse("cohorts:space", args=[cohort.pk])),
        "organisation": settings.TEND_ORGANISATION_NAME,
    }


def nudge_text(context: dict) -> str:
    return render_to_string("cohorts/email/nudge_body.txt", context).strip()


# Not yet a member of AuditEvent.Kind (tend/core is not ours to edit); the lead may add it there.
NUDGE_SENT = audit.AuditEvent.Kind.NUDGE_SENT


class NudgeTooSoon(Exception):
    """This person was nudged less than a week ago (by anyone, from any cohort)."""

    def __init__(self, last: Nudge):
        super().__init__(f"Nudged on {last.sent_at:%Y-%m-%d}")
        self.last = last


def last_nudge(trainee: User, now=None) -> Nudge | None:
    """The nudge within the past week that keeps another one back, if there is one."""
    now = now or timezone.now()
    return Nudge.objects.filter(trainee=trainee, sent_at__gt=now - NUDGE_INTERVAL).first()


@transaction.atomic
def nudge_send(*, request, cohort: Cohort, trainee: User) -> Nudge:
    """Emails the kind template and a link to the cohort space: nothing anyone wrote, no figures.
    At most one a week per person; the audit log gets who, whom and where, never the message."""
    # Lock the person's row so two trainers pressing at once cannot both send.
    User.objects.select_for_update().filter(pk=trainee.pk).first()
    recent = last_nudge(trainee)
    if recent is not None:
        raise NudgeTooSoon(recent)
    nudge = Nudge.objects.create(cohort=cohort, trainee=trainee, sent_by=request.user)
    context = nudge_context(request=request, cohort=cohort, trainee=trainee, trainer=request.user)
    send_mail(
        subject=render_to_string("cohorts/email/nudge_subject.txt", context).strip(),
        message=nudge_text(context) + "\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[trainee.email],
    )
    audit.record(NUDGE_SENT, request=request, subject_user=trainee, obj=nudge, cohort=cohort.pk)
    return nudge
