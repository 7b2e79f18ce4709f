"""Settings for Prestatiemonitor, read from the environment (see docs/deployment.md)."""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)

# A development key is only acceptable on a developer's machine.
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY ontbreekt: zet de omgevingsvariabele SECRET_KEY "
            "(of DEBUG=1 voor ontwikkeling)."
        )
    SECRET_KEY = "alleen-voor-ontwikkeling-niet-in-productie-gebruiken"

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# --- Transport and browser security: safe by default once DEBUG is off ----------------
# Behind a proxy or load balancer that ends TLS: the header it sets, e.g. X-Forwarded-Proto.
PROXY_SSL_HEADER = env.str("PROXY_SSL_HEADER", default="")
if PROXY_SSL_HEADER:
    SECURE_PROXY_SSL_HEADER = (f"HTTP_{PROXY_SSL_HEADER.upper().replace('-', '_')}", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# The load balancer probes each app server itself, over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^gezondheid/$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
# Preloading commits the whole domain for browsers; the domain's owner decides (deployment.md).
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_ENGINE = "django.contrib.sessions.backends.db"  # shared by every app server
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)

# No inline scripts or styles anywhere: everything comes from our own static files.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

# Login throttling (django-axes): a username is locked from one address after too many failures.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
AXES_COOLOFF_MESSAGE = "Te veel mislukte inlogpogingen. Probeer het later opnieuw."
AXES_PERMALOCK_MESSAGE = "Te veel mislukte inlogpogingen. Neem contact op met de beheerder."
# Behind a proxy: where the client's address is (e.g. HTTP_X_FORWARDED_FOR) and how many proxies.
AXES_IPWARE_META_PRECEDENCE_ORDER = env.list(
    "AXES_IPWARE_META_PRECEDENCE_ORDER", default=["REMOTE_ADDR"]
)
AXES_IPWARE_PROXY_COUNT = env.int("AXES_IPWARE_PROXY_COUNT", default=None)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Form widgets render through TEMPLATES, so templates/django/forms/ may replace Django's own
    # (FORM_RENDERER below).
    "django.forms",
    # The footer's pages, their texts editable in Beheer (paginas/, docs/architecture.md).
    "django.contrib.sites",
    "django.contrib.flatpages",
    "rules.apps.AutodiscoverRulesConfig",
    "django_tables2",
    "django_filters",
    "axes",
    "csp",
    "core",
    "afspraken",
    "regiodeals",
    "projecten",
    "importeren",
    "inrichting",
    "dashboards",
    "rapportages",
    "historie",
    "paginas",
    "volume",
    "termijnen",
    "django_tasks",
    "django_tasks_db",
    "aanmelden",
]

SITE_ID = 1

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Logs out a session idle for SESSION_IDLE_MINUTES (aanmelden/middleware.py).
    "aanmelden.middleware.SessieVerlooptMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # A logged-in user's pages and downloads: Cache-Control private, no-store.
    "core.middleware.PrivatePagesMiddleware",
    "historie.context.WijzigingscontextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last: turns a login refused by axes into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

# Errors to standard error, where gunicorn (errorlog "-") and journald collect them, with DEBUG
# on or off: a 500 as "Internal Server Error: <path>" from django.request with its traceback.
# Django's own handlers are dropped so every line has the one format (docs/deployment.md).
LOG_LEVEL = env.str("LOG_LEVEL", default="WARNING")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "regel": {
            "format": "[{asctime}] [{process}] [{levelname}] {name}: {message}",
            "datefmt": "%Y-%m-%d %H:%M:%S %z",
            "style": "{",
        },
    },
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "formatter": "regel",
        },
    },
    "root": {"handlers": ["stderr"], "level": LOG_LEVEL},
    # No handlers of its own: Django's messages go to the root's handler above.
    "loggers": {"django": {"handlers": [], "level": LOG_LEVEL, "propagate": True}},
}

