"""A server process is ready to answer when it starts, not after its first request."""

from __future__ import annotations

import os
import subprocess
import sys


def test_loading_the_wsgi_application_imports_every_api_and_its_schemas():
    # Django imports the URLconf at the first request; with the six APIs and their schemas
    # that took seconds, paid by the first caller of every gunicorn worker. ``plus1 serve``
    # preloads the application in the master, so this must happen at load.
    probe = (
        "import sys, plus1.wsgi; "
        "print(all(name in sys.modules for name in "
        "('plus1.urls', 'plus1.api.zaken.api', 'plus1.api.catalogi.api', 'plus1.portal.urls')))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "plus1.conf.test"}
    result = subprocess.run(  # noqa: S603 - our own interpreter and a fixed probe
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "True", result.stderr[-2000:]
