"""The permission matrix: every URL pattern in the project, requested by every persona (and by an
anonymous visitor) with GET and with POST, compared with the policy declared in policy_table.py.

A URL pattern without a declared policy fails, naming the pattern, so every new view has to say
who may use it. A policy entry for a URL that no longer exists fails too.

Apps added later declare their URLs in their own `tend/<app>/tests/matrix.py` (see
app_matrix_modules below): POLICY, and optionally samples(personas) -> dict, PRIVATE_TEXT,
SHARED_TEXT, PUBLIC_URLS, OWNED_OBJECT_URLS and LOGIN_EXEMPT_BUT_GUARDED; they are merged here.

Each request runs inside a savepoint that is rolled back afterwards (and the client's cookies are
restored), so a POST that deletes or changes something does not change what the next persona sees.
"""

import copy
import importlib
import tempfile
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import timezone

from tend.accounts.models import Role
from tend.cohorts.models import Cohort, CohortRole, Invitation, SupervisorAssignment
from tend.core import autosave
from tend.core.middleware import MFA_SETUP_URL_NAMES
from tend.core.models import ConflictCopy, Visibility
from tend.core.tests.policy_table import (
    ADMIN_LOGIN,
    ANONYMOUS,
    LOGIN,
    LOGIN_EXEMPT_BUT_GUARDED as CORE_LOGIN_EXEMPT_BUT_GUARDED,
    METHODS,
    MFA_SETUP,
    OK,
    OWNED_OBJECT_URLS as CORE_OWNED_OBJECT_URLS,
    PERSONAS,
    POLICY as CORE_POLICY,
    PUBLIC_URLS as CORE_PUBLIC_URLS,
    REAUTH,
    Case,
)
from tend.journal.models import JournalEntry
from tend.breathing.models import BreathingPattern
from tend.circles.models import Snapshot as CirclesSnapshot
from tend.diary.models import PracticeLog
from tend.drills.models import DrillAttempt
from tend.formulation.models import Formulation
from tend.imagery.models import ScriptRecording
from tend.letters.models import Letter
from tend.safety.models import CrisisContact
from tend.learn import loader as learn_loader
from tend.learn.content import read_curriculum
from tend.learn.tests.sample_content import write_curriculum
from tend.testing.personas import Personas, make_user

# --- Per-app policy modules, merged with the core table ---------------------------------------


def app_matrix_modules() -> list:
    from django.apps import apps

    modules = []
    for config in apps.get_app_configs():
        if not config.name.startswith("tend."):
            continue
        name = f"{config.name}.tests.matrix"
        try:
            modules.append(importlib.import_module(name))
        except ModuleNotFoundError as error:
            if error.name not in (name, f"{config.name}.tests"):
                raise
    return modules


APP_MATRICES = app_matrix_modules()


def merged(core, attribute: str):
    result = copy.copy(core)
    for module in APP_MATRICES:
        extra = getattr(module, attribute, None)
        if extra is None:
            continue
        if isinstance(result, dict):
            clash = set(result) & set(extra)
            assert not clash, f"{module.__name__}.{attribute} redeclares {sorted(clash)}"
            result.update(extra)
        elif isinstance(result, set):
            result |= set(extra)
        else:
            result = tuple(result) + tuple(extra)
    return result


POLICY = merged(CORE_POLICY, "POLICY")
PUBLIC_URLS = merged(CORE_PUBLIC_URLS, "PUBLIC_URLS")
OWNED_OBJECT_URLS = merged(CORE_OWNED_OBJECT_URLS, "OWNED_OBJECT_URLS")
LOGIN_EXEMPT_BUT_GUARDED = merged(CORE_LOGIN_EXEMPT_BUT_GUARDED, "LOGIN_EXEMPT_BUT_GUARDED")


# --- Every URL pattern in the project ----------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    key: str  # "namespace:name", or the full route string for an unnamed pattern
    name: str | None
    route: str
    callback: object


