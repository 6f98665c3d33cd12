import sqlite3
import subprocess
import sys


def test_plus1_migrate_builds_a_sqlite_file_in_wal_mode_with_all_gemeenten(tmp_path):
    database = tmp_path / "plus1.sqlite3"
    env = {"DATABASE_URL": f"sqlite:///{database}", "PATH": "/usr/bin:/bin", "PLUS1_DATA_DIR": str(tmp_path)}

    result = subprocess.run(
        [sys.executable, "-m", "plus1", "migrate"], capture_output=True, text=True, env=env, check=False
    )

    assert result.returncode == 0, result.stderr
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        count = connection.execute(
            "SELECT count(*) FROM tenants_organisation WHERE kind='gemeente'"
        ).fetchone()
    assert count == (342,)
