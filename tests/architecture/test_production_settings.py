import subprocess
import sys

import pytest


def _production_env(tmp_path) -> dict[str, str]:
    return {
        "DJANGO_SETTINGS_MODULE": "plus1.conf.production",
        "SECRET_KEY": "x" * 60 + "production-like-secret-for-the-check",
        "ALLOWED_HOSTS": "plus1.example.nl",
        "PLUS1_LOG_SUBJECT_KEY": "k" * 64,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        "EMAIL_URL": "smtp+tls://plus1:mail-secret@mail.example.nl:587",
        "PLUS1_CACHE_URL": "redis://127.0.0.1:6379/0",
        "PLUS1_BRP_CLIENT": "plus1.connectors.brp.NoBrp",
        "PATH": "/usr/bin:/bin",
    }


def test_production_settings_pass_the_django_deploy_checks(tmp_path):
    env = _production_env(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "plus1", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # Before migrate nothing tells whether DigiD is configured: said, but not failed.
    assert "plus1.I001" in result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = {"DJANGO_SETTINGS_MODULE": "plus1.conf.production", "ALLOWED_HOSTS": "x", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-m", "plus1", "check"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.parametrize(
    "name", ["DATABASE_URL", "EMAIL_URL", "PLUS1_CACHE_URL", "PLUS1_LOG_SUBJECT_KEY", "PLUS1_BRP_CLIENT"]
)
def test_production_has_no_default_for_a_secret_or_a_shared_service(tmp_path, name):
    env = _production_env(tmp_path)
    del env[name]
    result = subprocess.run(
        [sys.executable, "-m", "plus1", "check"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode != 0
    assert name in result.stderr


def test_production_refuses_a_cache_that_processes_do_not_share(tmp_path):
    env = _production_env(tmp_path) | {"PLUS1_CACHE_URL": "locmemcache://"}
    result = subprocess.run(
        [sys.executable, "-m", "plus1", "check", "--deploy"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode != 0
    assert "django_ratelimit.E003" in result.stdout + result.stderr


def _print_proxy_settings(env) -> list[str]:
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.SECURE_PROXY_SSL_HEADER, settings.SECURE_HSTS_SECONDS)",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout.split()


def test_production_headers_follow_the_proxy_setting(tmp_path):
    env = _production_env(tmp_path)

    assert _print_proxy_settings(env) == ["('HTTP_X_FORWARDED_PROTO',", "'https')", "31536000"]
    assert _print_proxy_settings(env | {"PLUS1_PROXY_SSL_HEADER": ""}) == ["None", "31536000"]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("PLUS1_DIGID_MOCK", "true"),
        ("PLUS1_BRP_CLIENT", "plus1.connectors.brp.BrpSimulator"),
        ("PLUS1_KLANTINTERACTIES_CLIENT", "plus1.connectors.klantinteracties.KlantinteractiesSimulator"),
    ],
)
def test_production_refuses_to_start_with_a_simulator(tmp_path, name, value):
    # The DigiD simulator lets anyone log in as any BSN; the BRP simulator answers with test persons.
    env = _production_env(tmp_path) | {name: value}
    result = subprocess.run(
        [sys.executable, "-m", "plus1", "check", "--deploy"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured: Production runs no simulator" in result.stderr
    assert name in result.stderr


def test_production_has_no_demo_command(tmp_path):
    # The demo data logs in with a published password, TOTP secret and API secret.
    result = subprocess.run(
        [sys.executable, "-m", "plus1", "demo"],
        capture_output=True,
        text=True,
        env=_production_env(tmp_path),
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode != 0
    assert "Unknown command: 'demo'" in result.stderr
