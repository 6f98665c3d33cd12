import pytest

from .factories import draft_for, paid_process, worldline_settings


@pytest.fixture
def adoption(collective, gemeente_a):
    return paid_process(gemeente_a)


@pytest.fixture
def account(gemeente_a):
    return worldline_settings(gemeente_a)


@pytest.fixture
def draft(adoption, account):
    return draft_for(adoption)
