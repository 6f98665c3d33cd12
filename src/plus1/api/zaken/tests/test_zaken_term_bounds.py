"""A verlenging's duur beyond any sense is refused by the Zaken API (a 400 naming
``verlenging.duur``, never a 500), and the longest terms a catalog accepts still give a zaak
its deadlines: a bounded date plus bounded terms always stays inside the calendar."""

from __future__ import annotations

import datetime

import pytest

from plus1.cases import dates, deadlines
from plus1.cases.models import Zaak

from .conftest import ROOT, new_zaak_body

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _refused(response) -> set[tuple[str, str]]:
    assert response.status_code == 400, response.text
    assert response.headers["Content-Type"] == "application/problem+json"
    return {(p["name"], p["code"]) for p in response.json()["invalidParams"]}


def test_a_verlenging_beyond_any_sense_is_refused(zgw_client, gemeente_a, adoption, zaaktype):
    client = zgw_client(gemeente_a)
    # Before: "P99999999999D" matched the pattern and the deadline arithmetic answered 500.
    for duur in ("P99999999999D", "P999999999Y", "PT9999999999H", "P101Y"):
        body = new_zaak_body(client, zaaktype, verlenging={"reden": "Advies nodig", "duur": duur})
        assert _refused(client.post(f"{ROOT}/zaken", json=body)) == {("verlenging.duur", "invalid")}, duur
    assert not Zaak.objects.exists()


def test_the_longest_accepted_terms_on_the_latest_date_still_give_deadlines(
    zgw_client, gemeente_a, adoption, zaaktype
):
    zaaktype.lead_time, zaaktype.service_norm, zaaktype.extension_period = "P100Y", "P100Y", "P100Y"
    zaaktype.save(update_fields=["lead_time", "service_norm", "extension_period"])
    client = zgw_client(gemeente_a)
    latest = dates.latest()
    body = new_zaak_body(
        client, zaaktype, startdatum=latest.isoformat(), verlenging={"reden": "Advies nodig", "duur": "P100Y"}
    )
    created = client.post(f"{ROOT}/zaken", json=body)
    assert created.status_code == 201, created.text
    assert client.get(created.json()["url"]).status_code == 200


def test_a_term_stored_before_the_bound_does_not_break_the_zaak(zgw_client, gemeente_a, adoption, zaaktype):
    client = zgw_client(gemeente_a)
    created = client.post(f"{ROOT}/zaken", json=new_zaak_body(client, zaaktype))
    assert created.status_code == 201, created.text
    # Written straight into the database, as data from before the bound could be.
    Zaak.objects.update(extended_by="P99999999999D")
    zaak = Zaak.objects.get()
    assert (
        deadlines.legal_end_date(
            started_on=datetime.date(2026, 11, 2), lead_time=zaaktype.lead_time, extended_by=zaak.extended_by
        )
        == deadlines.LAST_DAY
    )
    assert client.get(created.json()["url"]).status_code == 200
