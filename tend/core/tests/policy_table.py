"""The declared access policy for every URL in Tend, read by test_permission_matrix.py.

Every URL pattern in the project (ours, allauth's and the Django admin's) must have an entry
here, keyed by its namespaced URL name ("journal:detail", "admin:accounts_user_change") or, for
an unnamed pattern, by its full route string. A new view without an entry fails the matrix test.

Each entry says, for each persona and for GET and POST, which *category* of answer the URL gives:

    ok           2xx, or a redirect to anywhere but the pages below
    login        a redirect to the sign-in page, /accounts/login/
    admin_login  a redirect to the Django admin's login page, /admin/login/
    reauth       a redirect to "confirm it's you" (/accounts/reauthenticate/ or /accounts/2fa/reauthenticate/)
    mfa_setup    a redirect to setting up two-factor authentication
    "400", "403", "404", "405", "409", "410", ...   that status code

The rules the table encodes (see tend.core.access):
- anonymous visitors to anything not public are sent to sign in;
- something that exists but is not yours answers 404, never 403;
- role-gated pages (creating a cohort) answer 403 to the wrong role;
- trainers and admins never see private writing;
- only staff (the admin persona) get into the Django admin.
"""

from collections.abc import Callable
from dataclasses import dataclass

# --- Outcome categories ----------------------------------------------------------------------

OK = "ok"
LOGIN = "login"
ADMIN_LOGIN = "admin_login"
REAUTH = "reauth"
MFA_SETUP = "mfa_setup"
BAD_REQUEST = "400"
FORBIDDEN = "403"
NOT_FOUND = "404"
NOT_ALLOWED = "405"
CONFLICT = "409"
GONE = "410"

ANONYMOUS = "anonymous"
# Personas from tend.testing.personas, plus the visitor who is not signed in.
PERSONAS = (
    "anonymous", "trainee", "cohort_peer", "other_trainee", "supervisor", "other_supervisor", "trainer", "admin"
)
METHODS = ("get", "post")

Outcome = str | tuple[str, str]  # one category for both methods, or (GET, POST)
Expectation = dict[str, dict[str, str]]  # persona -> method -> category


def expect(**outcomes: Outcome) -> Expectation:
    """The outcome for each persona, every persona named: (GET, POST), or one category for both."""
    missing, unknown = set(PERSONAS) - set(outcomes), set(outcomes) - set(PERSONAS)
    if missing or unknown:
        raise ValueError(
            f"expect() must name every persona exactly; missing {sorted(missing)}, unknown {sorted(unknown)}"
        )
    result = {}
    for persona in PERSONAS:
        outcome = outcomes[persona]
        get, post = (outcome, outcome) if isinstance(outcome, str) else outcome
        result[persona] = {"get": get, "post": post}
    return result


# --- Policy helpers: each one spelled out persona by persona ---------------------------------


def public(get: str = OK, post: str = OK) -> Expectation:
    """Anyone, signed in or not, gets the same answer."""
    same = (get, post)
    return expect(
        anonymous=same,
        trainee=same,
        cohort_peer=same,
        other_trainee=same,
        supervisor=same,
        other_supervisor=same,
        trainer=same,
        admin=same,
    )


def signed_in(get: str = OK, post: str = OK) -> Expectation:
    """Anyone signed in (each sees only their own things); anonymous visitors sign in first."""
    yes = (get, post)
    return expect(
        anonymous=LOGIN,
        trainee=yes,
        cohort_peer=yes,
        other_trainee=yes,
        supervisor=yes,
        other_supervisor=yes,
        trainer=yes,
        admin=yes,
    )


def owner_only(get: str = OK, post: str = OK) -> Expectation:
    """Only the writer (the `trainee` persona owns the samples). Everyone else: 404, whatever their role."""
    return expect(
        anonymous=LOGIN,
        trainee=(get, post),
        cohort_peer=NOT_FOUND,
        other_trainee=NOT_FOUND,
        supervisor=NOT_FOUND,
        other_supervisor=NOT_FOUND,
        trainer=NOT_FOUND,
        admin=NOT_FOUND,
    )


def owner_or_supervisor_when_shared(get: str = OK, post: str = OK) -> Expectation:
    """An item the owner shared with "Me and my supervisor": the owner and the owner's own
    supervisor. Not another supervisor, not the trainer, not the admin, not a peer."""
    yes = (get, post)
    return expect(
        anonymous=LOGIN,
        trainee=yes,
        cohort_peer=NOT_FOUND,
        other_trainee=NOT_FOUND,
        supervisor=yes,
        other_supervisor=NOT_FOUND,
        trainer=NOT_FOUND,
        admin=NOT_FOUND,
    )


