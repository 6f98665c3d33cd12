"""Fixtures shared by every app's tests. Every fixture set has two gemeenten (A and B)."""

import pytest

from plus1.audit.services import Actor
from plus1.tenants.models import Organisation
from plus1.tenants.selectors import get_collective, get_gemeente

# No BSN in the logs of the whole run (tests/log_hygiene.py); pytester proves that check works.
pytest_plugins = ["tests.log_hygiene", "pytester"]


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


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Every test starts with empty rate-limit counters (they live in the local-memory cache)."""
    from django.core.cache import cache

    cache.clear()
    yield
