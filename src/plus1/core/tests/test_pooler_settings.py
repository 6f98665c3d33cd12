"""Behind pgbouncer in transaction mode no statement may rely on the server connection it ran on."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

SHOW = (
    "import json, django; django.setup(); from django.conf import settings; "
    "print(json.dumps({alias: {'cursors': db.get('DISABLE_SERVER_SIDE_CURSORS', False), "
    "'options': db.get('OPTIONS', {}), 'test': db.get('TEST', {})} "
    "for alias, db in settings.DATABASES.items()} "
    "| {'routers': settings.DATABASE_ROUTERS}))"
)
LEADER = "postgres://plus1@127.0.0.1:15432/plus1"
REPLICA = "postgres://plus1@127.0.0.1:15432/plus1_replica"


def settings_with(**env: str) -> dict:
    result = subprocess.run(  # noqa: S603 - this interpreter and a fixed script
        [sys.executable, "-c", SHOW],
        capture_output=True,
        text=True,
        env={"DJANGO_SETTINGS_MODULE": "plus1.conf.base", "PATH": "/usr/bin:/bin", **env},
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    "env",
    [
        {"PLUS1_DB_POOLER_TRANSACTION_MODE": "true"},
        # The cluster's switch: binding off is only ever done for a pooler.
        {"PLUS1_DB_SERVER_SIDE_BINDING": "false"},
    ],
)
def test_pooler_mode_prepares_nothing_and_keeps_no_cursor_open(env):
    found = settings_with(DATABASE_URL=LEADER, PLUS1_DATABASE_REPLICA_URL=REPLICA, **env)
    for alias in ("default", "replica"):
        assert found[alias]["cursors"] is True, alias
        assert "prepare_threshold" not in found[alias]["options"], alias
        assert "server_side_binding" not in found[alias]["options"], alias


def test_direct_to_postgresql_statements_are_prepared_and_cursors_kept():
    found = settings_with(DATABASE_URL=LEADER)
    assert found["default"]["cursors"] is False
    assert found["default"]["options"]["server_side_binding"] is True
    assert found["default"]["options"]["prepare_threshold"] == 5


def test_a_replica_url_adds_the_replica_its_router_and_a_short_connect_timeout():
    found = settings_with(DATABASE_URL=LEADER, PLUS1_DATABASE_REPLICA_URL=REPLICA)
    assert found["routers"] == ["plus1.core.dbrouting.ReplicaRouter"]
    assert found["replica"]["options"]["connect_timeout"] == 1
    assert found["replica"]["test"]["MIRROR"] == "default"


def test_without_a_replica_url_there_is_no_replica_and_no_router():
    found = settings_with(DATABASE_URL=LEADER)
    assert "replica" not in found
    assert found["routers"] == []
