"""Every environment variable the settings read is documented in .env.example, and no more."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READ = re.compile(r'env(?:\.[a-z_]+)?\(\s*"([A-Z][A-Z0-9_]*)"')
# Read by Django or the plus1 command itself rather than by our settings files.
READ_ELSEWHERE = {"DJANGO_SETTINGS_MODULE"}


def _read_by_settings() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "src" / "plus1" / "conf").glob("*.py"):
        names |= set(READ.findall(path.read_text(encoding="utf-8")))
    return names


def _documented() -> set[str]:
    lines = (ROOT / ".env.example").read_text(encoding="utf-8").splitlines()
    return {line.split("=", 1)[0] for line in lines if line and not line.startswith("#")}


def test_every_setting_read_from_the_environment_is_in_env_example():
    assert _read_by_settings() - _documented() == set()


def test_env_example_documents_nothing_that_is_not_read():
    assert _documented() - _read_by_settings() - READ_ELSEWHERE == set()


def test_every_variable_in_env_example_has_a_comment_above_it():
    lines = (ROOT / ".env.example").read_text(encoding="utf-8").splitlines()
    for index, line in enumerate(lines):
        if line and not line.startswith("#"):
            assert lines[index - 1].startswith("#"), f"{line.split('=')[0]} needs a comment line"
