"""The replica router's rules, without a replica: where each read and write goes, and when."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.db import OperationalError, connections

from plus1.core import dbrouting
from plus1.core.dbrouting import LEADER, REPLICA, ReplicaRouter, RequestReads

router = ReplicaRouter()


@pytest.fixture(autouse=True)
def _closed_breaker():
    dbrouting.reset_breaker()
    yield
    dbrouting.reset_breaker()


def reading(reads: RequestReads, model=Group) -> str:
    with dbrouting.request_reads(reads):
        return router.db_for_read(model)


def test_outside_a_request_every_read_goes_to_the_leader():
    assert router.db_for_read(Group) == LEADER


def test_every_write_goes_to_the_leader():
    with dbrouting.request_reads(RequestReads(tolerant=True, replica_ok=True)):
        assert router.db_for_write(Group) == LEADER


def test_a_lag_tolerant_request_reads_from_a_replica_that_caught_up(monkeypatch):
    monkeypatch.setattr(dbrouting, "replica_position", lambda: 2000)
    reads = RequestReads(tolerant=True, required=1000)
    assert reading(reads) == REPLICA
    assert reads.served_by_replica


def test_a_replica_behind_the_visitors_last_write_is_not_read(monkeypatch):
    monkeypatch.setattr(dbrouting, "replica_position", lambda: 999)
    reads = RequestReads(tolerant=True, required=1000)
    assert reading(reads) == LEADER
    assert not reads.served_by_replica


def test_the_replica_is_asked_once_per_request(monkeypatch):
    asked = []
    monkeypatch.setattr(dbrouting, "replica_position", lambda: asked.append(1) or 5)
    reads = RequestReads(tolerant=True)
    assert [reading(reads) for _ in range(3)] == [REPLICA] * 3
    assert len(asked) == 1


def test_a_server_that_is_not_replaying_is_current(monkeypatch):
    # pg_last_wal_replay_lsn() is NULL on a leader (a read port that fell back to it).
    monkeypatch.setattr(dbrouting, "replica_position", lambda: None)
    assert reading(RequestReads(tolerant=True, required=10**12)) == REPLICA


def test_a_request_not_marked_lag_tolerant_reads_from_the_leader(monkeypatch):
    monkeypatch.setattr(dbrouting, "replica_position", lambda: 5)
    assert reading(RequestReads(tolerant=False)) == LEADER


def test_after_a_write_the_request_reads_from_the_leader(monkeypatch):
    monkeypatch.setattr(dbrouting, "replica_position", lambda: 5)
    reads = RequestReads(tolerant=True)
    reads.watch(lambda *args: None, "UPDATE cases_zaak SET x = 1", None, False, {})
    assert reads.wrote
    assert reading(reads) == LEADER


def test_a_read_inside_a_transaction_on_the_leader_stays_there(monkeypatch):
    monkeypatch.setattr(dbrouting, "replica_position", lambda: 5)
    monkeypatch.setattr(connections[LEADER], "in_atomic_block", True)
    assert reading(RequestReads(tolerant=True)) == LEADER


def test_the_session_is_always_read_from_the_leader(monkeypatch):
    # It holds the visitor's write position: a stale copy would hide their own write.
    monkeypatch.setattr(dbrouting, "replica_position", lambda: 5)
    assert reading(RequestReads(tolerant=True), Session) == LEADER


def test_an_unreachable_replica_is_skipped_for_a_while(monkeypatch):
    calls = []

    def refused():
        calls.append(1)
        raise OperationalError("connection refused")

    monkeypatch.setattr(dbrouting, "replica_position", refused)
    assert reading(RequestReads(tolerant=True)) == LEADER
    assert reading(RequestReads(tolerant=True)) == LEADER
    assert len(calls) == 1, "the second request must not wait for the replica again"
    dbrouting.reset_breaker()
    monkeypatch.setattr(dbrouting, "replica_position", lambda: 5)
    assert reading(RequestReads(tolerant=True)) == REPLICA


@pytest.mark.parametrize(
    ("sql", "writes"),
    [
        ('SELECT "auth_group"."id" FROM "auth_group"', False),
        ("  (SELECT 1) UNION (SELECT 2)", False),
        ('SAVEPOINT "s1"', False),
        ('INSERT INTO "auth_group" ("name") VALUES (%s)', True),
        ('UPDATE "cases_zaak" SET "version" = 2', True),
        ('DELETE FROM "auth_group"', True),
        ("WITH n AS (UPDATE t SET x = x + 1 RETURNING x) SELECT x FROM n", True),
    ],
)
def test_a_statement_that_may_change_data_counts_as_a_write(sql, writes):
    reads = RequestReads()
    reads.watch(lambda *args: "done", sql, None, False, {})
    assert reads.wrote is writes


def test_wal_positions_compare_as_numbers():
    assert dbrouting.parse_lsn("0/16B3748") < dbrouting.parse_lsn("0/16B3750") < dbrouting.parse_lsn("1/0")
    assert dbrouting.parse_lsn("16/B374D848") == (0x16 << 32) + 0xB374D848


def test_instances_of_leader_and_replica_relate_and_only_the_leader_is_migrated():
    on_replica, on_leader = Group(name="a"), Group(name="b")
    on_replica._state.db, on_leader._state.db = REPLICA, LEADER
    assert router.allow_relation(on_replica, on_leader) is True
    assert router.allow_migrate(REPLICA, "cases") is False
    assert router.allow_migrate(LEADER, "cases") is None


@pytest.mark.parametrize(
    ("view_name", "tolerant"),
    [
        ("portal:product-detail", True),
        ("zgw-zaken:zaak_list", True),
        ("zgw-zaken:zaak_retrieve", True),
        ("backoffice:dashboard", True),
        ("portal:my-zaken", False),
        ("backoffice:inbox", False),
        ("zgw-zaken:zaak_create", False),
    ],
)
def test_which_views_may_read_slightly_behind(view_name, tolerant):
    assert dbrouting.lag_tolerant(view_name) is tolerant


def test_without_a_replica_nothing_is_routed(settings):
    # The settings add the router only with PLUS1_DATABASE_REPLICA_URL; the tests run without.
    assert not dbrouting.replica_configured()
    assert "plus1.core.dbrouting.ReplicaRouter" not in settings.DATABASE_ROUTERS