def cohort_member(get: str = OK, post: str = OK) -> Expectation:
    """Cohort A's pages: its members (trainee, peer, supervisor, trainer) and admins. Cohort B's people: 404."""
    yes = (get, post)
    return expect(
        anonymous=LOGIN,
        trainee=yes,
        cohort_peer=yes,
        other_trainee=NOT_FOUND,
        supervisor=yes,
        other_supervisor=NOT_FOUND,
        trainer=yes,
        admin=yes,
    )


def other_cohort_member(get: str = OK, post: str = OK) -> Expectation:
    """Cohort B's pages: its members (other_trainee, other_supervisor) and admins. Cohort A's trainer: 404."""
    yes = (get, post)
    return expect(
        anonymous=LOGIN,
        trainee=NOT_FOUND,
        cohort_peer=NOT_FOUND,
        other_trainee=yes,
        supervisor=NOT_FOUND,
        other_supervisor=yes,
        trainer=NOT_FOUND,
        admin=yes,
    )


def cohort_manager(get: str = OK, post: str = OK) -> Expectation:
    """Managing cohort A (invite, revoke, assign supervisors): its trainer and admins. Members who
    may view the cohort but not manage it get 404 too (get_cohort_or_404(manage=True))."""
    yes = (get, post)
    return expect(
        anonymous=LOGIN,
        trainee=NOT_FOUND,
        cohort_peer=NOT_FOUND,
        other_trainee=NOT_FOUND,
        supervisor=NOT_FOUND,
        other_supervisor=NOT_FOUND,
        trainer=yes,
        admin=yes,
    )


def trainer_or_admin(get: str = OK, post: str = OK) -> Expectation:
    """A role-gated page (nothing owned is involved): trainers and admins; other roles get 403."""
    yes = (get, post)
    return expect(
        anonymous=LOGIN,
        trainee=FORBIDDEN,
        cohort_peer=FORBIDDEN,
        other_trainee=FORBIDDEN,
        supervisor=FORBIDDEN,
        other_supervisor=FORBIDDEN,
        trainer=yes,
        admin=yes,
    )


def staff_only(
    get: str = OK, post: str = OK, *, non_staff: Outcome = ADMIN_LOGIN, anonymous: str = LOGIN
) -> Expectation:
    """The Django admin: only the admin persona (is_staff). Signed-in non-staff are sent to the
    admin's login page, which (wrapped by allauth's secure_admin_login) answers them 403.
    Anonymous visitors: the ModelAdmin pages are guarded by LoginRequiredMiddleware and send them
    to Tend's sign-in page; the site-wide admin pages carry their own login_url (the admin login),
    so they go there first (pass anonymous=ADMIN_LOGIN), and the admin login sends them on to sign in."""
    return expect(
        anonymous=anonymous,
        trainee=non_staff,
        cohort_peer=non_staff,
        other_trainee=non_staff,
        supervisor=non_staff,
        other_supervisor=non_staff,
        trainer=non_staff,
        admin=(get, post),
    )


def admin_site_page(get: str = OK, post: str = OK, *, non_staff: Outcome = ADMIN_LOGIN) -> Expectation:
    """A site-wide admin page (AdminSite.get_urls): staff only; anonymous visitors go to the admin login first."""
    return staff_only(get, post, non_staff=non_staff, anonymous=ADMIN_LOGIN)


def require_post(policy: Expectation) -> Expectation:
    """The same policy for a @require_POST view: every GET that reaches the view answers 405.
    Anonymous visitors never reach it (LoginRequiredMiddleware sends them to sign in first)."""
    return {
        persona: {"get": outcomes["get"] if outcomes["get"] == LOGIN else NOT_ALLOWED, "post": outcomes["post"]}
        for persona, outcomes in policy.items()
    }


def but(policy: Expectation, **changes: Outcome) -> Expectation:
    """A policy with a few personas' outcomes replaced (each replacement explained where used)."""
    result = {persona: dict(outcomes) for persona, outcomes in policy.items()}
    for persona, outcome in changes.items():
        if persona not in PERSONAS:
            raise ValueError(f"unknown persona {persona!r}")
        get, post = (outcome, outcome) if isinstance(outcome, str) else outcome
        result[persona] = {"get": get, "post": post}
    return result


# --- Cases: which object a URL is requested for ----------------------------------------------


