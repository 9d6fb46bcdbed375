import re
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tend.accounts.models import Role, User
from tend.cohorts.models import Cohort, Invitation, Membership, SupervisorAssignment
from tend.core.audit import AuditEvent


def invite(client, cohort, email="newcomer@test.example", role="trainee"):
    return client.post(reverse("cohorts:invite", args=[cohort.pk]), {"email": email, "role": role})


def link_from_last_email() -> str:
    return re.search(r"http://testserver(/cohorts/join/[^\s]+/)", mail.outbox[-1].body).group(1)


def test_a_trainer_creates_a_cohort_and_becomes_its_trainer(client, personas):
    client.force_login(personas.trainer)
    response = client.post(reverse("cohorts:create"), {"name": "Spring 2027", "description": "", "starts_on": "2027-03-01", "ends_on": "2027-09-01"})
    cohort = Cohort.objects.get(name="Spring 2027")
    assert response["Location"] == reverse("cohorts:detail", args=[cohort.pk])
    assert Membership.objects.get(cohort=cohort).user == personas.trainer


def test_cohort_dates_must_be_in_order(client, personas):
    client.force_login(personas.trainer)
    response = client.post(reverse("cohorts:create"), {"name": "Backwards", "starts_on": "2027-03-01", "ends_on": "2027-01-01"})
    assert response.status_code == 200 and b"end date must be on or after" in response.content


def test_trainees_cannot_create_cohorts(client, personas):
    client.force_login(personas.trainee)
    assert client.get(reverse("cohorts:create")).status_code == 403


def test_cohort_page_lists_members_by_display_name_only(client, personas):
    client.force_login(personas.cohort_peer)
    html = client.get(reverse("cohorts:detail", args=[personas.cohort_a.pk])).content.decode()
    assert "Tara Trainee" in html and "Tom Trainer" in html
    assert "trainee@test.example" not in html
    assert "Send invitation" not in html


def test_an_invitation_creates_an_account_once_and_joins_the_cohort(client, personas):
    client.force_login(personas.trainer)
    invite(client, personas.cohort_a)
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.INVITATION_SENT).count() == 1
    link = link_from_last_email()
    client.logout()
    page = client.get(link)
    assert b"newcomer@test.example" in page.content
    response = client.post(link, {"display_name": "Nia Newcomer", "password1": "gentle river stone 42", "password2": "gentle river stone 42"})
    assert response["Location"] == reverse("home")
    user = User.objects.get(email="newcomer@test.example")
    assert (user.display_name, user.role) == ("Nia Newcomer", Role.TRAINEE)
    assert EmailAddress.objects.get(user=user).verified
    assert Membership.objects.filter(user=user, cohort=personas.cohort_a).exists()
    client.logout()
    assert client.get(link).status_code == 410  # single use


def test_the_join_form_explains_password_problems_and_keeps_the_name(client, personas):
    invitation, token = Invitation.issue(cohort=personas.cohort_a, email="weak@test.example", role="trainee")
    response = client.post(reverse("cohorts:accept_invitation", args=[token]), {"display_name": "Wen", "password1": "short", "password2": "short"})
    assert response.status_code == 200
    assert b"too short" in response.content and b'value="Wen"' in response.content
    assert not User.objects.filter(email="weak@test.example").exists()


def test_expired_and_revoked_invitations_explain_themselves(client, personas):
    expired, expired_token = Invitation.issue(cohort=personas.cohort_a, email="late@test.example", role="trainee")
    Invitation.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.get(reverse("cohorts:accept_invitation", args=[expired_token]))
    assert response.status_code == 410 and b"expired" in response.content
    revoked, revoked_token = Invitation.issue(cohort=personas.cohort_a, email="gone@test.example", role="trainee")
    client.force_login(personas.trainer)
    client.post(reverse("cohorts:revoke_invitation", args=[personas.cohort_a.pk, revoked.pk]))
    client.logout()
    assert b"withdrawn" in client.get(reverse("cohorts:accept_invitation", args=[revoked_token])).content
    assert client.get(reverse("cohorts:accept_invitation", args=["made-up-token"])).status_code == 404


def test_an_existing_account_joins_another_cohort_after_signing_in(client, personas):
    invitation, token = Invitation.issue(cohort=personas.cohort_b, email=personas.trainee.email, role="trainee")
    link = reverse("cohorts:accept_invitation", args=[token])
    assert b"Sign in" in client.get(link).content
    client.force_login(personas.trainee)
    client.post(link)
    assert set(personas.trainee.memberships.values_list("cohort__name", flat=True)) == {"Cohort A", "Cohort B"}


def test_a_supervisor_invitation_raises_the_platform_role(client, personas):
    client.force_login(personas.trainer)
    invite(client, personas.cohort_a, email="sup2@test.example", role="supervisor")
    link = link_from_last_email()
    client.logout()
    client.post(link, {"display_name": "Sol", "password1": "gentle river stone 42", "password2": "gentle river stone 42"})
    assert User.objects.get(email="sup2@test.example").role == Role.SUPERVISOR


def test_inviting_an_existing_member_is_refused_clearly(client, personas):
    client.force_login(personas.trainer)
    response = invite(client, personas.cohort_a, email=personas.cohort_peer.email)
    assert response.status_code == 400 and b"already a member" in response.content


def test_the_trainer_assigns_and_changes_a_supervisor(client, personas):
    client.force_login(personas.trainer)
    client.post(reverse("cohorts:assign_supervisor", args=[personas.cohort_a.pk]), {"trainee": personas.cohort_peer.pk, "supervisor": personas.supervisor.pk})
    assert SupervisorAssignment.objects.get(trainee=personas.cohort_peer).supervisor == personas.supervisor
    client.post(reverse("cohorts:assign_supervisor", args=[personas.cohort_a.pk]), {"trainee": personas.cohort_peer.pk, "supervisor": ""})
    assert not SupervisorAssignment.objects.filter(trainee=personas.cohort_peer).exists()


def test_a_trainer_cannot_manage_someone_elses_cohort(client, personas):
    client.force_login(personas.trainer)
    assert invite(client, personas.cohort_b).status_code == 404
    assert not Invitation.objects.exists()


def test_cohort_page_query_count_does_not_grow_with_members(client, personas):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tend.testing.personas import make_user

    client.force_login(personas.trainer)
    url = reverse("cohorts:detail", args=[personas.cohort_a.pk])

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx)

    queries()  # warm-up
    few = queries()
    for n in range(25):
        user = make_user(f"m{n}@test.example", f"Member {n}")
        Membership.objects.create(user=user, cohort=personas.cohort_a)
        Invitation.issue(cohort=personas.cohort_a, email=f"i{n}@test.example", role="trainee")
    assert queries() == few
