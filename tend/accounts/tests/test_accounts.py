from datetime import datetime, timedelta, timezone as dt_timezone

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from tend.accounts.models import Role
from tend.core.audit import AuditEvent
from tend.core.middleware import SIGNED_IN_AT
from tend.testing.personas import PASSWORD, make_user


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def sign_in(client, email, password=PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_sign_in_with_email_and_password_is_audited(client, trainee):
    response = sign_in(client, trainee.email)
    assert response.status_code == 302
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.SIGN_IN, actor_id=trainee.pk).exists()


def test_failed_sign_in_is_audited_without_the_password(client, trainee):
    response = sign_in(client, trainee.email, "wrong password here")
    assert response.status_code == 200
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.SIGN_IN_FAILED)
    assert event.subject_user_id == trainee.pk
    assert "wrong" not in str(event.detail)


def test_repeated_failed_sign_ins_are_rate_limited(client, trainee):
    for _ in range(5):
        sign_in(client, trainee.email, "wrong password here")
    response = sign_in(client, trainee.email)  # even the right password waits now
    assert response.status_code in {200, 429}
    assert "_auth_user_id" not in client.session


def test_the_django_admin_login_is_behind_the_rate_limited_sign_in(client, personas):
    response = client.get("/admin/login/")
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
    client.force_login(personas.trainee)
    assert client.get("/admin/").status_code in {302, 403}
    assert client.get("/admin/login/").status_code == 403


def test_open_sign_up_is_closed(client, db):
    response = client.get(reverse("account_signup"))
    assert b"closed" in response.content.lower()


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.TRAINER, Role.ADMIN])
def test_elevated_roles_must_set_up_mfa_before_anything_else(client, db, role):
    user = make_user(f"{role}@test.example", "Needs MFA", role, mfa=False)
    sign_in(client, user.email)
    response = client.get(reverse("journal:list"))
    assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")
    assert client.get(reverse("mfa_activate_totp")).status_code == 200


def test_trainees_are_offered_mfa_but_not_forced(client, db):
    user = make_user("t@test.example", "Trainee", Role.TRAINEE, mfa=False)
    client.force_login(user)
    home = client.get(reverse("home"))
    assert home.status_code == 200 and b"Protect your account" in home.content


def test_mfa_requirement_is_configurable(client, db, settings):
    settings.TEND_MFA_REQUIRED_ROLES = ["admin"]
    user = make_user("s@test.example", "Sup", Role.SUPERVISOR, mfa=False)
    client.force_login(user)
    assert client.get(reverse("home")).status_code == 200


def test_profile_sets_time_zone_and_dates_follow_it(client, trainee):
    client.force_login(trainee)
    response = client.post(reverse("accounts:profile"), {
        "display_name": "Tara T", "professional_role": "counsellor", "registration_body": "BACP",
        "registration_number": "123", "time_zone": "Australia/Sydney", "language": "en",
    })
    assert response.status_code == 302
    trainee.refresh_from_db()
    assert (trainee.display_name, trainee.time_zone) == ("Tara T", "Australia/Sydney")
    client.get(reverse("home"))
    assert str(timezone.get_current_timezone()) in {"Australia/Sydney", "UTC"}


def test_role_changes_are_audited(db, trainee):
    trainee.role = Role.SUPERVISOR
    trainee.save()
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.ROLE_CHANGED)
    assert event.detail == {"previous": "trainee", "new": "supervisor"}


def test_people_can_see_their_sessions(client, trainee):
    sign_in(client, trainee.email)
    response = client.get(reverse("usersessions_list"))
    assert response.status_code == 200


def test_sessions_end_after_the_absolute_limit_however_active(client, trainee, settings):
    client.force_login(trainee)
    session = client.session
    session[SIGNED_IN_AT] = (datetime.now(dt_timezone.utc) - settings.TEND_SESSION_ABSOLUTE - timedelta(minutes=1)).isoformat()
    session.save()
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response["Location"] == reverse("account_login")
    assert "_auth_user_id" not in client.session


def test_idle_timeout_defaults_to_thirty_minutes(settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60 and settings.SESSION_SAVE_EVERY_REQUEST


def test_audit_events_cannot_be_changed(db, trainee):
    from django.db import DatabaseError, connection

    event = AuditEvent.objects.create(kind=AuditEvent.Kind.SIGN_IN, actor_id=trainee.pk)
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(DatabaseError):
        with connection.cursor() as cursor:
            cursor.execute("UPDATE core_auditevent SET kind = 'x' WHERE id = %s", [event.pk])


def test_changing_password_email_or_mfa_needs_the_current_password(client, trainee):
    client.force_login(trainee)  # a session with no recent password entry
    assert b'name="oldpassword"' in client.get(reverse("account_change_password")).content
    email_change = client.post(reverse("account_email"), {"action_add": "", "email": "new@test.example"})
    assert email_change.status_code == 302 and reverse("account_reauthenticate") in email_change["Location"]
    mfa = client.get(reverse("mfa_activate_totp"))
    assert mfa.status_code == 302 and reverse("account_reauthenticate") in mfa["Location"]


def test_totp_secrets_are_encrypted_at_rest_and_hidden_from_the_admin(client, db):
    from allauth.mfa.adapter import get_adapter
    from allauth.mfa.models import Authenticator
    from django.db import connection

    from tend.core import crypto

    user = make_user("mfa@test.example", "With MFA", Role.ADMIN, mfa=False, is_staff=True, is_superuser=True)
    secret = "JBSWY3DPEHPK3PXP"
    authenticator = Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": get_adapter().encrypt(secret)})
    with connection.cursor() as cursor:
        cursor.execute("SELECT data FROM mfa_authenticator WHERE id = %s", [authenticator.pk])
        stored = str(cursor.fetchone()[0])
    assert secret not in stored and crypto.decrypt(authenticator.data["secret"]) == secret
    client.force_login(user)
    page = client.get(reverse("admin:mfa_authenticator_change", args=[authenticator.pk]))
    assert page.status_code == 200 and secret.encode() not in page.content and b"secret" not in page.content


def test_admins_cannot_set_another_persons_password(client, personas):
    client.force_login(personas.admin)
    url = reverse("admin:auth_user_password_change", args=[personas.trainee.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"password1": "new pass 123456", "password2": "new pass 123456"}).status_code == 403
