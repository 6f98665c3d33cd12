"""The demo looks like production: no Django debug pages unless a developer asks for them."""

import os
import subprocess
import sys

import pytest


def _dev_debug(**env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)",
        ],
        capture_output=True,
        text=True,
        env=clean | {"DJANGO_SETTINGS_MODULE": "plus1.conf.dev"} | env,
        check=True,
    ).stdout.strip()


def test_the_demo_runs_without_debug_so_unknown_pages_get_our_own_404():
    assert _dev_debug() == "False"


@pytest.mark.parametrize(("value", "expected"), [("true", "True"), ("false", "False")])
def test_a_developer_switches_debug_on_explicitly(value, expected):
    assert _dev_debug(DEBUG=value) == expected