FORM_RENDERER = "core.formrenderer.Renderer"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            "builtins": ["core.templatetags.dutch_numbers"],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Planner settings for a web application on SSDs (docs/performance.md): JIT compiling
    # costs more than it saves on queries of milliseconds, and a random read is about as
    # cheap as a sequential one, so indexes are preferred over reading whole tables.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options", "-c jit=off -c random_page_cost=1.1"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    # First: refuses a login that is locked out before any other backend checks a password.
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    # Django's, loading a request's user with their organisation and roles in one query.
    "core.backends.ModelBackend",
    # Signing in through the organisation's own provider (OpenID Connect, aanmelden/).
    "aanmelden.backends.OrganisatieBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Mail (the one-time link of a new user): printed to the console in development.
EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="prestatiemonitor@localhost")
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_LINK_DAYS", default=3) * 24 * 3600

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
# Dutch for the Beheer screens of libraries that ship none (axes, django-tasks).
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STORAGES = {
    # Generated files. Several app servers must share it: a shared volume at MEDIA_ROOT, or
    # e.g. FILE_STORAGE=storages.backends.s3.S3Storage with django-storages (deployment.md).
    "default": {
        "BACKEND": env.str("FILE_STORAGE", default="django.core.files.storage.FileSystemStorage"),
        "OPTIONS": env.json("FILE_STORAGE_OPTIONS", default={}),
    },
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
FIXTURE_DIRS = [BASE_DIR / "fixtures"]

DJANGO_TABLES2_TEMPLATE = "tabellen/lijst.html"

# Excel import (importeren/, docs/import.md): an upload is checked against these before it is
# parsed; the zip's declared sizes are checked before anything is unpacked.
IMPORT_MAX_FILE_SIZE = env.int("IMPORT_MAX_FILE_SIZE", default=5 * 1024 * 1024)  # bytes
IMPORT_MAX_ZIP_ENTRIES = 200  # a plain workbook has about 10
IMPORT_MAX_UNPACKED_SIZE = 50 * 1024 * 1024  # bytes, all entries together
IMPORT_MAX_COMPRESSION_RATIO = 100  # per entry of more than 1 MB; sheets compress ~10-30×
IMPORT_MAX_ROWS = 20_000  # rows under the header row: figures, the header is not counted
IMPORT_MAX_COLUMNS = 50

# Background work (reports): a queue in the database, worked by `manage.py db_worker`. On a
# developer's machine (DEBUG) tasks run at once, so `make run` needs no worker.
TASKS = {
    "default": {
        "BACKEND": env.str(
            "TASKS_BACKEND",
            default="django_tasks.backends.immediate.ImmediateBackend"
            if DEBUG
            else "django_tasks_db.DatabaseBackend",
        )
    }
}

# --- Signing in through the organisation's provider (OpenID Connect, aanmelden/) -----------
# The providers themselves are kept in Beheer (Identiteitsprovider), their client secrets in
# environment variables named there. A session ends after this many minutes without a request.
SESSION_IDLE_MINUTES = env.int("SESSION_IDLE_MINUTES", default=60)
OIDC_TIMEOUT = env.int("OIDC_TIMEOUT_SECONDS", default=10)  # each call to a provider
# The read API (api/, docs/api.md): personal keys, at most this many requests per key and
# minute (counted in the cache), and on every /api/ response the API-Version header and
# errors as problem+json.
INSTALLED_APPS += ["api"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("axes.middleware.AxesMiddleware"), "api.middleware.ApiMiddleware"
)
API_LIMIET_PER_MINUUT = env.int("API_LIMIET_PER_MINUUT", default=120)
# The yearly cycle (termijnen/, docs/deployment.md "Herinneringen"): mail from EMAIL_URL
# (smtp://user:password@host:587 or submission://…) when set, over the EMAIL_* settings above;
# links in mails and the calendar feed start with SITE_URL.
if env.str("EMAIL_URL", default=""):
    globals().update(env.email_url("EMAIL_URL"))
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