@dataclass(frozen=True)
class Case:
    """One way of requesting a URL. `kwargs(samples)` fills a named URL's arguments; an unnamed
    pattern gives `path(samples)` instead. `data(samples)` is the POST body (default empty)."""

    expect: Expectation
    label: str = ""
    kwargs: Callable | None = None
    path: Callable | None = None
    data: Callable | None = None


def journal_form(entry, visibility: str = "private") -> dict:
    return {
        "title": "Edited in the matrix",
        "entry_date": "2025-01-15",
        "body": "Edited body",
        "tags": "",
        "visibility": visibility,
        "base_version": entry.version,
        "save_id": "matrix-save",
    }


def private_entry(s):
    return {"pk": s.private_entry.pk}


def shared_entry(s):
    return {"pk": s.shared_entry.pk}


def cohort_a(s):
    return {"pk": s.cohort_a.pk}


def admin_object(attribute: str) -> Callable:
    return lambda s: {"object_id": getattr(s, attribute).pk}


# Public URLs: anonymous visitors get something other than the sign-in redirect. Everything not
# listed here must send anonymous visitors to sign in (test_only_declared_public_urls_...).
PUBLIC_URLS = {
    "healthz",
    "safety:support",  # help must never sit behind a sign-in
    "cohorts:accept_invitation",
    "account_login",
    "account_signup",  # closed: shows "sign-up is closed"
    "account_inactive",
    "account_email_verification_sent",
    "account_confirm_email",
    "account_reset_password",
    "account_reset_password_done",
    "account_reset_password_from_key",
    "account_reset_password_from_key_done",
}

# URLs about one owned thing (an entry, a cohort): whoever may not see it gets 404, never 403,
# so the answer does not reveal that it exists. Checked on every request, whatever POLICY says.
OWNED_OBJECT_URLS = {
    "journal:detail",
    "journal:edit",
    "journal:autosave",
    "drills:attempt", "drills:autosave", "drills:feedback", "drills:rate",
    "formulation:detail", "formulation:edit", "formulation:autosave", "formulation:versions",
    "formulation:export_pdf", "formulation:conflict", "formulation:delete",
    "breathing:pattern_edit",
    "breathing:pattern_delete",
    "journal:conflict",
    "journal:delete",
    "journal:restore",
    "cohorts:detail",
    "cohorts:invite",
    "cohorts:revoke_invitation",
    "cohorts:assign_supervisor",
}

# Views marked login_not_required that nevertheless send anonymous visitors to sign in themselves.
LOGIN_EXEMPT_BUT_GUARDED = {
    "admin:login",  # secure_admin_login sends anonymous visitors to /accounts/login/
    "account_logout",
    "account_confirm_login_code",  # no login-code stage pending: back to sign-in
    "mfa_authenticate",  # no MFA stage pending: back to sign-in
}


def _admin_model(app_label: str, model: str, object_attr: str, *, add: Outcome = OK, change: Outcome = OK) -> dict:
    """The six URL patterns Django's admin makes for one registered model, all staff only, requested
    for the sample `object_attr`. `add` / `change` give the admin persona's outcome (or (GET, POST))
    where the ModelAdmin forbids writing."""
    app_model = f"{app_label}_{model}"
    route = f"admin/{app_label}/{model}/"
    obj = admin_object(object_attr)
    add_get, add_post = (add, add) if isinstance(add, str) else add
    change_get, change_post = (change, change) if isinstance(change, str) else change
    return {
        f"admin:{app_model}_changelist": staff_only(),
        f"admin:{app_model}_add": staff_only(get=add_get, post=add_post),
        f"admin:{app_model}_history": Case(staff_only(), kwargs=obj),
        # An empty POST to the delete page only shows the confirmation again (and is rolled back anyway).
        f"admin:{app_model}_delete": Case(staff_only(), kwargs=obj),
        f"admin:{app_model}_change": Case(staff_only(get=change_get, post=change_post), kwargs=obj),
        # The unnamed "<object_id>/" pattern redirects old-style links to the change page.
        f"{route}<path:object_id>/": Case(
            staff_only(), path=lambda s, route=route, attr=object_attr: f"/{route}{getattr(s, attr).pk}/"
        ),
    }


