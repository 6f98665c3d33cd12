"""Input the schema accepts but the database could choke on still gets a clean answer."""

import pytest
from django.test import Client

from plus1.api.common.testing import make_client, make_token

pytestmark = pytest.mark.django_db


def test_a_date_filter_with_an_extreme_utc_offset_is_searched_in_utc(gemeente_a):
    client_id, secret = make_client(gemeente_a)
    response = Client().get(
        "/documenten/api/v1/gebruiksrechten",
        {"startdatum__gte": "5863-02-06T20:28:54+23:51"},
        HTTP_AUTHORIZATION=f"Bearer {make_token(client_id, secret)}",
    )
    # ISO 8601 allows a +23:51 offset, PostgreSQL does not: converted to UTC, not a 500.
    assert response.status_code == 200, response.content
    assert response.json() == []
