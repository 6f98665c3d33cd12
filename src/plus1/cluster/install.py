"""Are Debian's packages for the cluster there? Install them with apt-get when we may."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from .layout import PG_BIN

PACKAGES = ("patroni", "python3-etcd", "etcd-server", "etcd-client", "haproxy", "pgbouncer")
APT_TIMEOUT = 900


def missing_packages() -> list[str]:
    """The Debian packages whose programs are missing, in install order."""
    missing = []
    for program, package in (
        ("patroni", "patroni"),
        ("etcd", "etcd-server"),
        ("etcdctl", "etcd-client"),
        ("haproxy", "haproxy"),
        ("pgbouncer", "pgbouncer"),
    ):
        if not shutil.which(program, path=os.environ.get("PATH", "") + ":/usr/sbin:/usr/bin"):
            missing.append(package)
    if not etcd_module_present():
        missing.insert(1 if missing[:1] == ["patroni"] else 0, "python3-etcd")
    if not (PG_BIN / "postgres").exists():
        missing.append("postgresql-15")
    return missing


def etcd_module_present() -> bool:
    """Patroni (Debian's, on the system Python) needs python3-etcd for its etcd3 support too."""
    python = Path("/usr/bin/python3")
    if not python.exists():
        return False
    result = subprocess.run(  # noqa: S603 - fixed command
        [str(python), "-c", "import etcd"], capture_output=True, timeout=30, check=False
    )
    return result.returncode == 0


def can_install() -> bool:
    return os.geteuid() == 0 and shutil.which("apt-get") is not None


def install(packages: list[str], say) -> bool:
    """apt-get install ``packages`` (an update first when the first try fails); True on success."""
    command = ["apt-get", "install", "-y", "--no-install-recommends", *packages]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    say("Ik installeer met apt-get: " + " ".join(packages))
    for attempt in range(2):
        if attempt:
            subprocess.run(["apt-get", "update"], env=env, timeout=APT_TIMEOUT, check=False)  # noqa: S607
        result = subprocess.run(command, env=env, timeout=APT_TIMEOUT, check=False)  # noqa: S603
        if result.returncode == 0:
            return True
    return False
