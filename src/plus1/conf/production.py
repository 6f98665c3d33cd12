"""Production settings: no secret defaults, HTTPS only. Passes ``plus1 check --deploy``."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = env.str("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
# The processing log's subject key is its own secret, never derived from SECRET_KEY here;
# and the log is never switched off.
PLUS1_LOG_SUBJECT_KEY = env.str("PLUS1_LOG_SUBJECT_KEY")
PLUS1_PROCESSING_LOG = True

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("PLUS1_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
