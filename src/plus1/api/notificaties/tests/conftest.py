"""A real subscriber (HTTP server on 127.0.0.1) for the notification tests."""

import pytest

from plus1.notifications.testing import running_subscriber


@pytest.fixture
def subscriber():
    with running_subscriber() as state:
        yield state