def walk(patterns, route: str = "", namespace: str | None = None):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from walk(entry.url_patterns, URLResolver._join_route(route, str(entry.pattern)), inner)
        elif isinstance(entry, URLPattern):
            full_route = URLResolver._join_route(route, str(entry.pattern))
            name = (f"{namespace}:{entry.name}" if namespace else entry.name) if entry.name else None
            yield Pattern(name or full_route, name, full_route, entry.callback)


def collect_patterns() -> dict[str, Pattern]:
    patterns: dict[str, Pattern] = {}
    for pattern in walk(get_resolver().url_patterns):
        if pattern.key in patterns:  # a second pattern reusing a name cannot be reversed: key it by route
            pattern = Pattern(pattern.route, None, pattern.route, pattern.callback)
        patterns[pattern.key] = pattern
    return patterns


# pytest-django configures Django before collection, so the resolver can be read at import time.
PATTERNS = collect_patterns()


def cases_for(key: str) -> list[Case]:
    entry = POLICY[key]
    if isinstance(entry, Case):
        return [entry]
    if isinstance(entry, list):
        return entry
    return [Case(entry)]


# --- Sample objects, all owned by (or about) the `trainee` persona -----------------------------


@dataclass
class Samples:
    personas: Personas
    cohort_a: Cohort
    cohort_b: Cohort
    private_entry: JournalEntry
    shared_entry: JournalEntry
    deleted_entry: JournalEntry
    conflict: ConflictCopy
    invitation: Invitation
    invitation_token: str
    revoked_token: str
    invitation_b: Invitation
    assignment: SupervisorAssignment
    user: object
    email_address: EmailAddress
    authenticator: Authenticator
    user_session: UserSession
    group: Group
    journal_content_type: ContentType
    module_slug: str
    crisis_contact: object
    private_letter: object
    shared_letter: object
    letter_conflict: object
    practice_log: object
    circles_snapshot: object
    script_recording: object
    breathing_pattern: object
    private_formulation: object
    shared_formulation: object
    formulation_conflict: object
    drill_attempt: object
    extra: dict = None  # samples from the apps' own matrix modules, read as attributes

    def __getattr__(self, name):
        extra = self.__dict__.get("extra") or {}
        if name in extra:
            return extra[name]
        raise AttributeError(name)


# Distinctive words in the samples' text: no response to anyone who may not read the text may contain them.
PRIVATE_TEXT = ("zqprivatetitle", "zqprivatebody", "zqprivatesaved", "zqstaleconflict", "zqdeletedentry", "zqlettertitle", "zqlettersaved", "zqletterconflict", "zqdiarynote", "zqcirclesnote", "zqformulationsaved", "zqformulationconflict", "zqdrillreply")
SHARED_TEXT = ("zqsharedtitle", "zqsharedbody", "zqsharedletter", "zqsharedformulation")
# Text shared with cohort A: its members, its trainer and admins may read it; cohort B may not.
COHORT_TEXT: tuple = ()
PRIVATE_TEXT = merged(PRIVATE_TEXT, "PRIVATE_TEXT")
COHORT_TEXT = merged(COHORT_TEXT, "COHORT_TEXT")
SHARED_TEXT = merged(SHARED_TEXT, "SHARED_TEXT")


