"""Render deploy/cluster/ into DIR/conf/ with this cluster's ports and directories.

The files in deploy/cluster/ are the documented production layout; ``${name}`` marks what
differs per installation. string.Template leaves everything else (HAProxy's and YAML's own
syntax) alone.
"""

from __future__ import annotations

import os
import shutil
from string import Template

from .layout import DEPLOY_DIR, OS_USER, PG_BIN, Layout

TEMPLATES = (
    "etcd.yml",
    "patroni-pg1.yml",
    "patroni-pg2.yml",
    "haproxy.cfg",
    "pgbouncer.ini",
    "userlist.txt",
    "post_bootstrap.sh",
)
# Failover timing (seconds), see patroni-pg1.yml: loop_wait + 2 * retry_timeout <= ttl.
TIMING = {"ttl": 10, "loop_wait": 2, "retry_timeout": 4}


def values(layout: Layout, *, strict: bool = False, archive: bool = False) -> dict[str, str]:
    """The ``${name}`` values of the templates."""
    archive_dir = layout.dir / "archive"
    result: dict[str, str] = {name: str(port) for name, port in layout.ports.items()}
    result.update({name: str(value) for name, value in TIMING.items()})
    result.update(
        {
            "dir": str(layout.dir),
            "pg_bin": str(PG_BIN),
            "sync_strict": "true" if strict else "false",
            # Locally WAL is archived only on request (it grows with every write); the
            # production command in docs/operations.md ships it to backup storage.
            "archive_command": (
                f"test ! -f {archive_dir}/%f && cp %p {archive_dir}/%f" if archive else "/bin/true"
            ),
            "app_servers": "\n".join(
                f"    server {name} 127.0.0.1:{layout.ports['http'] + number} check"
                for number, name in enumerate(layout.app_names(), start=1)
            ),
        }
    )
    return result


def render_text(text: str, mapping: dict[str, str]) -> str:
    return Template(text).safe_substitute(mapping)


def render(layout: Layout, *, strict: bool = False, archive: bool = False) -> list:
    """Write every rendered file to DIR/conf (readable by the postgres user); the paths."""
    mapping = values(layout, strict=strict, archive=archive)
    layout.conf.mkdir(parents=True, exist_ok=True)
    written = []
    for name in TEMPLATES:
        target = layout.conf / name
        target.write_text(render_text((DEPLOY_DIR / name).read_text(), mapping))
        target.chmod(0o755 if name.endswith(".sh") else 0o644)
        written.append(target)
    if archive:
        (layout.dir / "archive").mkdir(exist_ok=True)
        chown(layout.dir / "archive")
    return written


def chown(path: os.PathLike) -> None:
    """Give ``path`` to the postgres user when we are root (PostgreSQL refuses to run as root)."""
    if os.geteuid() == 0:
        shutil.chown(path, OS_USER, OS_USER)
