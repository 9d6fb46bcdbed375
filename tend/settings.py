"""Tend's one settings module. Everything comes from environment variables with safe local
defaults; TEND_ENV=production refuses to start while an insecure default is still in use."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("TEND_VAR_DIR", BASE_DIR / "var"))


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


TEND_ENV = env("TEND_ENV", "local")
PRODUCTION = TEND_ENV == "production"

DEBUG = env_bool("DEBUG", not PRODUCTION)
SECRET_KEY = env("SECRET_KEY") or ("" if PRODUCTION else "local-only-insecure-key-do-not-deploy-" + "x" * 20)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")


def _local_encryption_keys() -> list[str]:
    """A machine-local key for development, made once under var/; never used in production."""
    from cryptography.fernet import Fernet

    key_file = VAR_DIR / "local-encryption.key"
    if not key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(Fernet.generate_key().decode())
        key_file.chmod(0o600)
    return [key_file.read_text().strip()]


# Field-encryption keys for private writing: comma-separated Fernet keys, newest first.
# Older keys stay listed until `manage.py reencrypt` has moved every value to the first one.
TEND_ENCRYPTION_KEYS = env_list("TEND_ENCRYPTION_KEYS") or ([] if PRODUCTION else _local_encryption_keys())

if PRODUCTION:
    problems = []
    if not env("SECRET_KEY") or len(SECRET_KEY) < 50:
        problems.append("SECRET_KEY is missing or shorter than 50 characters")
    if DEBUG:
        problems.append("DEBUG is on")
    if not ALLOWED_HOSTS:
        problems.append("ALLOWED_HOSTS is empty")
    if not env_list("TEND_ENCRYPTION_KEYS"):
        problems.append("TEND_ENCRYPTION_KEYS is missing")
    if not env("DATABASE_URL"):
        problems.append("DATABASE_URL is missing (production runs on PostgreSQL)")
    if not env("EMAIL_HOST"):
        problems.append("EMAIL_HOST is missing (invitations and password resets need email)")
    if problems:
        raise ImproperlyConfigured(
            "Tend refuses to start with TEND_ENV=production: " + "; ".join(problems) + "."
        )

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "django_tasks_db",
    "tend.core",
    "tend.accounts",
    "tend.cohorts",
    "tend.journal",
    "tend.learn",
    "tend.safety",
    "tend.coaching",
    "tend.letters",
    "tend.breathing",
    "tend.circles",
    "tend.imagery",
    "tend.diary",
    "tend.timers",
    "tend.formulation",
    "tend.handouts",
    "tend.drills",
    "tend.questionnaires",
    "tend.discussion",
    "tend.exercises",
    "tend.live",
    "tend.supervision",
    "tend.notifications",
    "tend.cpd",
    "tend.certificates",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "tend.core.middleware.SessionTimeoutMiddleware",
    "tend.core.middleware.UserPreferencesMiddleware",
    "tend.core.middleware.RequireMfaMiddleware",
    "tend.core.middleware.NoStoreMiddleware",
    "tend.core.audit.PendingAuditMiddleware",
]

ROOT_URLCONF = "tend.urls"
WSGI_APPLICATION = "tend.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "tend" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tend.core.context_processors.navigation",
                "tend.safety.context_processors.support",
                "tend.notifications.context_processors.unread_count",
            ],
        },
    },
]

DATABASE_URL = env("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60), conn_health_checks=True
        )
    }
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env("SQLITE_PATH", str(VAR_DIR / "tend.sqlite3")),
            "OPTIONS": {
                # WAL lets readers and the writer work side by side; FULL syncs every commit,
                # so an acknowledged save survives a crash of the process or the machine.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
# A request's writes commit before its response is sent: an acknowledgement means durable.
DATABASES["default"]["ATOMIC_REQUESTS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if env("TEND_FAST_PASSWORD_HASHER") == "1":  # test runs only: hashing speed is not under test
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "account_login"

# allauth: email sign-in, invitation-only sign-up (see tend.accounts.adapter), verified emails.
ACCOUNT_ADAPTER = "tend.accounts.adapter.TendAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Tend] "
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_RATE_LIMITS = {"login_failed": env("TEND_LOGIN_RATE_LIMIT", "10/m/ip,5/5m/key")}
MFA_ADAPTER = "tend.accounts.mfa_adapter.TendMFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env("TEND_ORGANISATION_NAME", "Tend")
USERSESSIONS_TRACK_ACTIVITY = False  # tracking writes on every request; sign-in time and IP suffice

# Roles that must set up two-factor authentication before using Tend.
TEND_MFA_REQUIRED_ROLES = env_list("TEND_MFA_REQUIRED_ROLES", ["supervisor", "trainer", "admin"])
TEND_INVITATION_DAYS = env_int("TEND_INVITATION_DAYS", 7)
TEND_ORGANISATION_NAME = env("TEND_ORGANISATION_NAME", "Tend")
TEND_SITE_URL = env("TEND_SITE_URL", "http://127.0.0.1:8000")  # absolute links in emails
TEND_CPD_YEAR_START = env("TEND_CPD_YEAR_START", "01-01")  # MM-DD: the registration year's first day
TEND_CPD_MODULE_HOURS_DEFAULT = env("TEND_CPD_MODULE_HOURS_DEFAULT", "1.5")  # a module without cpd_hours
TEND_CPD_PRACTICE_WEEKLY_CAP_HOURS = env("TEND_CPD_PRACTICE_WEEKLY_CAP_HOURS", "2")
TEND_CPD_DRILL_MINUTES = env("TEND_CPD_DRILL_MINUTES", "10")
TEND_CPD_DRILLS_WEEKLY_CAP_HOURS = env("TEND_CPD_DRILLS_WEEKLY_CAP_HOURS", "2")
TEND_CPD_MAX_UPLOAD_BYTES = env_int("TEND_CPD_MAX_UPLOAD_BYTES", 10 * 1024 * 1024)
TEND_BADGE_SIGNING_KEY = env("TEND_BADGE_SIGNING_KEY")  # Ed25519 private key (PEM); generated locally if unset
TEND_CERTIFICATE_SIGNATORY = env("TEND_CERTIFICATE_SIGNATORY", "")
TEND_CERTIFICATE_VERIFY_PER_MINUTE = env_int("TEND_CERTIFICATE_VERIFY_PER_MINUTE", 30)  # per client IP
TEND_ORGANISATION_LOGO = env("TEND_ORGANISATION_LOGO", "")  # a PNG/JPEG/SVG file path, shown on handouts
TEND_JOURNAL_UNDO_SECONDS = env_int("TEND_JOURNAL_UNDO_SECONDS", 600)
TEND_AUTOSAVE_MAX_CHARS = env_int("TEND_AUTOSAVE_MAX_CHARS", 200_000)
TEND_CONTENT_DIR = Path(env("TEND_CONTENT_DIR", str(BASE_DIR / "content")))

# Sessions: idle timeout (refreshed on each request) and an absolute limit from sign-in.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = env_int("TEND_SESSION_IDLE_MINUTES", 30) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
TEND_SESSION_ABSOLUTE = timedelta(hours=env_int("TEND_SESSION_ABSOLUTE_HOURS", 12))
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    # The load balancer terminates TLS and says so in this header.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# No inline script or style anywhere: everything is served from our own static files.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "tend" / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

# Uploaded files (e.g. trainers' recordings of imagery scripts). Never served publicly: views
# check who may fetch them. In production use shared storage, not an app server's disk.
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))
TEND_IMAGERY_MAX_UPLOAD_BYTES = env_int("TEND_IMAGERY_MAX_UPLOAD_BYTES", 30 * 1024 * 1024)

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
WHITENOISE_USE_FINDERS = not PRODUCTION  # locally, serve straight from the apps' static folders
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

EMAIL_FROM = env("DEFAULT_FROM_EMAIL", "Tend <no-reply@tend.local>")
DEFAULT_FROM_EMAIL = EMAIL_FROM
if env("EMAIL_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": env("EMAIL_HOST"),
                "port": env_int("EMAIL_PORT", 587),
                "username": env("EMAIL_HOST_USER"),
                "password": env("EMAIL_HOST_PASSWORD"),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
            },
        }
    }
elif env("TEND_EMAIL_FILE_DIR"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "OPTIONS": {"file_path": env("TEND_EMAIL_FILE_DIR")},
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}

# Background work (reminders, digests) goes through Django's task framework. The database
# backend needs no extra service: `manage.py db_worker` runs the queue (`make run` starts one).
TASKS = {
    "default": {
        "BACKEND": env("TEND_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    # Request bodies may hold private writing: never let Django log them.
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False}},
}
