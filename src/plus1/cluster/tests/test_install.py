"""`plus1 cluster up` names exactly the Debian packages that are missing."""

import shutil

from plus1.cluster import install


def test_every_program_present_means_nothing_missing(monkeypatch, tmp_path):
    (tmp_path / "postgres").touch()
    monkeypatch.setattr(shutil, "which", lambda program, path=None: f"/usr/bin/{program}")
    monkeypatch.setattr(install, "etcd_module_present", lambda: True)
    monkeypatch.setattr(install, "PG_BIN", tmp_path)
    assert install.missing_packages() == []


def test_missing_programs_are_named_by_their_debian_package(monkeypatch):
    present = {"etcd", "etcdctl"}
    monkeypatch.setattr(
        shutil, "which", lambda program, path=None: f"/usr/bin/{program}" if program in present else None
    )
    monkeypatch.setattr(install, "etcd_module_present", lambda: False)
    monkeypatch.setattr(install, "PG_BIN", install.Path("/nonexistent"))
    assert install.missing_packages() == ["patroni", "python3-etcd", "haproxy", "pgbouncer", "postgresql-15"]
