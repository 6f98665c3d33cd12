"""Settings for the test suite. The database comes from DATABASE_URL (SQLite when unset)."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# The mock DigiD identity provider: log in with any BSN, no SAML set-up needed.
DIGID_MOCK = True
# Subscribers of the demo and the tests listen on 127.0.0.1 (production refuses internal callbacks).
PLUS1_NOTIFICATIONS_ALLOW_PRIVATE_CALLBACKS = True
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "digid_eherkenning.mock.backends.DigiDBackend",
    "plus1.connectors.eherkenning_mock.EherkenningMockBackend",
]

# Uploaded documents of the tests go to a throw-away folder, never into the project.
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="plus1-test-private-")
SENDFILE_ROOT = PRIVATE_MEDIA_ROOT
