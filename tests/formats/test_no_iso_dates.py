"""Dates the way people write them: "21 december 2026" or "21-12-2026" in Dutch, never 2026-12-21.

Representative pages of the portal and the back office are rendered in Dutch and in English;
their visible text (not attributes such as ``datetime="..."``, which are for machines) must hold
no ISO date, and Dutch pages no English month names.
"""

import datetime
import html
import re
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from plus1.backoffice.tests.conftest import log_in, make_employee
from plus1.cases import services
from plus1.cases.tests.factories import SYSTEM, adopt_with_team, handling_zaaktype, new_zaak
from plus1.catalog import services as catalog_services
from plus1.catalog.importer.loader import import_library
from plus1.catalog.models import Eigenschap, ZaakType
from plus1.core import clock

pytestmark = pytest.mark.django_db

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
ENGLISH_MONTHS = re.compile(
    r"\b(January|February|March|April|June|July|August|October|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b"
)


def visible_text(page: str) -> str:
    """What a reader sees: no tags, attributes, scripts or styles."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


@pytest.mark.parametrize(
    ("language", "long", "short"),
    [("nl", "4 januari 2027", "04-01-2027"), ("en", "4 January 2027", "04/01/2027")],
)
def test_one_long_and_one_short_date_format_per_language(language, long, short):
    template = Template('{{ day|date }} | {{ day|date:"SHORT_DATE_FORMAT" }} | {{ size|filesizeformat }}')
    with translation.override(language):
        rendered = template.render(Context({"day": datetime.date(2027, 1, 4), "size": 33_030_144}))

    size = "31,5\xa0MB" if language == "nl" else "31.5\xa0MB"  # a space that never breaks
    assert rendered == f"{long} | {short} | {size}"


@pytest.fixture
def pages(client, gemeente_a, actor):
    """Portal and back-office pages that show dates: a zaak with a question, an extension and a besluit."""
    import_library()
    catalog_services.adopt_process(
        gemeente=gemeente_a,
        zaaktype=ZaakType.objects.get(process__identificatie="parkeervergunning"),
        actor=actor,
        fee=Decimal("62.50"),
    )
    zaaktype = handling_zaaktype()
    Eigenschap.objects.create(
        zaaktype=zaaktype,
        order=1,
        name="ingangsdatum",
        label="Ingangsdatum",
        data_type="date",
        step="Auto",
        is_required=False,
    )
    adoption = adopt_with_team(gemeente=gemeente_a, zaaktype=zaaktype)
    # A date answer is stored as ISO (data), and must be shown as a date (interface).
    zaak = new_zaak(adoption, data={"ingangsdatum": "2026-12-21"})
    services.request_information(
        zaak=zaak,
        question="Stuur uw kentekenbewijs.",
        answer_due_on=clock.today() + datetime.timedelta(days=14),
        actor=SYSTEM,
        expected_version=None,
    )
    extended = new_zaak(adoption)
    services.extend_zaak(
        zaak=extended, reason="Advies nodig van de brandweer.", actor=SYSTEM, expected_version=None
    )
    slug = gemeente_a.slug
    portal = [
        reverse("portal:home", args=[slug]),
        reverse("portal:product-list", args=[slug]),
        reverse("portal:product-detail", args=[slug, "parkeervergunning"]),
        reverse("portal:my-zaken", args=[slug]),
        reverse("portal:my-zaak-detail", args=[slug, zaak.identificatie]),
        reverse("portal:my-zaak-detail", args=[slug, extended.identificatie]),
        reverse("portal:my-data-access", args=[slug]) + "?ook-eigen=1",
        reverse("portal:my-profile", args=[slug]),
        reverse("portal:privacy", args=[slug]),
    ]
    backoffice = [
        reverse("backoffice:inbox"),
        reverse("backoffice:zaak-detail", args=[zaak.identificatie]),
        reverse("backoffice:zaak-detail", args=[extended.identificatie]),
    ]
    return zaak, portal, backoffice


def _request_summary_with_a_date(client, gemeente):
    """The check page before sending repeats the resident's answers, dates included."""

    def url(name, *args):
        return reverse(f"portal:{name}", args=[gemeente.slug, "parkeervergunning", *args])

    client.get(url("request-start"))
    client.post(url("request-step", 1), {"kenteken": "AB-123-C", "auto_eigendom": "Van mij", "volgende": ""})
    start = clock.today() + datetime.timedelta(days=3)
    client.post(url("request-step", 2), {"ingangsdatum": start.isoformat(), "volgende": ""})
    return url("request-summary")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_page_shows_an_iso_date(client, gemeente_a, actor, pages, language):
    zaak, portal, backoffice = pages
    client.cookies["django_language"] = language
    client.force_login(get_user_model().digid_objects.digid_create("999993653"))
    portal = [*portal, _request_summary_with_a_date(client, gemeente_a)]
    problems = []
    for url in portal:
        response = client.get(url)
        assert response.status_code == 200, url
        text = visible_text(response.text)
        problems += [f"{url}: {m}" for m in ISO_DATE.findall(text)]
        if language == "nl":
            problems += [f"{url}: {m}" for m in ENGLISH_MONTHS.findall(text)]

    employee = make_employee("behandelaar-a", gemeente=gemeente_a, team=zaak.team, actor=actor)
    log_in(client, employee)
    for url in backoffice:
        response = client.get(url)
        assert response.status_code == 200, url
        text = visible_text(response.text)
        problems += [f"{url}: {m}" for m in ISO_DATE.findall(text)]
        if language == "nl":
            problems += [f"{url}: {m}" for m in ENGLISH_MONTHS.findall(text)]

    assert problems == []
