"""Kept answers (api.common.readcache): a repeated read is cheap, and never outlives a change."""

from __future__ import annotations

import pytest
from django.test import Client

from plus1.api.common.testing import make_client, make_token
from plus1.apiclients.models import Application
from plus1.apiclients.services import AutorisatieSpec, update_application
from plus1.cases.services import set_status
from plus1.cases.tests.factories import SYSTEM, adopt_with_team, handling_zaaktype, new_zaak

from .conftest import ROOT

CRS = {"HTTP_ACCEPT_CRS": "EPSG:4326"}


class Caller:
    def __init__(self, gemeente, **autorisaties):
        self.client_id, self.secret = make_client(gemeente, **autorisaties)

    def get(self, path, **headers):
        token = make_token(self.client_id, self.secret)
        return Client().get(path, HTTP_AUTHORIZATION=f"Bearer {token}", **CRS, **headers)


def reader_of(zaaktype, level="zeer_geheim"):
    return AutorisatieSpec(
        component="zrc", scopes=["zaken.lezen"], zaaktype=zaaktype, max_confidentiality=level
    )


@pytest.mark.django_db
def test_a_repeated_page_costs_one_query(gemeente_a, adoption, django_assert_max_num_queries):
    for _ in range(3):
        new_zaak(adoption)
    caller = Caller(gemeente_a)
    first = caller.get(f"{ROOT}/zaken")
    # Only the change stamp, which also vouches for the kept access of the client id.
    with django_assert_max_num_queries(1):
        again = caller.get(f"{ROOT}/zaken")
    assert again.status_code == 200
    assert again.content == first.content
    assert again["API-version"] == "1.7.0"
    assert again["Content-Crs"] == "EPSG:4326"


@pytest.mark.django_db
def test_a_change_in_the_back_office_or_the_portal_shows_at_once(gemeente_a, adoption, zaaktype):
    zaak = new_zaak(adoption)
    caller = Caller(gemeente_a)
    assert caller.get(f"{ROOT}/zaken").json()["count"] == 1
    detail = caller.get(f"{ROOT}/zaken/{zaak.uuid}").json()

    status = set_status(
        zaak=zaak, statustype=zaaktype.statustypen.get(volgnummer=2), actor=SYSTEM, expected_version=None
    )
    assert caller.get(f"{ROOT}/zaken/{zaak.uuid}").json()["status"].endswith(str(status.uuid))
    assert detail["status"] != caller.get(f"{ROOT}/zaken/{zaak.uuid}").json()["status"]

    new_zaak(adoption)
    assert caller.get(f"{ROOT}/zaken").json()["count"] == 2


@pytest.mark.django_db
def test_a_withdrawn_autorisatie_applies_to_the_next_read(gemeente_a, adoption, zaaktype):
    other = handling_zaaktype()
    zaak = new_zaak(adoption)
    new_zaak(adopt_with_team(gemeente=gemeente_a, zaaktype=other))
    caller = Caller(gemeente_a, autorisaties=[reader_of(zaaktype), reader_of(other)])
    assert caller.get(f"{ROOT}/zaken").json()["count"] == 2
    assert caller.get(f"{ROOT}/zaken/{zaak.uuid}").status_code == 200

    application = Application.objects.get(credentials__client_id=caller.client_id)
    update_application(application=application, actor=SYSTEM, autorisaties=[reader_of(other)])

    assert caller.get(f"{ROOT}/zaken").json()["count"] == 1
    assert caller.get(f"{ROOT}/zaken/{zaak.uuid}").status_code == 403


@pytest.mark.django_db
def test_a_kept_answer_is_never_given_to_an_application_with_other_autorisaties(
    gemeente_a, adoption, zaaktype
):
    zaak = new_zaak(adoption)
    everything = Caller(gemeente_a)
    assert everything.get(f"{ROOT}/zaken/{zaak.uuid}").status_code == 200
    assert everything.get(f"{ROOT}/zaken").json()["count"] == 1

    too_low = Caller(gemeente_a, autorisaties=[reader_of(zaaktype, level="openbaar")])
    assert too_low.get(f"{ROOT}/zaken/{zaak.uuid}").status_code == 403
    assert too_low.get(f"{ROOT}/zaken").json()["count"] == 0


@pytest.mark.django_db
def test_another_gemeentes_changes_leave_the_kept_answers_in_place(
    gemeente_a, gemeente_b, adoption, zaaktype, django_assert_max_num_queries
):
    new_zaak(adoption)
    caller = Caller(gemeente_a)
    first = caller.get(f"{ROOT}/zaken")
    new_zaak(adopt_with_team(gemeente=gemeente_b, zaaktype=zaaktype))
    with django_assert_max_num_queries(3):
        assert caller.get(f"{ROOT}/zaken").content == first.content


@pytest.mark.django_db
def test_a_kept_detail_answers_if_none_match_with_304(gemeente_a, adoption):
    zaak = new_zaak(adoption)
    caller = Caller(gemeente_a)
    etag = caller.get(f"{ROOT}/zaken/{zaak.uuid}")["ETag"]
    assert caller.get(f"{ROOT}/zaken/{zaak.uuid}")["ETag"] == etag
    not_modified = caller.get(f"{ROOT}/zaken/{zaak.uuid}", HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304
    assert not_modified.content == b""


@pytest.mark.django_db
def test_without_the_accept_crs_header_a_kept_answer_is_still_refused(gemeente_a, adoption):
    new_zaak(adoption)
    caller = Caller(gemeente_a)
    assert caller.get(f"{ROOT}/zaken").status_code == 200
    token = make_token(caller.client_id, caller.secret)
    assert Client().get(f"{ROOT}/zaken", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 412
