import subprocess
import sys


def test_production_settings_pass_the_django_deploy_checks(tmp_path):
    env = {
        "DJANGO_SETTINGS_MODULE": "plus1.conf.production",
        "SECRET_KEY": "x" * 60 + "production-like-secret-for-the-check",
        "ALLOWED_HOSTS": "plus1.example.nl",
        "PLUS1_LOG_SUBJECT_KEY": "k" * 64,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "-m", "plus1", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


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


def test_production_refuses_to_start_without_a_processing_log_key(tmp_path):
    env = {
        "DJANGO_SETTINGS_MODULE": "plus1.conf.production",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "x",
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "-m", "plus1", "check"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode != 0
    assert "PLUS1_LOG_SUBJECT_KEY" in result.stderr