def build_samples(p: Personas) -> Samples:
    private_entry = JournalEntry.objects.create(
        owner=p.trainee, title="Private zqprivatetitle", body="Only zqprivatebody"
    )
    shared_entry = JournalEntry.objects.create(
        owner=p.trainee, title="For supervision zqsharedtitle", body="My supervisor may read zqsharedbody",
        visibility=Visibility.SUPERVISOR,
    )
    deleted_entry = JournalEntry.objects.create(owner=p.trainee, title="Deleted zqdeletedentry", body="Undo me.")
    deleted_entry.soft_delete()
    # Two tabs both based on version 1: the first saves, the second is stale and becomes a conflict copy.
    autosave.save_version(private_entry, base_version=1, save_id="tab-one", values={"body": "Tab one zqprivatesaved"})
    stale = autosave.save_version(private_entry, base_version=1, save_id="tab-two", values={"body": "zqstaleconflict"})
    assert stale.status == "conflict"
    private_entry.refresh_from_db()
    invitation, token = Invitation.issue(
        cohort=p.cohort_a, email="newcomer@test.example", role=CohortRole.TRAINEE, invited_by=p.trainer
    )
    _, revoked_token = Invitation.issue(
        cohort=p.cohort_a, email="revoked@test.example", invited_by=p.trainer, revoked_at=timezone.now()
    )
    invitation_b, _ = Invitation.issue(cohort=p.cohort_b, email="elsewhere@test.example", role=CohortRole.TRAINEE)
    learn_loader.load(read_curriculum(write_curriculum(Path(tempfile.mkdtemp()) / "content", modules=1)))
    private_letter = Letter.objects.create(owner=p.trainee, title="zqlettertitle", body="Private zqletterbody")
    autosave.save_version(private_letter, base_version=1, save_id="l1", values={"body": "Letter tab one zqlettersaved"})
    letter_conflict = autosave.save_version(private_letter, base_version=1, save_id="l2", values={"body": "zqletterconflict"})
    private_letter.refresh_from_db()
    private_formulation = Formulation.objects.create(owner=p.trainee, influences="Private zqformulationbody")
    autosave.save_version(private_formulation, base_version=1, save_id="f1", values={"influences": "Tab one zqformulationsaved"})
    formulation_conflict = autosave.save_version(private_formulation, base_version=1, save_id="f2", values={"influences": "zqformulationconflict"})
    private_formulation.refresh_from_db()
    extra = {}
    for module in APP_MATRICES:
        if hasattr(module, "samples"):
            extra.update(module.samples(p))
    return Samples(
        extra=extra,
        personas=p,
        cohort_a=p.cohort_a,
        cohort_b=p.cohort_b,
        private_entry=private_entry,
        shared_entry=shared_entry,
        deleted_entry=deleted_entry,
        conflict=stale.conflict,
        invitation=invitation,
        invitation_token=token,
        revoked_token=revoked_token,
        invitation_b=invitation_b,
        assignment=SupervisorAssignment.objects.get(trainee=p.trainee),
        user=p.trainee,
        email_address=EmailAddress.objects.get(user=p.trainee),
        authenticator=Authenticator.objects.get(user=p.supervisor),
        user_session=UserSession.objects.create(
            user=p.trainee, ip="127.0.0.1", session_key="matrix-sample-session", user_agent="pytest",
            created_at=timezone.now() - timedelta(minutes=5), last_seen_at=timezone.now(),
        ),
        group=Group.objects.create(name="Reviewers"),
        journal_content_type=ContentType.objects.get_for_model(JournalEntry),
        module_slug="module-1",
        crisis_contact=CrisisContact.objects.create(name="Our wellbeing line", phone="0800 000 000"),
        private_letter=private_letter,
        shared_letter=Letter.objects.create(owner=p.trainee, body="Shared zqsharedletter", visibility=Visibility.SUPERVISOR),
        letter_conflict=letter_conflict.conflict,
        practice_log=PracticeLog.objects.create(owner=p.trainee, tool="breathing", notes="zqdiarynote"),
        circles_snapshot=CirclesSnapshot.objects.create(owner=p.trainee, title="zqcirclesnote", threat_now=7, drive_now=5,
                                                        soothing_now=2, threat_activates="zqcirclesnote"),
        script_recording=ScriptRecording.objects.create(
            script_id="safe-place", uploaded_by=p.trainer, file=ContentFile(b"ID3" + b"\0" * 64, name="sample.mp3"),
            content_type="audio/mpeg", size=67,
        ),
        breathing_pattern=BreathingPattern.objects.create(owner=p.trainee, name="Matrix sample", inhale_seconds=4,
                                                          hold_in_seconds=1, exhale_seconds=5, hold_out_seconds=1),
        private_formulation=private_formulation,
        shared_formulation=Formulation.objects.create(owner=p.trainee, influences="Shared zqsharedformulation", visibility=Visibility.SUPERVISOR),
        formulation_conflict=formulation_conflict.conflict,
        drill_attempt=DrillAttempt.objects.create(owner=p.trainee, skill_id="validating-distress", drill_id="validating-distress-b1",
                                                  level="beginner", reply="Private zqdrillreply"),
    )


# --- Requests and their outcome categories ------------------------------------------------------


