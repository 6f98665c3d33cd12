"""What a client writes, it can read back within the documented schema: too long a list item is a 400.

Before, these items had no length check on input while the standard documents one in its answers:
the value was stored and every later read of the object broke the document for strict clients
(on PostgreSQL a client id over 255 characters was even a 500). The full check over all six APIs
is ``tests/architecture/test_write_lengths_match_answers.py``; these are what a client notices.
"""

from __future__ import annotations

import json

import pytest
from django.test import Client

from plus1.api.common.testing import make_client, make_token

pytestmark = pytest.mark.django_db


def _refused(gemeente, method: str, path: str, body: dict) -> set[str]:
    client_id, secret = make_client(gemeente)
    response = getattr(Client(), method)(
        path,
        json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {make_token(client_id, secret)}",
    )
    assert response.status_code == 400, response.content
    return {param["name"] for param in response.json()["invalidParams"]}


def test_a_client_id_or_scope_longer_than_documented_is_refused(gemeente_a):
    body = {
        "clientIds": ["c" * 51],
        "label": "Te lang",
        "autorisaties": [{"component": "ac", "scopes": ["s" * 101]}],
    }
    names = _refused(gemeente_a, "post", "/autorisaties/api/v1/applicaties", body)
    assert {"clientIds.0", "autorisaties.0.scopes.0"} <= names


def test_a_kanaal_filter_longer_than_documented_is_refused(gemeente_a):
    body = {"naam": "meldingen", "filters": ["f" * 101]}
    assert "filters.0" in _refused(gemeente_a, "post", "/notificaties/api/v1/kanaal", body)


def test_catalogi_list_items_longer_than_documented_are_refused(gemeente_a):
    zaaktype = {"verantwoordingsrelatie": ["v" * 41], "productenOfDiensten": ["https://p.nl/" + "p" * 1000]}
    names = _refused(gemeente_a, "post", "/catalogi/api/v1/zaaktypen", zaaktype)
    assert {"verantwoordingsrelatie.0", "productenOfDiensten.0"} <= names
    eigenschap = {
        "specificatie": {
            "formaat": "tekst",
            "lengte": "5",
            "kardinaliteit": "1",
            "waardenverzameling": ["w" * 101],
        }
    }
    assert "specificatie.waardenverzameling.0" in _refused(
        gemeente_a, "post", "/catalogi/api/v1/eigenschappen", eigenschap
    )


def test_zaken_values_outside_the_documented_answer_are_refused(gemeente_a):
    zaak = {"productenOfDiensten": ["https://p.nl/" + "p" * 1000]}
    assert "productenOfDiensten.0" in _refused(gemeente_a, "post", "/zaken/api/v1/zaken", zaak)
    # The standard's answers say objectTypeOverige matches [a-z_]+ (or is empty: not "overige").
    zaakobject = {"objectType": "overige", "objectTypeOverige": "123"}
    assert "objectTypeOverige" in _refused(gemeente_a, "post", "/zaken/api/v1/zaakobjecten", zaakobject)
    link = {"status": "https://s.nl/" + "s" * 1000}
    assert "status" in _refused(gemeente_a, "post", "/zaken/api/v1/zaakinformatieobjecten", link)
