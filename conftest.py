"""Fixtures shared by every app's tests. Every fixture set has two gemeenten (A and B)."""

import importlib

import pytest

from plus1.audit.services import Actor
from plus1.tenants.models import Organisation
from plus1.tenants.selectors import get_collective, get_gemeente

# No BSN in the logs of the whole run (tests/log_hygiene.py); pytester proves that check works.
# Transactional tests get the reference data back in batched INSERTs (tests/serialized_rollback.py).
pytest_plugins = ["tests.log_hygiene", "tests.serialized_rollback", "pytester"]


@pytest.fixture
def collective(db) -> Organisation:
    return get_collective()


@pytest.fixture
def gemeente_a(db) -> Organisation:
    gemeente = get_gemeente(cbs_code="GM0344")  # Utrecht
    gemeente.rsin = "100000009"
    gemeente.save()
    return gemeente


@pytest.fixture
def gemeente_b(db) -> Organisation:
    gemeente = get_gemeente(cbs_code="GM0014")  # Groningen
    gemeente.rsin = "100000010"
    gemeente.save()
    return gemeente


@pytest.fixture
def actor() -> Actor:
    return Actor.system("test")


@pytest.fixture
def admin_client(db, admin_user):
    """pytest-django's ``admin_client`` (a client of its own), signed in with the second factor
    the admin asks for."""
    from django.test import Client

    from plus1.core.testing import log_in_to_admin

    return log_in_to_admin(Client(), admin_user)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Every test starts with empty rate-limit counters and no kept ZGW answers.

    Both live in local memory; a rolled-back test can leave a change stamp that the next
    test's data reaches again, so kept answers would outlive their data.
    """
    from django.core.cache import cache, caches

    cache.clear()
    caches["zgw"].clear()
    yield


@pytest.fixture(autouse=True)
def _processing_log_can_be_flushed(request):
    """After a transactional test on SQLite, empty the append-only processing log first.

    Django ends such a test with a flush (DELETE FROM every table), which the append-only
    trigger refuses on SQLite; PostgreSQL flushes with TRUNCATE, which row triggers ignore.
    """
    yield
    marker = request.node.get_closest_marker("django_db")
    transactional = (marker is not None and marker.kwargs.get("transaction")) or any(
        name in request.fixturenames for name in ("transactional_db", "live_server")
    )
    if not transactional:
        return
    from django.db import connection

    if connection.vendor != "sqlite":
        return
    triggers = importlib.import_module("plus1.audit.migrations.0003_processing_record_append_only")
    with connection.cursor() as cursor:
        for statement in triggers.SQLITE_REVERSE:
            cursor.execute(statement)
        cursor.execute("DELETE FROM audit_processingrecord")
        for statement in triggers.SQLITE_FORWARD:
            cursor.execute(statement)


@pytest.fixture(autouse=True)
def _language_back_to_dutch():
    """Each test starts in Dutch: a request with another language (the language switch)
    activates it for the whole thread, and Django's LocaleMiddleware leaves it active."""
    yield
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
