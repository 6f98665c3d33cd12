"""Read routing end to end on PostgreSQL, with "replica" a second connection to the test database.

The replica's replay position is made to lag by patching the one query that asks for it; the
real streaming replica is proven in the cluster (tests/cluster, header X-Plus1-Read-From).
"""

from __future__ import annotations

import copy

import pytest
from django.contrib.auth.models import Group
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext

from plus1.core import dbrouting
from plus1.core.dbrouting import HEADER, REPLICA

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="WAL positions need PostgreSQL"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True, databases=["default", REPLICA]),
]


def _replica_settings(**changes) -> dict:
    replica = copy.deepcopy(connections[dbrouting.LEADER].settings_dict)
    replica.update(changes)
    # Not a database of its own: the test run neither creates nor empties it.
    replica["TEST"] = {**replica["TEST"], "MIRROR": dbrouting.LEADER}
    return replica


def _use_replica(replica: dict) -> None:
    if REPLICA in connections.settings:
        connections[REPLICA].close()
        del connections[REPLICA]
    connections.settings[REPLICA] = replica


@pytest.fixture(scope="module", autouse=True)
def _replica_alias(django_db_setup):
    """A "replica" alias on the test database itself, known before each test starts."""
    _use_replica(_replica_settings())
    yield
    connections[REPLICA].close()
    del connections[REPLICA]
    del connections.settings[REPLICA]


@pytest.fixture
def replica(settings):
    """The router, and the replica tried afresh, for one test."""
    settings.DATABASE_ROUTERS = ["plus1.core.dbrouting.ReplicaRouter"]
    settings.PLUS1_REPLICA_READ_VIEWS = [*settings.PLUS1_REPLICA_READ_VIEWS, "replica-test-read"]
    dbrouting.reset_breaker()
    yield
    dbrouting.reset_breaker()


def _lagging_at(monkeypatch, position: int) -> None:
    monkeypatch.setattr(dbrouting, "replica_position", lambda: position)


@pytest.mark.urls("tests.database.replica_urls")
def test_a_writer_reads_its_own_write_from_the_leader_and_others_read_the_replica(replica, monkeypatch):
    before_the_write = dbrouting.leader_position()
    writer, other = Client(), Client()

    assert writer.post("/schrijven/", {"name": "Nieuw team"}).status_code == 200
    # The replica has not replayed the write yet.
    _lagging_at(monkeypatch, before_the_write)

    own = writer.get("/lezen/")
    assert own[HEADER] == "leader"
    assert own.json() == {"names": ["Nieuw team"], "db": "default"}

    with CaptureQueriesContext(connections[REPLICA]) as on_replica:
        others = other.get("/lezen/")
    assert others[HEADER] == "replica"
    assert others.json()["db"] == REPLICA
    assert any("auth_group" in query["sql"] for query in on_replica.captured_queries)

    # Once the replica has replayed the write, the writer reads from it too.
    monkeypatch.setattr(dbrouting, "replica_position", lambda: dbrouting.leader_position())
    assert writer.get("/lezen/")[HEADER] == "replica"


@pytest.mark.urls("tests.database.replica_urls")
def test_a_page_not_listed_as_lag_tolerant_reads_from_the_leader(replica, settings):
    settings.PLUS1_REPLICA_READ_VIEWS = []
    assert Client().get("/lezen/")[HEADER] == "leader"


@pytest.mark.urls("tests.database.replica_urls")
def test_an_instance_read_from_the_replica_can_be_saved(replica):
    Group.objects.create(name="Oud")
    with dbrouting.request_reads(dbrouting.RequestReads(tolerant=True)):
        group = Group.objects.get(name="Oud")
        assert group._state.db == REPLICA
        group.name = "Nieuw"
        group.save()
    assert Group.objects.get().name == "Nieuw"


@pytest.mark.urls("tests.database.replica_urls")
def test_an_unreachable_replica_means_reads_from_the_leader_without_an_error(replica):
    reachable = connections.settings[REPLICA]
    # Nothing listens on port 9 of the loopback: connection refused.
    _use_replica(_replica_settings(HOST="127.0.0.1", PORT="9", OPTIONS={"connect_timeout": 1}))
    try:
        Group.objects.create(name="Team")
        for _ in range(2):
            response = Client().get("/lezen/")
            assert response.status_code == 200
            assert response[HEADER] == "leader"
            assert response.json()["names"] == ["Team"]
    finally:
        _use_replica(reachable)


def test_an_api_client_reads_its_own_create_and_another_client_the_replica(
    replica, monkeypatch, live_server, gemeente_a
):
    from plus1.api.common.testing import ZgwClient, make_client
    from plus1.api.zaken.tests.conftest import create_zaak
    from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype

    zaaktype = handling_zaaktype()
    adopt_with_team(gemeente=gemeente_a, zaaktype=zaaktype)
    creator = ZgwClient(live_server.url, *make_client(gemeente_a))
    reader = ZgwClient(live_server.url, *make_client(gemeente_a))
    before_the_create = dbrouting.leader_position()
    # As with a shared cache (Redis) between the app nodes.
    monkeypatch.setattr(dbrouting, "client_positions_shared", lambda: True)
    try:
        zaak = create_zaak(creator, zaaktype)
        _lagging_at(monkeypatch, before_the_create)

        own = creator.get(f"/zaken/api/v1/zaken/{zaak['uuid']}")
        assert own.status_code == 200
        assert own.headers[HEADER] == "leader"
        listed = creator.get("/zaken/api/v1/zaken")
        assert listed.headers[HEADER] == "leader"
        assert [item["uuid"] for item in listed.json()["results"]] == [zaak["uuid"]]

        assert reader.get("/zaken/api/v1/zaken").headers[HEADER] == "replica"
    finally:
        creator.close()
        reader.close()


def test_without_a_shared_cache_an_api_read_waits_for_all_the_leader_has(replica, monkeypatch, gemeente_a):
    """With the positions in one process's memory, another node's write is unknown here: a
    client then reads from the replica only when it has replayed everything the leader has."""
    from plus1.api.common.testing import make_client, make_token

    def headers() -> dict[str, str]:
        # A client of its own per request: a kept answer (the API's read cache) reads nothing.
        return {"Authorization": f"Bearer {make_token(*make_client(gemeente_a))}", "Accept-Crs": "EPSG:4326"}

    position = dbrouting.leader_position()
    Group.objects.create(name="Geschreven op de andere node")
    _lagging_at(monkeypatch, position)
    assert Client().get("/zaken/api/v1/zaken", headers=headers())[HEADER] == "leader"

    monkeypatch.setattr(dbrouting, "replica_position", lambda: dbrouting.leader_position())
    response = Client().get("/zaken/api/v1/zaken", headers=headers())
    assert response.status_code == 200, response.content
    assert response[HEADER] == "replica"
