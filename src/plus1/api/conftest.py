"""Fixtures for the ZGW API tests: live server, and applications of gemeente A and B."""

from __future__ import annotations

import pytest

from .common.testing import ZgwClient, make_client


@pytest.fixture
def zgw_client(live_server):
    """``zgw_client(gemeente, **autorisaties)`` -> an HTTP client of a new application of that gemeente."""
    clients: list[ZgwClient] = []

    def make(gemeente, **kwargs) -> ZgwClient:
        client_id, secret = make_client(gemeente, **kwargs)
        client = ZgwClient(live_server.url, client_id, secret)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()
