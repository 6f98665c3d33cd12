"""``plus1 serve`` builds the router's index in the master before it forks its workers, so the
first question a worker gets does not pay for the index (0.3-0.6 s)."""

import gc

import pytest

from plus1.catalog.routing import index as routing_index_module
from plus1.catalog.routing.index import clear_index, routing_index
from plus1.core.management.commands.serve import freeze_before_fork

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_index_yet(monkeypatch):
    monkeypatch.setattr(gc, "freeze", lambda: None)  # the test process is no gunicorn master
    clear_index()
    yield
    clear_index()


def test_the_pre_fork_hook_builds_the_routing_index():
    assert routing_index.cache_info().currsize == 0

    freeze_before_fork(arbiter=None, worker=None)

    assert routing_index.cache_info().currsize == 1
    assert len(routing_index().entries) > 500  # all UPL gemeente products


def test_the_pre_fork_hook_is_cheap_the_second_time():
    freeze_before_fork(arbiter=None, worker=None)
    freeze_before_fork(arbiter=None, worker=None)

    assert routing_index.cache_info().misses == 1


def test_an_unreadable_catalog_does_not_stop_the_server_from_starting(monkeypatch, caplog):
    from django.db import OperationalError

    def no_tables():
        raise OperationalError("no such table: catalog_product")

    no_tables.cache_clear = lambda: None  # the fixture clears the index after the test

    monkeypatch.setattr(routing_index_module, "routing_index", no_tables)

    freeze_before_fork(arbiter=None, worker=None)

    assert "not built before fork" in caplog.text
