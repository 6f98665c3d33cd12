"""Settings for the demo and local development: everything on this machine.

The demo looks like production (DEBUG off: the project's own 404 and 500 pages, no settings or
tracebacks in the browser). A developer switches debug on explicitly with DEBUG=true.
"""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=False)
# The demo gemeenten also have their own portal host (utrecht.localhost, see plus1.demo).
ALLOWED_HOSTS = [*ALLOWED_HOSTS, ".localhost"]  # noqa: F405

# The mock DigiD identity provider: log in with any BSN, no SAML set-up needed.
DIGID_MOCK = True
# Subscribers of the demo and the tests listen on 127.0.0.1 (production refuses internal callbacks).
PLUS1_NOTIFICATIONS_ALLOW_PRIVATE_CALLBACKS = env.bool(
    "PLUS1_NOTIFICATIONS_ALLOW_PRIVATE_CALLBACKS", default=True
)
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "digid_eherkenning.mock.backends.DigiDBackend",
    "plus1.connectors.eherkenning_mock.EherkenningMockBackend",
]
