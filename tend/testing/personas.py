"""Named personas, as in healthchecks' tests: who each person is decides what they may see.

- trainee: in cohort A, supervised by `supervisor`; owns the sample items.
- cohort_peer: another trainee in cohort A.
- other_trainee: a trainee in cohort B.
- supervisor: supervises `trainee` in cohort A.
- other_supervisor: supervises `other_trainee` in cohort B.
- trainer: runs cohort A.
- admin: the organisation's administrator (staff).
"""

from dataclasses import dataclass
from datetime import date, timedelta

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from tend.accounts.models import Role, User
from tend.core.crypto import encrypt
from tend.cohorts.models import Cohort, CohortRole, Membership, SupervisorAssignment

PASSWORD = "a long test password 123"
TOTP_SECRET = "JBSWY3DPEHPK3PXP"


@dataclass
class Personas:
    trainee: User
    cohort_peer: User
    other_trainee: User
    supervisor: User
    other_supervisor: User
    trainer: User
    admin: User
    cohort_a: Cohort
    cohort_b: Cohort

    def as_dict(self) -> dict[str, User]:
        return {name: getattr(self, name) for name in PERSONA_NAMES}


PERSONA_NAMES = ["trainee", "cohort_peer", "other_trainee", "supervisor", "other_supervisor", "trainer", "admin"]


def make_user(email: str, name: str, role: str = Role.TRAINEE, *, mfa: bool | None = None, **fields) -> User:
    user = User.objects.create_user(email, PASSWORD, display_name=name, role=role, **fields)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    if mfa if mfa is not None else role != Role.TRAINEE:
        # Elevated roles must have MFA; a TOTP authenticator row is what the rule checks.
        Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": encrypt(TOTP_SECRET)})
    return user


def make_cohort(name: str) -> Cohort:
    return Cohort.objects.create(name=name, starts_on=date.today(), ends_on=date.today() + timedelta(days=90))


def build_personas() -> Personas:
    cohort_a, cohort_b = make_cohort("Cohort A"), make_cohort("Cohort B")
    p = Personas(
        trainee=make_user("trainee@test.example", "Tara Trainee"),
        cohort_peer=make_user("peer@test.example", "Pat Peer"),
        other_trainee=make_user("other@test.example", "Olu Other"),
        supervisor=make_user("supervisor@test.example", "Sue Supervisor", Role.SUPERVISOR),
        other_supervisor=make_user("othersup@test.example", "Otto Supervisor", Role.SUPERVISOR),
        trainer=make_user("trainer@test.example", "Tom Trainer", Role.TRAINER),
        admin=make_user("admin@test.example", "Ada Admin", Role.ADMIN, is_staff=True, is_superuser=True),
        cohort_a=cohort_a,
        cohort_b=cohort_b,
    )
    for user, cohort, role in [
        (p.trainee, cohort_a, CohortRole.TRAINEE),
        (p.cohort_peer, cohort_a, CohortRole.TRAINEE),
        (p.supervisor, cohort_a, CohortRole.SUPERVISOR),
        (p.trainer, cohort_a, CohortRole.TRAINER),
        (p.other_trainee, cohort_b, CohortRole.TRAINEE),
        (p.other_supervisor, cohort_b, CohortRole.SUPERVISOR),
    ]:
        Membership.objects.create(user=user, cohort=cohort, role=role)
    SupervisorAssignment.objects.create(cohort=cohort_a, trainee=p.trainee, supervisor=p.supervisor)
    SupervisorAssignment.objects.create(cohort=cohort_b, trainee=p.other_trainee, supervisor=p.other_supervisor)
    return p
