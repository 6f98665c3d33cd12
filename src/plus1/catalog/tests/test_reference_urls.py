"""Reference objects are found by our URL and by VNG's, locally, by collection and uuid."""

import pytest

from plus1.catalog.models import (
    Communicatiekanaal,
    ResultaatTypeOmschrijving,
    SelectielijstProcestype,
    SelectielijstResultaat,
)
from plus1.catalog.reference import (
    communicatiekanaal_for_url,
    local_reference_url,
    parse_reference_url,
    resultaattypeomschrijving_for_url,
    selectielijst_procestype_for_url,
    selectielijst_resultaat_for_url,
)

pytestmark = pytest.mark.django_db

UUID = "aa8aa2fd-b9c6-4e34-9a6c-58a677f60ea0"  # procestype 1 of 2020


def test_the_resolver_maps_an_openzaak_url_to_the_same_row_as_our_url():
    official = selectielijst_procestype_for_url(
        f"https://selectielijst.openzaak.nl/api/v1/procestypen/{UUID}"
    )
    ours = selectielijst_procestype_for_url(
        f"http://plus1.example/referentielijsten/api/v1/procestypen/{UUID}"
    )

    assert official is not None
    assert official == ours == SelectielijstProcestype.objects.get(nummer=1, jaar=2020)


def test_the_resolver_accepts_vngs_own_host_our_address_on_any_host_and_a_trailing_slash():
    procestype = SelectielijstProcestype.objects.get(uuid=UUID)

    for url in [
        f"https://referentielijsten-api.vng.cloud/api/v1/procestypen/{UUID}",
        f"https://loket.utrecht.nl/referentielijsten/api/v1/procestypen/{UUID}/",
        f"http://localhost:8000/referentielijsten/api/v1/procestypen/{UUID.upper()}",
    ]:
        assert selectielijst_procestype_for_url(url) == procestype, url


def test_each_kind_of_reference_object_is_found_by_its_own_collection():
    resultaat = SelectielijstResultaat.objects.first()
    omschrijving = ResultaatTypeOmschrijving.objects.get(omschrijving="Verleend")
    kanaal = Communicatiekanaal.objects.get(naam="E-mail")

    assert selectielijst_resultaat_for_url(resultaat.url) == resultaat
    assert resultaattypeomschrijving_for_url(omschrijving.url) == omschrijving
    assert communicatiekanaal_for_url(local_reference_url(kanaal, "http://testserver")) == kanaal


def test_a_url_of_another_collection_or_host_or_an_unknown_uuid_resolves_to_nothing():
    assert (
        selectielijst_resultaat_for_url(f"https://selectielijst.openzaak.nl/api/v1/procestypen/{UUID}")
        is None
    )
    assert selectielijst_procestype_for_url(f"https://example.org/api/v1/procestypen/{UUID}") is None
    assert selectielijst_procestype_for_url(f"ftp://host/referentielijsten/api/v1/procestypen/{UUID}") is None
    assert (
        selectielijst_procestype_for_url(
            "https://selectielijst.openzaak.nl/api/v1/procestypen/00000000-0000-4000-8000-000000000000"
        )
        is None
    )
    assert selectielijst_procestype_for_url("https://selectielijst.openzaak.nl/api/v1/procestypen/1") is None
    assert selectielijst_procestype_for_url("not a url") is None


def test_the_resolver_never_uses_the_network(monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("the resolver opened a connection")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)

    assert selectielijst_procestype_for_url(f"https://selectielijst.openzaak.nl/api/v1/procestypen/{UUID}")


def test_our_url_of_an_object_carries_the_uuid_of_its_vng_url():
    procestype = SelectielijstProcestype.objects.get(uuid=UUID)

    expected = f"https://plus1.example/referentielijsten/api/v1/procestypen/{UUID}"
    assert local_reference_url(procestype, "https://plus1.example") == expected
    assert local_reference_url(procestype, "https://plus1.example/") == expected
    assert local_reference_url(procestype, "https://plus1.example/referentielijsten/api/v1/") == expected
    assert procestype.url.endswith(f"/procestypen/{UUID}")


def test_every_shipped_reference_object_has_the_uuid_of_its_vng_url():
    for model in (SelectielijstProcestype, SelectielijstResultaat, ResultaatTypeOmschrijving):
        for url, uuid in model.objects.values_list("url", "uuid"):
            assert parse_reference_url(url)[1] == uuid, url


def test_the_resultaten_carry_the_vng_fields_the_first_migration_left_out():
    resultaat = SelectielijstResultaat.objects.get(uuid="afa30940-855b-4a7e-aa21-9e15a8078814")

    assert (resultaat.generiek, resultaat.specifiek) == (True, False)
    assert resultaat.procestermijn_weergave == "Nihil"
    assert resultaat.taakgebieden == ["bedrijfsvoeringEnPersoneel"]
    assert SelectielijstResultaat.objects.filter(generiek=True).count() == 93
