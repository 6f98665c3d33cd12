"""Settings for the demo and local development: debug on, everything on this machine."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
# The demo gemeenten also have their own portal host (utrecht.localhost, see plus1.demo).
ALLOWED_HOSTS = [*ALLOWED_HOSTS, ".localhost"]  # noqa: F405

# The mock DigiD identity provider: log in with any BSN, no SAML set-up needed.
DIGID_MOCK = True
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "digid_eherkenning.mock.backends.DigiDBackend",
    "plus1.connectors.eherkenning_mock.EherkenningMockBackend",
]
