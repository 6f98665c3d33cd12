"""Input no page can take (NUL, an oversized form) gives a clear page, never a 500.

PostgreSQL refuses NUL in any text query: a zaak number with NUL in the URL or in a form was a
500 in the back office there. The check sits in one middleware for every page.
"""

import pytest
from django.conf import settings
from django.test import Client

from .conftest import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser(behandelaar_a):
    return log_in(Client(), behandelaar_a)


def test_nul_in_a_zaak_number_in_the_url_is_a_bad_request(browser):
    assert browser.get("/backoffice/zaken/a%00b/").status_code == 400


def test_nul_in_a_query_parameter_is_a_bad_request(browser):
    assert browser.get("/backoffice/", {"zaaktype": "\x00"}).status_code == 400
    assert browser.get("/utrecht/zoeken/", {"q": "boom\x00"}).status_code == 400


def test_nul_in_a_form_field_is_a_bad_request(browser):
    assert browser.post("/backoffice/werkvoorraad/oppakken/", {"zaak": "a\x00b:1"}).status_code == 400


def test_an_oversized_form_gets_a_dutch_page(browser):
    text = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = browser.post("/backoffice/werkvoorraad/oppakken/", {"zaak": text})
    assert response.status_code == 413
    assert "te groot" in response.content.decode()


def test_ordinary_input_still_passes(browser):
    assert browser.get("/backoffice/", {"zaaktype": "x"}).status_code == 200
    assert browser.get("/utrecht/zoeken/", {"q": "boom"}).status_code == 200