def categorise(response) -> str:
    status = response.status_code
    if 300 <= status < 400:
        target = urlsplit(response["Location"]).path
        if target == reverse("account_login"):
            return LOGIN
        if target == reverse("admin:login"):
            return ADMIN_LOGIN
        if target in (reverse("account_reauthenticate"), reverse("mfa_reauthenticate")):
            return REAUTH
        if target == reverse("mfa_activate_totp"):
            return MFA_SETUP
        return OK
    if 200 <= status < 300:
        return OK
    return str(status)


def describe(response) -> str:
    location = response.get("Location")
    return f"{response.status_code}" + (f" -> {location}" if location else "")


def fetch(client: Client, method: str, url: str, data: dict):
    """One request whose database writes and cookie changes are undone afterwards."""
    cookies = copy.deepcopy(client.cookies)
    cache.clear()  # rate limits must not carry over from one request to the next
    try:
        with transaction.atomic():
            response = client.get(url) if method == "get" else client.post(url, data)
            transaction.set_rollback(True)
    finally:
        client.cookies = cookies
    return response


def invariant_breaches(pattern: Pattern, persona: str, response) -> list[str]:
    """Rules that hold whatever POLICY says, so a wrong policy entry cannot hide a leak."""
    breaches = []
    status = response.status_code
    if pattern.route.startswith("admin/") and persona != "admin" and 200 <= status < 300:
        breaches.append(f"a non-staff persona got {status} from the Django admin")
    if pattern.key in OWNED_OBJECT_URLS and status == 403:
        breaches.append("403 for an owned object: something that is not yours must answer 404")
    if not getattr(response, "streaming", False):
        text = response.content.decode(errors="replace")
        readers = {"trainee": PRIVATE_TEXT + SHARED_TEXT, "supervisor": SHARED_TEXT}.get(persona, ())
        if persona in ("trainee", "cohort_peer", "supervisor", "trainer", "admin"):
            readers = readers + COHORT_TEXT
        leaked = [word for word in PRIVATE_TEXT + SHARED_TEXT + COHORT_TEXT if word in text and word not in readers]
        if leaked:
            breaches.append(f"the response shows text this persona may not read: {leaked}")
    return breaches


def url_for(pattern: Pattern, case: Case, samples: Samples) -> str:
    if case.path is not None:
        url = case.path(samples)
    elif pattern.name is None:
        raise AssertionError(f"{pattern.key}: an unnamed pattern's policy must give path=")
    else:
        url = reverse(pattern.name, kwargs=case.kwargs(samples) if case.kwargs else None)
    match = resolve(urlsplit(url).path)
    assert match.route == pattern.route, f"{pattern.key}: {url} resolves to {match.route!r}, not this pattern"
    return url


def clients_for(personas: Personas) -> dict[str, Client]:
    clients = {ANONYMOUS: Client()}
    for name, user in personas.as_dict().items():
        client = Client()
        client.force_login(user)
        clients[name] = client
    return clients


# --- The tests ------------------------------------------------------------------------------------


def test_every_url_pattern_declares_a_policy():
    missing = sorted(set(PATTERNS) - set(POLICY))
    assert not missing, (
        "These URL patterns have no entry in tend/core/tests/policy_table.py POLICY; declare who may "
        "use each one:\n  " + "\n  ".join(f"{key}  ({PATTERNS[key].route})" for key in missing)
    )


def test_policy_names_only_urls_that_exist():
    stale = sorted(set(POLICY) - set(PATTERNS))
    assert not stale, "POLICY names URLs that no longer exist: " + ", ".join(stale)
    unknown_public = sorted((PUBLIC_URLS | LOGIN_EXEMPT_BUT_GUARDED) - set(PATTERNS))
    assert not unknown_public, "PUBLIC_URLS / LOGIN_EXEMPT_BUT_GUARDED name unknown URLs: " + ", ".join(unknown_public)


