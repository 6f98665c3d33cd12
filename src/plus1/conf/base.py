"""Settings shared by every environment. Every value that varies comes from the environment.

Our own variables carry the ``PLUS1_`` prefix; the common ones keep their usual names.
``.env.example`` lists them all and a test keeps it in step with this file.
"""

from pathlib import Path

import environ
from csp.constants import NONE, SELF

SRC_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = SRC_DIR.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DATA_DIR = Path(env.str("PLUS1_DATA_DIR", default=str(BASE_DIR / "var")))

SECRET_KEY = env.str("SECRET_KEY", default="plus1-insecure-development-key-do-not-use-in-production")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
# Scheme and host of the ZGW URLs Plus1 hands out when no request tells (tasks, notifications).
PLUS1_BASE_URL = env.str("PLUS1_BASE_URL", default="http://127.0.0.1:8000")
# ZGW API tokens (docs/api.md): the oldest accepted token in seconds, and the allowed clock drift.
PLUS1_JWT_EXPIRY = env.int("PLUS1_JWT_EXPIRY", default=3600)
PLUS1_JWT_LEEWAY = env.int("PLUS1_JWT_LEEWAY", default=0)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Django's admin, behind the employees' second factor (accounts/admin_site.py).
    "plus1.accounts.admin_app.Plus1AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    # DigiD/eHerkenning and what it builds on (SAML configuration and certificates).
    "solo",
    "privates",
    "simple_certmanager",
    "digid_eherkenning",
    # Employees: second factor (TOTP) and lock-out after failed log-ins.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    # Content-Security-Policy header (its checks warn about settings in the old format).
    "csp",
    "plus1.core",
    "plus1.tenants",
    "plus1.audit",
    "plus1.notifications",
    "plus1.accounts",
    "plus1.connectors",
    "plus1.catalog",
    # Footer statements per gemeente; residents' contact preferences (Mijn gegevens).
    "plus1.legal",
    "plus1.residents",
    # Interface formats (dates "21 december 2026") and the |answer template filter.
    "plus1.formats",
    "plus1.cases",
    "plus1.routing",
    "plus1.feedback",
    "plus1.incidents",
    "plus1.payments",
    "plus1.appointments",
    "plus1.development",
    "plus1.apiclients",
    "plus1.portal",
    "plus1.backoffice",
    # The ZGW APIs have no models; installed for the zgw_openapi management command.
    "plus1.api",
    "plus1.demo",
    # `plus1 cluster up|down|status`: the local high-availability cluster (deploy/cluster/).
    "plus1.cluster",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Security headers on every response (docs/security.md).
    "plus1.core.csp.PathCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "plus1.core.middleware.TraceContextMiddleware",
    # Database unreachable (down, failing over, pooler refusing): 503 with Retry-After, not a 500.
    "plus1.core.dbfailure.DatabaseUnavailableMiddleware",
    "plus1.audit.middleware.ProcessingLogMiddleware",
    # The ZGW APIs: API-version header, and the calling application kept for this request only.
    "plus1.api.common.middleware.ZgwApiMiddleware",
    # Outside the APIs: NUL in path, query or form, and oversized forms, as a page, not a 500.
    "plus1.core.middleware.RequestInputMiddleware",
    # Django reads multipart bodies of POST only; the Documenten API takes bestandsdelen by PUT.
    "ninja.compatibility.files.fix_request_files_middleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # With a replica: which reads may use it; keeps a writer's WAL position in the session.
    "plus1.core.dbrouting.ReplicaReadMiddleware",
    # Before the locale middleware: on a gemeente's own host name it swaps in the host urlconf.
    "plus1.portal.middleware.PortalHostMiddleware",
    # Django's LocaleMiddleware, but Dutch unless the visitor picked English with the switch.
    "plus1.portal.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: turns a locked-out log-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "plus1.urls"
