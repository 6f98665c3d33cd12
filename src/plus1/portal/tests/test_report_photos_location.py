"""A melding takes photos (stored as the zaak's documents) and a place: an address, a map point."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from plus1.cases.models import InformatieObject, Zaak
from plus1.catalog import services
from plus1.catalog.importer.loader import import_library
from plus1.catalog.models import ZaakType

pytestmark = pytest.mark.django_db

TILES = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


# The start of a JPEG (JFIF) is what the content check reads.
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 64


def _jpeg(name="lantaarnpaal.jpg"):
    return SimpleUploadedFile(name, JPEG, content_type="image/jpeg")


@pytest.fixture
def melding(collective, gemeente_a, actor):
    import_library()
    zaaktype = ZaakType.objects.get(process__identificatie="melding-openbare-ruimte")
    return services.adopt_process(gemeente=gemeente_a, zaaktype=zaaktype, actor=actor)


@pytest.fixture
def url(gemeente_a, melding):
    return reverse("portal:report", args=[gemeente_a.slug, "melding-openbare-ruimte"])


def _answers(page, **overrides):
    data = {
        "token": page.context["token"],
        "categorie": page.context["form"].fields["categorie"].choices[1][0],
        "omschrijving": "De lantaarnpaal voor nummer 12 brandt al een week niet.",
        "locatie": "Oudegracht 12, Utrecht",
    }
    return {**data, **overrides}


def test_a_melding_with_two_photos_and_an_address_keeps_the_photos_as_documents(client, url):
    page = client.get(url)

    response = client.post(url, _answers(page, fotos=[_jpeg(), _jpeg("paal-dichtbij.jpg")]))

    assert response.status_code == 302
    zaak = Zaak.objects.get()
    photos = zaak.documenten.order_by("filename")
    assert [p.filename for p in photos] == ["lantaarnpaal.jpg", "paal-dichtbij.jpg"]
    assert {p.informatieobjecttype.omschrijving for p in photos} == {"Foto van de situatie"}
    assert {p.content_type for p in photos} == {"image/jpeg"}
    assert zaak.zaakgeometrie is None


def test_without_a_tile_server_the_form_has_the_address_field_and_no_map(client, url, settings):
    settings.PLUS1_MAP_TILE_URL = ""

    page = client.get(url)

    assert 'name="locatie"' in page.text and 'name="fotos"' in page.text
    assert "leaflet" not in page.text and "report-map" not in page.text
    assert "pdok" not in page["Content-Security-Policy"]


def test_a_pdf_is_no_photo_and_nothing_is_stored(client, url):
    page = client.get(url)

    response = client.post(url, _answers(page, fotos=[_jpeg(), SimpleUploadedFile("foto.jpg", PDF)]))

    assert response.status_code == 400
    assert "foto.jpg is geen PDF, JPG of PNG" in response.text or "foto.jpg is geen foto" in response.text
    assert not Zaak.objects.exists() and not InformatieObject.objects.exists()


def test_a_pdf_with_a_pdf_name_is_refused_as_no_photo(client, url):
    page = client.get(url)

    response = client.post(url, _answers(page, fotos=[SimpleUploadedFile("situatie.pdf", PDF)]))

    assert response.status_code == 400
    assert "situatie.pdf is geen foto. Voeg een foto toe als JPG of PNG." in response.text
    assert not Zaak.objects.exists()


def test_a_photo_over_the_upload_limit_is_refused(client, url, settings):
    settings.PLUS1_MAX_UPLOAD_BYTES = len(JPEG) - 1
    page = client.get(url)

    response = client.post(url, _answers(page, fotos=[_jpeg()]))

    assert response.status_code == 400
    assert "lantaarnpaal.jpg is te groot" in response.text
    assert not Zaak.objects.exists()


def test_at_most_five_photos(client, url):
    page = client.get(url)

    response = client.post(url, _answers(page, fotos=[_jpeg(f"foto-{n}.jpg") for n in range(6)]))

    assert response.status_code == 400
    assert "hoogstens 5 foto" in response.text
    assert not Zaak.objects.exists()


def test_sending_the_same_melding_twice_keeps_the_photos_once(client, url):
    data = _answers(client.get(url))

    client.post(url, {**data, "fotos": [_jpeg()]})
    client.post(url, {**data, "fotos": [_jpeg()]})

    assert Zaak.objects.count() == 1
    assert InformatieObject.objects.count() == 1


def test_with_a_tile_server_the_map_comes_from_our_own_files_and_only_this_page_allows_the_tile_host(
    client, url, settings, gemeente_a
):
    settings.PLUS1_MAP_TILE_URL = TILES

    page = client.get(url)
    product_page = client.get(
        reverse("portal:product-detail", args=[gemeente_a.slug, "melding-openbare-ruimte"])
    )

    assert 'src="/static/vendor/leaflet/leaflet.js"' in page.text
    assert 'id="report-map"' in page.text and TILES in page.text
    policy = page["Content-Security-Policy"]
    assert "img-src 'self' https://service.pdok.nl" in policy
    assert (
        "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    )
    assert "pdok" not in product_page["Content-Security-Policy"]


def test_a_point_on_the_map_is_kept_as_the_zaakgeometrie(client, url, settings):
    settings.PLUS1_MAP_TILE_URL = TILES
    page = client.get(url)

    response = client.post(url, _answers(page, latitude="52.090737", longitude="5.121420"))

    assert response.status_code == 302
    assert Zaak.objects.get().zaakgeometrie == {"type": "Point", "coordinates": [5.12142, 52.090737]}


@pytest.mark.parametrize(("latitude", "longitude"), [("0", "0"), ("52,1", "5.1"), ("52.1", "")])
def test_a_point_outside_the_netherlands_or_garbled_is_refused(client, url, settings, latitude, longitude):
    settings.PLUS1_MAP_TILE_URL = TILES
    page = client.get(url)

    response = client.post(url, _answers(page, latitude=latitude, longitude=longitude))

    assert response.status_code == 400
    assert "punt op de kaart" in response.text
    assert not Zaak.objects.exists()


def test_a_tile_url_that_is_no_url_gives_the_plain_form(client, url, settings):
    settings.PLUS1_MAP_TILE_URL = "service.pdok.nl/tiles"

    page = client.get(url)

    assert page.status_code == 200 and "report-map" not in page.text