@pytest.mark.parametrize("key", sorted(PATTERNS))
def test_permission_matrix(key, personas):
    if key not in POLICY:
        pytest.fail(f"URL pattern {key!r} ({PATTERNS[key].route}) has no declared policy in policy_table.POLICY")
    pattern = PATTERNS[key]
    samples = build_samples(personas)
    clients = clients_for(personas)
    failures = []
    for case in cases_for(key):
        url = url_for(pattern, case, samples)
        data = case.data(samples) if case.data else {}
        label = f" [{case.label}]" if case.label else ""
        for persona in PERSONAS:
            for method in METHODS:
                response = fetch(clients[persona], method, url, data)
                expected, got = case.expect[persona][method], categorise(response)
                where = f"{key}{label} {method.upper()} {url} as {persona}"
                if got != expected:
                    failures.append(f"{where}: expected {expected}, got {got} ({describe(response)})")
                failures += [f"{where}: {breach}" for breach in invariant_breaches(pattern, persona, response)]
    assert not failures, "\n".join(failures)


def test_only_declared_public_urls_let_anonymous_visitors_in(personas):
    """Independently of POLICY: anything not on the public allow-list sends anonymous visitors to
    sign in, for GET and POST alike (no view is accidentally login_not_required). The site-wide
    admin pages send them to the admin login, which sends them on to sign in (checked here too)."""
    admin_login = Client().get(reverse("admin:login"))
    assert categorise(admin_login) == LOGIN, describe(admin_login)
    samples = build_samples(personas)
    client = Client()
    let_in = []
    for key, pattern in sorted(PATTERNS.items()):
        if key in PUBLIC_URLS or key not in POLICY:
            continue
        for case in cases_for(key):
            url = url_for(pattern, case, samples)
            for method in METHODS:
                response = fetch(client, method, url, case.data(samples) if case.data else {})
                if categorise(response) not in (LOGIN, ADMIN_LOGIN):
                    let_in.append(f"{key}: anonymous {method.upper()} {url} got {describe(response)}")
    assert not let_in, "Not public, yet anonymous visitors got in:\n  " + "\n  ".join(let_in)


def test_login_not_required_views_are_declared():
    """A view exempt from LoginRequiredMiddleware must be on the public allow-list, or be listed
    as one that sends anonymous visitors to sign in by itself."""
    exempt = {key for key, p in PATTERNS.items() if getattr(p.callback, "login_required", True) is False}
    undeclared = sorted(exempt - PUBLIC_URLS - LOGIN_EXEMPT_BUT_GUARDED)
    assert not undeclared, "login_not_required views missing from PUBLIC_URLS: " + ", ".join(undeclared)
    not_exempt = sorted(PUBLIC_URLS - exempt)
    assert not not_exempt, "PUBLIC_URLS lists views the login middleware guards: " + ", ".join(not_exempt)


def test_policy_entries_name_every_persona_and_method():
    for key in POLICY:
        for case in cases_for(key):
            assert set(case.expect) == set(PERSONAS), key
            for persona, outcomes in case.expect.items():
                assert set(outcomes) == set(METHODS), (key, persona)


def test_elevated_roles_without_mfa_are_sent_to_set_it_up(personas):
    """RequireMfaMiddleware: a supervisor, trainer or admin without TOTP reaches nothing but the
    MFA set-up pages (and signing out) until they set it up, the Django admin included."""
    samples = build_samples(personas)
    client = Client()
    for role in (Role.SUPERVISOR, Role.TRAINER, Role.ADMIN):
        user = make_user(f"no-mfa-{role}@test.example", f"No MFA {role}", role, mfa=False, is_staff=role == Role.ADMIN)
        client.force_login(user)
        got_through = []
        for key, pattern in sorted(PATTERNS.items()):
            if key not in POLICY:
                continue
            # Compared with the full, namespaced name: a namespaced view that merely shares a name
            # with an MFA page ("journal:mfa_index") must not slip past the requirement.
            if key in MFA_SETUP_URL_NAMES:
                continue
            url = url_for(pattern, cases_for(key)[0], samples)
            for method in METHODS:
                response = fetch(client, method, url, {})
                if categorise(response) != MFA_SETUP:
                    got_through.append(f"{key}: {method.upper()} {url} got {describe(response)}")
        assert not got_through, f"A {role} without MFA got past the MFA requirement:\n  " + "\n  ".join(got_through)