WSGI_APPLICATION = "plus1.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SRC_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                # The logged-in resident's name in the portal header (read once per session).
                "plus1.portal.context_processors.resident",
            ],
        },
    },
]


def _database(url: str) -> dict:
    config = environ.Env.db_url_config(url)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        if config["NAME"] and config["NAME"] != ":memory:":
            # Zero set-up: a fresh clone has no var/ folder yet.
            Path(config["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        # WAL lets readers work while one writer commits; IMMEDIATE takes the write lock at
        # the start of a transaction, so two writers queue instead of failing with "locked".
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000",
            "transaction_mode": "IMMEDIATE",
        }
    else:
        config["CONN_MAX_AGE"] = env.int("PLUS1_DB_CONN_MAX_AGE", default=60)
        config["CONN_HEALTH_CHECKS"] = True
        # Parameters sent apart from the SQL, and psycopg preparing a statement that a kept
        # connection runs again and again (after 5 runs): PostgreSQL then plans it once, not per
        # request. Django turns preparing off unless ``prepare_threshold`` is given. Both off
        # behind a pooler in transaction mode without prepared statement support.
        binding = env.bool("PLUS1_DB_SERVER_SIDE_BINDING", default=True)
        # Behind a pooler in transaction mode (pgbouncer) each transaction may get another
        # server connection: no prepared statements and no cursor kept open past a transaction
        # (``QuerySet.iterator()`` would use a WITH HOLD cursor). Switching binding off alone
        # means the same: a pooler is the one reason to do it.
        if env.bool("PLUS1_DB_POOLER_TRANSACTION_MODE", default=False) or not binding:
            config["DISABLE_SERVER_SIDE_CURSORS"] = True
            binding = False
        if binding:
            config["OPTIONS"] = {
                **config.get("OPTIONS", {}),
                "server_side_binding": True,
                "prepare_threshold": env.int("PLUS1_DB_PREPARE_THRESHOLD", default=5),
            }
    return config


DATABASES = {
    "default": _database(env.str("DATABASE_URL", default=f"sqlite:///{DATA_DIR / 'plus1.sqlite3'}")),
}
# A streaming replica for reads that may be slightly behind (plus1.core.dbrouting): portal
# product pages, ZGW lists and details, back-office dashboards. A writer's own reads stay fresh.
if env.str("PLUS1_DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = _database(env.str("PLUS1_DATABASE_REPLICA_URL"))
    # A replica that does not answer within a second is skipped (reads go to the leader).
    DATABASES["replica"]["OPTIONS"] = {**DATABASES["replica"].get("OPTIONS", {}), "connect_timeout": 1}
    # The tests use the test database through a second connection.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["plus1.core.dbrouting.ReplicaRouter"]
# Views (URL names, * wildcards) whose GET may read from the replica.
PLUS1_REPLICA_READ_VIEWS = [
    "portal:index",
    "portal:home",
    "portal:product-list",
    "portal:product-detail",
    "portal:theme-list",
    "portal:theme-detail",
    "zgw-*:*_list",
    "zgw-*:*_retrieve",
    "backoffice:dashboard",
    "backoffice:incident-figures",
    "backoffice:feedback-dashboard",
    "backoffice:feedback-themes",
    "backoffice:feedback-benchmark",
    "backoffice:feedback-national",
]
# Seconds a client's last write position is kept (read-your-writes), and seconds an unreachable
# replica is left alone before it is tried again.
PLUS1_REPLICA_WRITE_MEMORY_SECONDS = 60
PLUS1_REPLICA_RETRY_SECONDS = 10
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [SRC_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
# Dutch and English date/number formats for the interface (plus1/formats/<lang>/formats.py).
FORMAT_MODULE_PATH = ["plus1.formats"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [SRC_DIR / "static"]
MEDIA_ROOT = DATA_DIR / "media"
# Uploaded documents and certificates: outside the web root, served only through views that check.
PRIVATE_MEDIA_ROOT = DATA_DIR / "private-media"
PRIVATE_MEDIA_URL = "/private-media/"
SENDFILE_BACKEND = "django_sendfile.backends.simple"
SENDFILE_ROOT = PRIVATE_MEDIA_ROOT
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Cache: rate-limit counters. Default: this process's memory (demo, tests); production shares one
# between processes, e.g. redis://127.0.0.1:6379/0.
CACHES = {"default": env.cache_url("PLUS1_CACHE_URL", default="locmemcache://")}
# Kept ZGW API answers (api.common.readcache): per process is enough, their keys carry the
# gemeente's change stamp from the database. 0 seconds switches the cache off.
PLUS1_API_READ_CACHE_SECONDS = env.int("PLUS1_API_READ_CACHE_SECONDS", default=300)
CACHES["zgw"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "plus1-zgw-answers",
    "OPTIONS": {"MAX_ENTRIES": env.int("PLUS1_API_READ_CACHE_ENTRIES", default=500)},
}

# Requests per client IP address (django-ratelimit, docs/security.md), as "count/period"
# (s, m, h, d; "30/5m" is 30 per five minutes). Over the limit: the 429 page with Retry-After.
PLUS1_RATELIMIT_REPORT = env.str("PLUS1_RATELIMIT_REPORT", default="10/h")
PLUS1_RATELIMIT_PORTAL_LOGIN = env.str("PLUS1_RATELIMIT_PORTAL_LOGIN", default="30/m")
PLUS1_RATELIMIT_BACKOFFICE_LOGIN = env.str("PLUS1_RATELIMIT_BACKOFFICE_LOGIN", default="30/m")
PLUS1_RATELIMIT_SEARCH = env.str("PLUS1_RATELIMIT_SEARCH", default="300/m")
PLUS1_RATELIMIT_FEEDBACK = env.str("PLUS1_RATELIMIT_FEEDBACK", default="30/h")
# The payment provider's server-to-server notices (issue 21): a few provider addresses send them all.
PLUS1_RATELIMIT_PAYMENT_NOTICE = env.str("PLUS1_RATELIMIT_PAYMENT_NOTICE", default="1200/m")
# Where the client address is: empty for REMOTE_ADDR, or the header a trusted proxy sets with the
# single client address, such as HTTP_X_REAL_IP.
RATELIMIT_IP_META_KEY = env.str("PLUS1_RATELIMIT_IP_META_KEY", default="") or None

TASKS = {
    "default": {"BACKEND": env.str("PLUS1_TASK_BACKEND", default="django_tasks_db.DatabaseBackend")},
}
# Called by ``plus1 worker`` every minute: each enqueues its task when there is work waiting.
PLUS1_SWEEPS = ["plus1.notifications.tasks.sweep_outbox"]
# Several workers (plus1.core.workers): a task RUNNING under a worker that has not reported for
# this many seconds (killed, node gone) goes back to the queue, and a notification delivery a
# worker took is free again after it. A task lost this many times is marked failed instead.
PLUS1_TASK_LEASE_SECONDS = env.int("PLUS1_TASK_LEASE_SECONDS", default=60)
PLUS1_TASK_MAX_ATTEMPTS = 3
# Whether an abonnement's callbackUrl may point at a loopback, private or other internal address
# (plus1.core.outbound). Off in production: a client could make Plus1 call the inside of its own
# network. The demo and the tests (subscribers on 127.0.0.1) switch it on.
PLUS1_NOTIFICATIONS_ALLOW_PRIVATE_CALLBACKS = env.bool(
    "PLUS1_NOTIFICATIONS_ALLOW_PRIVATE_CALLBACKS", default=False
)
# Tasks that ``plus1 worker`` enqueues every working day at a local time (HH:MM).
PLUS1_SCHEDULE = [
    ("plus1.cases.tasks.send_deadline_reminders", "07:00"),
    ("plus1.audit.tasks.purge_processing_log", "22:00"),
    ("plus1.routing.tasks.purge_search_log", "22:10"),
    ("plus1.feedback.tasks.invite_for_closed_zaken", "06:30"),
    ("plus1.feedback.tasks.remove_answer_links", "22:20"),
    ("plus1.incidents.tasks.remind_incident_tasks", "08:00"),
    ("plus1.incidents.tasks.purge_closed_incidents", "22:30"),
    ("plus1.payments.tasks.expire_unpaid", "05:50"),
    ("plus1.payments.tasks.reconcile_day", "06:00"),
    ("plus1.development.tasks.remind_check_ins", "07:30"),
    ("plus1.development.tasks.open_pulses", "08:30"),
    ("plus1.appointments.tasks.send_appointment_reminders", "17:00"),
]
# Counter appointments (plus1.appointments): the agenda that books them (the built-in one, or a
# class path of another AppointmentBackend), how soon before its start a time can still be booked,
# and the limits against one person or one address filling the agenda.
PLUS1_APPOINTMENT_BACKEND = env.str(
    "PLUS1_APPOINTMENT_BACKEND", default="plus1.appointments.backends.builtin.BuiltinBackend"
)
PLUS1_APPOINTMENT_LEAD_MINUTES = env.int("PLUS1_APPOINTMENT_LEAD_MINUTES", default=60)
PLUS1_APPOINTMENT_MAX_OPEN_PER_PERSON = env.int("PLUS1_APPOINTMENT_MAX_OPEN_PER_PERSON", default=3)
PLUS1_APPOINTMENT_MAX_PER_ADDRESS_PER_DAY = env.int("PLUS1_APPOINTMENT_MAX_PER_ADDRESS_PER_DAY", default=10)
# With PLUS1_APPOINTMENT_BACKEND=plus1.appointments.backends.qmatic.QmaticBackend: the Qmatic Orchestra
# Calendar Public API root (https://<host>/calendar-backend/public/api/v1/) and its gateway token.
PLUS1_QMATIC_API_ROOT = env.str("PLUS1_QMATIC_API_ROOT", default="")
PLUS1_QMATIC_AUTH_TOKEN = env.str("PLUS1_QMATIC_AUTH_TOKEN", default="")
# Days the portal keeps an anonymised search question (plus1.routing), then the worker removes it.
PLUS1_SEARCH_LOG_RETENTION_DAYS = env.int("PLUS1_SEARCH_LOG_RETENTION_DAYS", default=90)

# Online betalen (plus1.payments): the Fernet key(s) that encrypt the payment passphrases in the
# database, comma-separated, the first encrypts (rotation); empty: derived from SECRET_KEY.
FIELD_ENCRYPTION_KEY = env.str("PLUS1_FIELD_ENCRYPTION_KEY", default="")
# The Worldline simulator (demo and tests only): seconds before its "late" server-to-server notice.
WORLDLINE_SIMULATOR_LATE_SECONDS = env.float("PLUS1_WORLDLINE_SIMULATOR_LATE_SECONDS", default=5.0)

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
if env.str("EMAIL_URL", default=""):
    # SMTP in one line, e.g. smtp+tls://user:password@mail.example.nl:587 (sets backend, host, port ...).
    vars().update(env.email_url("EMAIL_URL"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Plus1 <noreply@plus1.example>")

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "admin:login"

# DigiD: the library's mock identity provider (asks for a BSN, no SAML) for the demo and tests;
# production switches it off and configures SAML in the admin (docs/digid.md).
DIGID_MOCK = env.bool("PLUS1_DIGID_MOCK", default=False)
DIGID_MOCK_APP_TITLE = "Plus1 (demo)"
DIGID_MOCK_IDP_VALIDATE_CALLBACK_URLS = True
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "digid_eherkenning.mock.backends.DigiDBackend"
    if DIGID_MOCK
    else "digid_eherkenning.backends.DigiDBackend",
    "plus1.connectors.eherkenning_mock.EherkenningMockBackend"
    if DIGID_MOCK
    else "digid_eherkenning.backends.eHerkenningBackend",
]
# Largest document, in bytes (default 10 MB), the same in every channel: a resident's or an
# employee's upload, and the Documenten API's inline inhoud and bestandsomvang (bestandsdelen).
PLUS1_MAX_UPLOAD_BYTES = env.int("PLUS1_MAX_UPLOAD_BYTES", default=10_000_000)
# Map on the melding form (docs/melding-map.md): a tile URL with {z}/{x}/{y}, e.g. PDOK's BRT
# achtergrondkaart in production. Empty (default): a plain address field, no map, and the
# Content-Security-Policy names no tile host; set, only the melding page allows that host.
PLUS1_MAP_TILE_URL = env.str("PLUS1_MAP_TILE_URL", default="")
PLUS1_MAP_ATTRIBUTION = env.str("PLUS1_MAP_ATTRIBUTION", default="Kaartgegevens © Kadaster")
# Size of each part of a large file sent to the Documenten API in parts (bestandsdelen).
PLUS1_DOCUMENT_PART_SIZE = env.int("PLUS1_DOCUMENT_PART_SIZE", default=4 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Largest ZGW API request body (413 above it; docs/security.md): a document of the largest size
# as base64 in an inline ``inhoud`` (4/3 of it) plus 1 MiB for the other fields. Derived, so the
# two cannot disagree; DATA_UPLOAD_MAX_MEMORY_SIZE stays the limit of the portal's forms.
PLUS1_API_MAX_BODY_BYTES = (PLUS1_MAX_UPLOAD_BYTES + 2) // 3 * 4 + 1024 * 1024
# Which BRP client answers "who lives where"; the simulator serves the official test persons.
# Logboek dataverwerkingen (docs/processing-log.md): the key that hashes a BSN or KvK number in
# the log, its id (stored per record, so keys can rotate) and earlier keys as "id:key,id:key".
PLUS1_LOG_SUBJECT_KEY = env.str("PLUS1_LOG_SUBJECT_KEY", default="")
PLUS1_LOG_SUBJECT_KEY_ID = env.str("PLUS1_LOG_SUBJECT_KEY_ID", default="1")
PLUS1_LOG_SUBJECT_PREVIOUS_KEYS = env.list("PLUS1_LOG_SUBJECT_PREVIOUS_KEYS", default=[])
# Only the benchmarks switch the processing log off (with/without figures); production forces it on.
PLUS1_PROCESSING_LOG = env.bool("PLUS1_PROCESSING_LOG", default=True)
PLUS1_BRP_CLIENT = env.str("PLUS1_BRP_CLIENT", default="plus1.connectors.brp.BrpSimulator")
# Where the relations of zaken with contactmomenten and verzoeken are mirrored (ZGW zrc-024/025):
# the simulator keeps them in memory; KlantinteractiesApi posts them to the APIs at these roots.
PLUS1_KLANTINTERACTIES_CLIENT = env.str(
    "PLUS1_KLANTINTERACTIES_CLIENT", default="plus1.connectors.klantinteracties.KlantinteractiesSimulator"
)
PLUS1_KLANTINTERACTIES_CONTACTMOMENTEN_URL = env.str("PLUS1_KLANTINTERACTIES_CONTACTMOMENTEN_URL", default="")
PLUS1_KLANTINTERACTIES_VERZOEKEN_URL = env.str("PLUS1_KLANTINTERACTIES_VERZOEKEN_URL", default="")
PLUS1_KLANTINTERACTIES_CLIENT_ID = env.str("PLUS1_KLANTINTERACTIES_CLIENT_ID", default="")
PLUS1_KLANTINTERACTIES_SECRET = env.str("PLUS1_KLANTINTERACTIES_SECRET", default="")
# ARO/GIR (incident register, docs/aro-export.md): the endpoint batches are posted to and its
# bearer token. Empty: no ARO link (the demo and the tests answer with the local simulator).
PLUS1_ARO_URL = env.str("PLUS1_ARO_URL", default="")
PLUS1_ARO_TOKEN = env.str("PLUS1_ARO_TOKEN", default="")
# DigiD sessions last at most 15 minutes without activity (DigiD checklist, T14 Sessieduur).
RESIDENT_SESSION_SECONDS = 15 * 60
# Sending a request and opening a document need a log-in at most this old (seconds); else log in again.
PLUS1_REAUTH_SECONDS = env.int("PLUS1_REAUTH_SECONDS", default=15 * 60)
SESSION_SAVE_EVERY_REQUEST = True

# Employee log-in (docs/backoffice-login.md). After this many failed attempts for one user name
# the account is locked for an hour; a successful log-in resets the count.
AXES_FAILURE_LIMIT = env.int("PLUS1_LOGIN_FAILURE_LIMIT", default=5)
# Per user name, not per IP address: a town hall sits behind one address, and five typos
# there must not lock out every colleague. A guessed password alone opens nothing: the
# back office also asks for the TOTP code (hence axes.W006 is silenced).
AXES_LOCKOUT_PARAMETERS = ["username"]
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_COOLOFF_TIME = 1  # hours
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "backoffice/locked_out.html"
OTP_TOTP_ISSUER = "Plus1"
# OpenID Connect sign-in for employees through the gemeente's identity provider (production
# option, off by default); the provider then takes care of the second factor.
PLUS1_OIDC_ENABLED = env.bool("PLUS1_OIDC_ENABLED", default=False)
if PLUS1_OIDC_ENABLED:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("plus1.backoffice.oidc.EmployeeOIDCBackend")
    OIDC_RP_CLIENT_ID = env.str("PLUS1_OIDC_CLIENT_ID")
    OIDC_RP_CLIENT_SECRET = env.str("PLUS1_OIDC_CLIENT_SECRET")
    OIDC_RP_SIGN_ALGO = "RS256"
    OIDC_OP_AUTHORIZATION_ENDPOINT = env.str("PLUS1_OIDC_AUTHORIZATION_ENDPOINT")
    OIDC_OP_TOKEN_ENDPOINT = env.str("PLUS1_OIDC_TOKEN_ENDPOINT")
    OIDC_OP_USER_ENDPOINT = env.str("PLUS1_OIDC_USER_ENDPOINT")
    OIDC_OP_JWKS_ENDPOINT = env.str("PLUS1_OIDC_JWKS_ENDPOINT")
    # Employees are created by a functional admin (with their roles), never by signing in.
    OIDC_CREATE_USER = False
    LOGIN_REDIRECT_URL = "/backoffice/"
    LOGOUT_REDIRECT_URL = "/backoffice/inloggen/"

# Security headers (docs/security.md). A strict Content-Security-Policy: only our own files, no
# inline script or style anywhere; what a form may post to can be widened for a real identity
# provider that receives a POST (SAML POST binding), e.g. https://digid.nl.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF, *env.list("PLUS1_CSP_FORM_ACTION", default=[])],
        "frame-ancestors": [NONE],
    },
}
# Narrow exceptions for pages we do not write ourselves (plus1.core.csp): Django's changelist
# has one fixed <style> block (allowed by its hash, a test recomputes it from Django's template);
# the DigiD mock identity provider (demo and tests only) puts style attributes on icons.
PLUS1_CSP_PATH_UPDATES = {
    "/admin/": {"style-src": ["'sha256-blvLUW3UscWqsXGByNOqdBboM+ShWAuugp2mC/wbafU='"]},
    "/digid/idp/": {"style-src-attr": ["'unsafe-inline'"]},
}
# No page of Plus1 needs these browser features; deny them to every page and frame.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("PLUS1_LOG_LEVEL", default="INFO")},
}
