"""Production settings: no secret defaults, HTTPS only. Passes ``plus1 check --deploy``.

Every secret comes from the environment and has no default here, so a missing one stops the
start instead of running with a value from this repository (docs/security.md).
"""

from django.core.exceptions import ImproperlyConfigured

from plus1.core.simulators import switched_on_simulators

from .base import *  # noqa: F403
from .base import AUTHENTICATION_BACKENDS, DIGID_MOCK, INSTALLED_APPS, _database, env
from .base import CACHES as BASE_CACHES

DEBUG = False
SECRET_KEY = env.str("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
DATABASES = {"default": _database(env.str("DATABASE_URL"))}
# SMTP with its credentials, e.g. smtp+tls://user:password@mail.example.nl:587; no console fallback.
vars().update(env.email_url("EMAIL_URL"))
# Rate limits are counted in the cache, so every app process must share it (Redis).
CACHES = {"default": env.cache_url("PLUS1_CACHE_URL"), "zgw": BASE_CACHES["zgw"]}
# Runs django-ratelimit's system checks, which refuse a cache that processes do not share.
# Without the demo app: ``plus1 demo`` would create accounts with the published demo password,
# TOTP secret and API secret.
INSTALLED_APPS = [*(app for app in INSTALLED_APPS if app != "plus1.demo"), "django_ratelimit"]
# The processing log's subject key is its own secret, never derived from SECRET_KEY here;
# and the log is never switched off.
PLUS1_LOG_SUBJECT_KEY = env.str("PLUS1_LOG_SUBJECT_KEY")
PLUS1_PROCESSING_LOG = True
# The BRP client is always chosen on purpose here: the default simulator answers with test persons.
PLUS1_BRP_CLIENT = env.str("PLUS1_BRP_CLIENT")
# Without a Klantinteracties API nothing is mirrored; the in-memory simulator is refused below.
PLUS1_KLANTINTERACTIES_CLIENT = env.str(
    "PLUS1_KLANTINTERACTIES_CLIENT", default="plus1.connectors.klantinteracties.NoKlantinteracties"
)
# No simulator may serve real residents (the DigiD simulator lets anyone log in as any BSN):
# refuse to start rather than run with one. The deploy check plus1.E001 judges alike.
if _simulators := switched_on_simulators(
    digid_mock=DIGID_MOCK,
    backends=AUTHENTICATION_BACKENDS,
    brp_client=PLUS1_BRP_CLIENT,
    klantinteracties_client=PLUS1_KLANTINTERACTIES_CLIENT,
):
    raise ImproperlyConfigured("Production runs no simulator. " + " ".join(_simulators))

# Behind a TLS proxy: the header it sets on HTTPS requests, as "HEADER_NAME,value" (set it
# empty when Plus1 terminates TLS itself; a proxy must strip the header from client requests).
_proxy_ssl_header = env.list("PLUS1_PROXY_SSL_HEADER", default=["HTTP_X_FORWARDED_PROTO", "https"])
SECURE_PROXY_SSL_HEADER = tuple(_proxy_ssl_header) if _proxy_ssl_header else None
SECURE_SSL_REDIRECT = env.bool("PLUS1_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365  # one year, the minimum for the preload list
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("PLUS1_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

SILENCED_SYSTEM_CHECKS = [
    *SILENCED_SYSTEM_CHECKS,  # noqa: F405
    # django-ratelimit only knows django-redis by name; Django's own RedisCache (which
    # PLUS1_CACHE_URL=redis://... selects) is shared and increments atomically (Redis INCR).
    "django_ratelimit.W001",
]