POLICY: dict[str, Expectation | Case | list[Case]] = {
    # --- Tend: pages for anyone signed in (each shows only the person's own things) -------------
    "home": signed_in(),
    # --- Learn: the curriculum is open to everyone signed in (unlock rules are tested in learn) --
    "learn:overview": signed_in(),
    "learn:glossary": signed_in(),
    "learn:search": Case(signed_in(), path=lambda s: "/learn/search/?q=soothing"),
    "learn:module": Case(signed_in(), kwargs=lambda s: {"slug": s.module_slug}),
    "learn:lesson": Case(signed_in(), kwargs=lambda s: {"slug": s.module_slug, "lesson_slug": "module-1-first"}),
    "learn:lesson_complete": Case(
        require_post(signed_in()), kwargs=lambda s: {"slug": s.module_slug, "lesson_slug": "module-1-first"}
    ),
    "learn:lesson_position": Case(
        require_post(signed_in()), kwargs=lambda s: {"slug": s.module_slug, "lesson_slug": "module-1-first"},
        data=lambda s: {"position": "0.5"},
    ),
    "learn:check": Case(signed_in(), kwargs=lambda s: {"slug": s.module_slug}, data=lambda s: {"q-q-threat": "a"}),
    "learn:check_question": Case(
        require_post(signed_in()), kwargs=lambda s: {"slug": s.module_slug, "question_key": "q-threat"},
        data=lambda s: {"q-q-threat": "a"},
    ),
    "learn:pdf": Case(signed_in(), kwargs=lambda s: {"slug": s.module_slug}),
    "learn:figure": Case(signed_in(), kwargs=lambda s: {"slug": s.module_slug, "name": "circles.svg"}),
    # A reflection is always the person's own new (private) journal entry.
    "learn:reflect": Case(require_post(signed_in()), kwargs=lambda s: {"slug": s.module_slug, "prompt_key": "why-here"}),
    "learn:practice": Case(signed_in(), kwargs=lambda s: {"slug": s.module_slug, "practice_key": "notice-a-day"}),
    # Cohort A's progress grid and module schedule: its trainer and admins; everyone else 404.
    "learn:cohort_progress": Case(cohort_manager(), kwargs=cohort_a),
    "learn:cohort_release": Case(cohort_manager(), kwargs=cohort_a, data=lambda s: {"mode": "sequential"}),
    "practise": signed_in(),
    "progress": signed_in(),
    "healthz": public(),
    # --- Safety: support is for everyone, always; the counts-only report for the organisation's admins.
    "safety:support": public(),
    "safety:report": expect(
        anonymous=LOGIN, trainee=FORBIDDEN, cohort_peer=FORBIDDEN, other_trainee=FORBIDDEN, supervisor=FORBIDDEN,
        other_supervisor=FORBIDDEN, trainer=FORBIDDEN, admin=OK,
    ),
    "accounts:profile": Case(
        signed_in(),
        data=lambda s: {"display_name": "Renamed", "time_zone": "Europe/London", "language": "en"},
    ),
    # --- Letters: the writer's own; shared ones readable by their supervisor ----------------------
    "letters:list": signed_in(),
    "letters:create": require_post(signed_in()),
    "letters:detail": [
        Case(owner_only(), "private letter", kwargs=lambda s: {"pk": s.private_letter.pk}),
        Case(owner_or_supervisor_when_shared(), "supervisor-shared letter", kwargs=lambda s: {"pk": s.shared_letter.pk}),
    ],
    "letters:edit": Case(owner_only(), kwargs=lambda s: {"pk": s.private_letter.pk},
                         data=lambda s: {"base_version": s.private_letter.version, "save_id": "m", "title": "", "perspective": "friend",
                                         "body": "edited", "visibility": "private"}),
    "letters:autosave": Case(require_post(owner_only()), kwargs=lambda s: {"pk": s.private_letter.pk},
                             data=lambda s: {"base_version": s.private_letter.version, "save_id": "m2", "title": "",
                                             "perspective": "friend", "body": "autosaved", "visibility": "private"}),
    "letters:feedback": Case(require_post(owner_only()), kwargs=lambda s: {"pk": s.private_letter.pk}, data=lambda s: {"body": "Dear me"}),
    "letters:versions": Case(owner_only(), kwargs=lambda s: {"pk": s.private_letter.pk}),
    "letters:conflict": Case(owner_only(), kwargs=lambda s: {"pk": s.private_letter.pk, "conflict_pk": s.letter_conflict.pk}),
    "letters:delete": Case(require_post(owner_only()), kwargs=lambda s: {"pk": s.private_letter.pk}),
    # --- Practice diary: the person's own, nobody else's -------------------------------------------
    "diary:diary": signed_in(),
    "diary:add": Case(signed_in(), data=lambda s: {"tool": "breathing", "started_at": "2026-11-20T08:00", "minutes": 5}),
    "diary:edit": Case(owner_only(), kwargs=lambda s: {"pk": s.practice_log.pk},
                       data=lambda s: {"tool": "breathing", "started_at": "2026-11-20T08:00", "minutes": 6}),
    "diary:delete": Case(require_post(owner_only()), kwargs=lambda s: {"pk": s.practice_log.pk}),
    # --- Three circles: the owner's own snapshots; nobody else's ------------------------------------
    "circles:list": signed_in(),
    "circles:create": Case(signed_in(), data=lambda s: {"threat_now": 6, "drive_now": 5, "soothing_now": 3}),
    "circles:preview": Case(require_post(signed_in()), data=lambda s: {"threat_now": 6, "drive_now": 5, "soothing_now": 3}),
    "circles:detail": Case(owner_only(), kwargs=lambda s: {"pk": s.circles_snapshot.pk}),
    "circles:export_svg": Case(owner_only(), kwargs=lambda s: {"pk": s.circles_snapshot.pk}),
    "circles:export_png": Case(owner_only(), kwargs=lambda s: {"pk": s.circles_snapshot.pk}),
    "circles:export_pdf": Case(owner_only(), kwargs=lambda s: {"pk": s.circles_snapshot.pk}),
    "circles:delete": Case(require_post(owner_only()), kwargs=lambda s: {"pk": s.circles_snapshot.pk}),
    # --- Guided imagery: scripts for everyone signed in; trainers and admins add recordings --------
    "imagery:list": signed_in(),
    "imagery:player": Case(signed_in(), kwargs=lambda s: {"script_id": "safe-place"}),
    "imagery:text": Case(signed_in(), kwargs=lambda s: {"script_id": "safe-place"}),
    "imagery:upload": Case(require_post(trainer_or_admin(post=BAD_REQUEST)), kwargs=lambda s: {"script_id": "safe-place"}),
    "imagery:recording": Case(signed_in(post=NOT_ALLOWED), kwargs=lambda s: {"pk": s.script_recording.pk}),
    # Logs the person's own finished practice to their own diary.
    "imagery:log": Case(require_post(signed_in()), kwargs=lambda s: {"script_id": "safe-place"},
                        data=lambda s: {"client_id": "matrix", "duration_seconds": "60"}),
    # --- Breathing pacer: patterns and sessions are the person's own ------------------------------
    "breathing:pacer": [
        Case(signed_in(), "default pattern"),
        Case(owner_only(), "own saved pattern", path=lambda s: f"/practise/breathing/?pattern={s.breathing_pattern.pk}"),
    ],
    "breathing:not_working": signed_in(),
    "breathing:patterns": Case(
        signed_in(), data=lambda s: {"name": "Matrix pattern", "inhale_seconds": "4", "hold_in_seconds": "1",
                                     "exhale_seconds": "5", "hold_out_seconds": "1"},
    ),
    "breathing:pattern_edit": Case(
        owner_only(), kwargs=lambda s: {"pk": s.breathing_pattern.pk},
        data=lambda s: {"name": "Renamed", "inhale_seconds": "4", "hold_in_seconds": "0", "exhale_seconds": "6",
                        "hold_out_seconds": "0"},
    ),
    "breathing:pattern_delete": Case(require_post(owner_only()), kwargs=lambda s: {"pk": s.breathing_pattern.pk}),
    "breathing:sessions": signed_in(),
    "breathing:record": Case(
        require_post(signed_in()),
        data=lambda s: {"started_at": "2025-01-15T10:00:00+00:00", "duration_seconds": "60", "completed": "on",
                        "mode": "paced", "inhale": "4", "hold_in": "1", "exhale": "5", "hold_out": "1"},
    ),
    # --- Mindful breathing / body-scan timer: sittings are the person's own -----------------------
    "timers:timer": signed_in(),
    "timers:record": Case(
        require_post(signed_in()),
        data=lambda s: {"client_id": "matrix-0001", "kind": "mindful", "started_at": "2025-01-15T10:00:00+00:00",
                        "planned_seconds": "600", "duration_seconds": "600", "bells_every": "5", "completed": "on"},
    ),
    # --- Threat-based formulation: the writer's own; shared ones readable by their supervisor ------
    "formulation:list": signed_in(),
    "formulation:create": Case(require_post(signed_in()), data=lambda s: {"subject": "myself"}),
    "formulation:example": signed_in(),
    "formulation:detail": [
        Case(owner_only(), "private formulation", kwargs=lambda s: {"pk": s.private_formulation.pk}),
        Case(owner_or_supervisor_when_shared(), "supervisor-shared formulation", kwargs=lambda s: {"pk": s.shared_formulation.pk}),
    ],
    "formulation:edit": Case(owner_only(), kwargs=lambda s: {"pk": s.private_formulation.pk},
                             data=lambda s: {"base_version": s.private_formulation.version, "save_id": "m", "subject": "myself",
                                             "case_label": "", "influences": "edited", "visibility": "private"}),
    "formulation:autosave": Case(require_post(owner_only()), kwargs=lambda s: {"pk": s.private_formulation.pk},
                                 data=lambda s: {"base_version": s.private_formulation.version, "save_id": "m2", "subject": "myself",
                                                 "case_label": "", "influences": "autosaved", "visibility": "private"}),
    "formulation:versions": Case(owner_only(), kwargs=lambda s: {"pk": s.private_formulation.pk}),
    "formulation:export_pdf": Case(owner_only(), kwargs=lambda s: {"pk": s.private_formulation.pk}),
    "formulation:conflict": Case(owner_only(), kwargs=lambda s: {"pk": s.private_formulation.pk, "conflict_pk": s.formulation_conflict.pk}),
    "formulation:delete": Case(require_post(owner_only()), kwargs=lambda s: {"pk": s.private_formulation.pk}),
    # --- Client handouts: our own content, for everyone signed in -------------------------------
    "handouts:list": signed_in(post=NOT_ALLOWED),
    "handouts:preview": Case(signed_in(post=NOT_ALLOWED), kwargs=lambda s: {"handout_id": "three-circles"}),
    "handouts:pdf": Case(signed_in(post=NOT_ALLOWED), kwargs=lambda s: {"handout_id": "three-circles"}),
    # --- Practice drills: a trainee's attempts are their own, nobody else's ----------------------
    "drills:skills": signed_in(),
    "drills:practise": Case(require_post(signed_in()), kwargs=lambda s: {"skill_id": "validating-distress"}),
    "drills:attempt": Case(owner_only(), kwargs=lambda s: {"pk": s.drill_attempt.pk}),
    "drills:autosave": Case(require_post(owner_only()), kwargs=lambda s: {"pk": s.drill_attempt.pk},
                            data=lambda s: {"base_version": s.drill_attempt.version, "save_id": "d2", "reply": "autosaved"}),
    "drills:feedback": Case(require_post(owner_only()), kwargs=lambda s: {"pk": s.drill_attempt.pk},
                            data=lambda s: {"reply": "That sounds hard."}),
    "drills:rate": Case(require_post(owner_only()), kwargs=lambda s: {"pk": s.drill_attempt.pk},
                        data=lambda s: {"difficulty": "good", "reaction_strength": 3}),
    # --- Cohorts ---------------------------------------------------------------------------------
    "cohorts:list": signed_in(),
    "cohorts:create": Case(
        trainer_or_admin(),
        data=lambda s: {"name": "Cohort C", "starts_on": "2030-01-01", "ends_on": "2030-03-31"},
    ),
    "cohorts:detail": [
        Case(cohort_member(), "cohort A", kwargs=cohort_a),
        Case(other_cohort_member(), "cohort B", kwargs=lambda s: {"pk": s.cohort_b.pk}),
    ],
    "cohorts:invite": Case(
        require_post(cohort_manager()),
        kwargs=cohort_a,
        data=lambda s: {"email": "invitee@test.example", "role": "trainee"},
    ),
    "cohorts:revoke_invitation": [
        Case(
            require_post(cohort_manager()),
            "cohort A's invitation",
            kwargs=lambda s: {"pk": s.cohort_a.pk, "invitation_pk": s.invitation.pk},
        ),
        # Cohort B's invitation through cohort A's URL: not found even for those who manage cohort A.
        Case(
            require_post(cohort_manager(post=NOT_FOUND)),
            "cohort B's invitation under cohort A",
            kwargs=lambda s: {"pk": s.cohort_a.pk, "invitation_pk": s.invitation_b.pk},
        ),
    ],
    "cohorts:assign_supervisor": [
        Case(
            require_post(cohort_manager()),
            "cohort A's people",
            kwargs=cohort_a,
            data=lambda s: {"trainee": s.personas.cohort_peer.pk, "supervisor": s.personas.supervisor.pk},
        ),
        # Cohort B's people cannot be assigned through cohort A: the form refuses them (400).
        Case(
            require_post(cohort_manager(post=BAD_REQUEST)),
            "cohort B's people under cohort A",
            kwargs=cohort_a,
            data=lambda s: {"trainee": s.personas.other_trainee.pk, "supervisor": s.personas.other_supervisor.pk},
        ),
    ],
    "cohorts:accept_invitation": [
        # A pending invitation for someone new: they may join; anyone signed in is told to sign out.
        Case(
            public(),
            "pending invitation",
            kwargs=lambda s: {"token": s.invitation_token},
            data=lambda s: {"display_name": "New Person", "password1": "a fresh long passphrase 42",
                            "password2": "a fresh long passphrase 42"},
        ),
        Case(public(get=GONE, post=GONE), "revoked invitation", kwargs=lambda s: {"token": s.revoked_token}),
        Case(public(get=NOT_FOUND, post=NOT_FOUND), "unknown token", kwargs=lambda s: {"token": "no-such-token"}),
    ],
    # --- Journal ---------------------------------------------------------------------------------
    "journal:list": signed_in(),
    "journal:shared_with_me": signed_in(),
    "journal:create": require_post(signed_in()),  # everyone writes their own new entry
    "journal:export_json": signed_in(),
    "journal:export_markdown": signed_in(),
    "journal:detail": [
        Case(owner_only(), "private entry", kwargs=private_entry),
        Case(owner_or_supervisor_when_shared(), "supervisor-shared entry", kwargs=shared_entry),
    ],
    "journal:edit": [
        Case(owner_only(), "private entry", kwargs=private_entry, data=lambda s: journal_form(s.private_entry)),
        Case(owner_only(), "supervisor-shared entry", kwargs=shared_entry,
             data=lambda s: journal_form(s.shared_entry, "supervisor")),
    ],
    "journal:autosave": [
        Case(require_post(owner_only()), "private entry", kwargs=private_entry,
             data=lambda s: journal_form(s.private_entry)),
        Case(require_post(owner_only()), "supervisor-shared entry", kwargs=shared_entry,
             data=lambda s: journal_form(s.shared_entry, "supervisor")),
        # A save from a stale tab: the owner is told about the conflict (409); others still get 404.
        Case(require_post(owner_only(post=CONFLICT)), "stale base version", kwargs=private_entry,
             data=lambda s: journal_form(s.private_entry) | {"base_version": 1, "save_id": "stale-tab"}),
    ],
    "journal:conflict": Case(
        owner_only(),
        kwargs=lambda s: {"pk": s.private_entry.pk, "conflict_pk": s.conflict.pk},
        data=lambda s: {"keep": "saved"},
    ),
    "journal:delete": [
        Case(require_post(owner_only()), "private entry", kwargs=private_entry),
        Case(require_post(owner_only()), "supervisor-shared entry", kwargs=shared_entry),
    ],
    "journal:restore": Case(require_post(owner_only()), kwargs=lambda s: {"pk": s.deleted_entry.pk}),
    # --- allauth: accounts -----------------------------------------------------------------------
    "account_login": public(),  # signed-in people are sent on to the home page
    # The sign-out page asks to confirm on GET; POST signs out and lands on the sign-in page.
    "account_logout": signed_in(get=OK, post=LOGIN),
    "account_inactive": public(post=NOT_ALLOWED),
    "account_signup": public(),  # sign-up is closed (TendAccountAdapter): "closed" page or redirect home
    "account_reauthenticate": signed_in(),
    "account_email": signed_in(),
    "account_email_verification_sent": public(post=NOT_ALLOWED),
    "account_change_password": signed_in(),
    "account_set_password": signed_in(),  # everyone has a password: sent on to "change password"
    "account_reset_password": public(),
    # Exempt from the login middleware, but with no sign-in-by-code stage pending it sends
    # anonymous visitors back to sign in, and signed-in people on to the home page.
    "account_confirm_login_code": signed_in(),
    # A made-up key: the page says the link is invalid; confirming it (POST) is 404.
    "account_confirm_email": Case(public(post=NOT_FOUND), kwargs=lambda s: {"key": "not-a-real-key"}),
    "account_reset_password_from_key_done": public(post=NOT_ALLOWED),
    # A made-up key: the page says the link is invalid.
    "account_reset_password_from_key": Case(public(), kwargs=lambda s: {"uidb36": "zz", "key": "not-a-real-key"}),
    "account_reset_password_done": public(post=NOT_ALLOWED),
    # --- allauth: two-factor authentication and sessions ------------------------------------------
    # force_login() records no recent authentication, so sensitive MFA pages ask "confirm it's you" first.
    "mfa_index": signed_in(post=NOT_ALLOWED),
    # Exempt from the login middleware, but with no MFA stage pending it sends anonymous visitors
    # back to sign in, and signed-in people on to the home page.
    "mfa_authenticate": signed_in(),
    # Confirming with a code needs a code to confirm with: people without TOTP (trainees) are sent
    # to the password re-authentication instead; the elevated personas get the code form.
    "mfa_reauthenticate": expect(
        anonymous=LOGIN,
        trainee=REAUTH,
        cohort_peer=REAUTH,
        other_trainee=REAUTH,
        supervisor=OK,
        other_supervisor=OK,
        trainer=OK,
        admin=OK,
    ),
    "mfa_activate_totp": signed_in(get=REAUTH, post=REAUTH),
    # Nothing to deactivate for trainees (no TOTP): 404. The elevated personas must re-authenticate.
    "mfa_deactivate_totp": expect(
        anonymous=LOGIN,
        trainee=NOT_FOUND,
        cohort_peer=NOT_FOUND,
        other_trainee=NOT_FOUND,
        supervisor=REAUTH,
        other_supervisor=REAUTH,
        trainer=REAUTH,
        admin=REAUTH,
    ),
    # No persona has recovery codes: nothing to view or download (404), only your own ever.
    "mfa_view_recovery_codes": signed_in(get=NOT_FOUND, post=NOT_ALLOWED),
    "mfa_generate_recovery_codes": signed_in(get=REAUTH, post=REAUTH),
    "mfa_download_recovery_codes": signed_in(get=NOT_FOUND, post=NOT_FOUND),
    "usersessions_list": signed_in(),  # your own sessions only
    # --- Django admin: staff only ------------------------------------------------------------------
    "admin:index": admin_site_page(),
    # allauth's secure_admin_login: anonymous visitors go to Tend's sign-in page (with MFA), signed-in
    # non-staff get 403, staff are sent on to the admin index.
    "admin:login": staff_only(non_staff=FORBIDDEN),
    # Non-staff are redirected to the admin index (which sends them to the admin login, 403);
    # staff must POST to sign out (GET 405) and then land on Tend's sign-in page.
    "admin:logout": admin_site_page(get=NOT_ALLOWED, post=LOGIN, non_staff=OK),
    "admin:password_change": admin_site_page(),
    "admin:password_change_done": admin_site_page(post=NOT_ALLOWED),
    # The user autocomplete used by the cohort membership inline (it lists people's emails).
    "admin:autocomplete": Case(
        admin_site_page(post=NOT_ALLOWED),
        path=lambda s: "/admin/autocomplete/?app_label=cohorts&model_name=membership&field_name=user",
    ),
    "admin:jsi18n": admin_site_page(post=NOT_ALLOWED),
    # "View on site" for a journal entry: staff are redirected to the entry's page, where they get 404.
    "admin:view_on_site": Case(
        admin_site_page(),
        kwargs=lambda s: {"content_type_id": s.journal_content_type.pk, "object_id": s.private_entry.pk},
    ),
    "admin:app_list": Case(admin_site_page(), kwargs=lambda s: {"app_label": "journal"}),
    # Nobody sets someone else's password in the admin (it would let an admin sign in as a trainee
    # and read private writing); people reset their own by email.
    "admin:auth_user_password_change": Case(
        staff_only(get=FORBIDDEN, post=FORBIDDEN), kwargs=lambda s: {"id": s.personas.trainee.pk}
    ),
    **_admin_model("auth", "group", "group"),
    **_admin_model("account", "emailaddress", "email_address"),
    # Second factors are listed without their secrets and are read-only (an admin may delete a lost one).
    **_admin_model("mfa", "authenticator", "authenticator", add=FORBIDDEN, change=(OK, FORBIDDEN)),
    **_admin_model("usersessions", "usersession", "user_session"),
    **_admin_model("accounts", "user", "user"),
    **_admin_model("cohorts", "cohort", "cohort_a"),
    **_admin_model("cohorts", "supervisorassignment", "assignment"),
    **_admin_model("cohorts", "invitation", "invitation"),
    **_admin_model("safety", "crisiscontact", "crisis_contact"),
    # Letters are metadata-only and read-only in the admin, like journal entries.
    **_admin_model("letters", "letter", "private_letter", add=FORBIDDEN, change=(OK, FORBIDDEN)),
    # Journal entries are metadata-only and read-only in the admin: no adding (403), no changing (POST 403).
    **_admin_model("journal", "journalentry", "private_entry", add=FORBIDDEN, change=(OK, FORBIDDEN)),
    # The admin's catch-all for unknown admin URLs: 404 for staff, the admin login for everyone else.
    "admin/(?P<url>.*)$": Case(
        admin_site_page(get=NOT_FOUND, post=NOT_FOUND), path=lambda s: "/admin/no-such-page/"
    ),
}
