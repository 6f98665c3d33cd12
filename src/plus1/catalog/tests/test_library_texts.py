"""Every text a resident reads that comes from the shipped library is plain, correct Dutch.

Two places are checked: the library files themselves (the texts a resident sees: names,
descriptions, status texts in e-mails, form labels and help, outcomes, decisions, document
types) and the product texts the portal composes from them (home page, A-Z list, every product
page of a gemeente that runs the whole library).

Not checked: the ZGW fields only staff and the Catalogi API see (purpose, trigger, subject,
initiator_action, handler_action, responsible, lead_time_source, roltypen, the selectielijst
toelichting of a resultaattype). They are written in the words of the ZGW standard on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from django.urls import reverse

from plus1.catalog.importer.loader import LIBRARY_DIR

# Words of the ZGW model and of the back office that mean nothing to a resident, or that make
# the text speak about the resident instead of to them ("de inwoner of ondernemer die ...").
# "behandelaar" is matched as a whole word: "klachtbehandelaar" is the Awb's own word and
# tells a resident who handles their complaint.
INTERNAL_WORDS = (
    r"inwoner of ondernemer die",
    r"\bde inwoner\b",
    r"\bzaaktype",
    r"\binformatieobjecttype",
    r"\bstatustype",
    r"\bresultaattype",
    r"\binitiator\b",
    r"\bbehandelaar\b",
)
# The employee is a person of any gender: "Een medewerker kijkt", never "Hij kijkt".
STAFF_PRONOUN = re.compile(r"(?:^|[.!?:]\s+)(Hij|Zij)\b")
DOUBLE_SPACE = re.compile(r"\S {2,}\S")
# "Vragen?  of mail": a part of a sentence left out, leaving a gap before a joining word.
EMPTY_GAP = re.compile(r"[?:]\s+(of|en)\b|\s[.,](?![.\w])")
# "U kunt dit online, aan de balie regelen": a list whose last item is not joined with of/en.
ENUMERATION = re.compile(r"\bdit ((?:[^.,]+, )+)([^.,]+?) regelen\b")
# Raw names from a list: "paspoort tweede", "UPL_NAAM", "PASPOORT".
RAW_NAME = re.compile(r"(\b(eerste|tweede|derde|vierde)$)|_")

# Fields of a process file that a resident reads (in the portal, Mijn zaken, e-mails, letters).
PROCESS_TEXTS = ("omschrijving", "description")
PART_TEXTS = {
    "statustypen": ("omschrijving", "statustekst"),
    "resultaattypen": ("omschrijving",),
    "eigenschappen": ("label", "help_text", "choices"),
    "besluittypen": ("omschrijving", "toelichting"),
}
# A published document type never changes (the importer refuses it), so its text cannot be
# corrected in the library. The portal does not show this one: the resident fills in the form
# itself, it is not something to bring (portal product page, GENERATED_DOCUMENT_TYPES).
UNCHANGEABLE_DOCUMENT_TYPES = {"Aanvraagformulier"}


def _library_texts() -> Iterator[tuple[str, str]]:
    for path in sorted(Path(LIBRARY_DIR).rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        name = path.relative_to(LIBRARY_DIR).as_posix()
        for index, iot in enumerate(data.get("informatieobjecttypen", [])):
            if iot["omschrijving"] in UNCHANGEABLE_DOCUMENT_TYPES:
                continue
            for field in ("omschrijving", "description"):
                yield f"{name}: informatieobjecttypen[{index + 1}].{field}", iot.get(field) or ""
        if "identificatie" not in data:
            continue
        for field in PROCESS_TEXTS:
            yield f"{name}: {field}", data.get(field) or ""
        for part, fields in PART_TEXTS.items():
            for index, item in enumerate(data.get(part) or []):
                for field in fields:
                    values = item.get(field) or []
                    for value in values if isinstance(values, list) else [values]:
                        yield f"{name}: {part}[{index + 1}].{field}", str(value)


def _problems(text: str) -> list[str]:
    found = []
    if match := STAFF_PRONOUN.search(text):
        found.append(f"'{match.group(1)}' voor een medewerker")
    for word in INTERNAL_WORDS:
        if re.search(word, text, flags=re.IGNORECASE):
            found.append(f"intern woord {word!r}")
    if DOUBLE_SPACE.search(text):
        found.append("dubbele spatie")
    if match := EMPTY_GAP.search(text):
        found.append(f"gat in de zin bij {match.group(0)!r}")
    for match in ENUMERATION.finditer(text):
        if not re.search(r"\b(of|en)\b", match.group(2)):
            found.append(f"opsomming zonder 'of' of 'en': {match.group(0)!r}")
    return found


def _name_problems(name: str) -> list[str]:
    found = []
    if RAW_NAME.search(name):
        found.append("ruwe lijstnaam")
    letters = [c for c in name if c.isalpha()]
    if len(letters) > 3 and all(c.isupper() for c in letters):
        found.append("alleen hoofdletters")
    if name[:1].islower():
        found.append("begint met een kleine letter")
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Een medewerker bekijkt uw aanvraag. Hij kijkt of u hier woont.", "medewerker"),
        ("De ingevulde aanvraag, zoals de inwoner of ondernemer die heeft ingediend.", "intern"),
        ("U kunt dit online, aan de balie regelen.", "opsomming"),
        ("Vragen?  of mail info@example.org.", "dubbele spatie"),
        ("Vragen? of mail info@example.org.", "gat"),
        ("Uw zaaktype is gewijzigd.", "intern"),
    ],
)
def test_the_checks_catch_what_they_are_for(text, expected):
    assert any(expected in problem for problem in _problems(text))


@pytest.mark.parametrize(
    "text",
    [
        "Een medewerker bekijkt uw aanvraag en kijkt of u hier woont.",
        "U regelt dit online, aan de balie of telefonisch.",
        "U kunt dit online of aan de balie regelen.",
        "De klachtbehandelaar neemt contact met u op.",
        "Vragen? Bel 14 030 of mail info@example.org.",
    ],
)
def test_good_dutch_passes(text):
    assert _problems(text) == []


def test_raw_list_names_are_caught():
    assert _name_problems("paspoort tweede") and _name_problems("PASPOORT") and _name_problems("UPL_naam")
    assert _name_problems("Tweede paspoort") == [] and _name_problems("Uittreksel BRP aanvragen") == []


def test_every_resident_text_of_the_shipped_library_is_plain_dutch():
    texts = list(_library_texts())
    assert len(texts) > 500, "the walk over the library found its texts"

    problems = [
        f"{where}: {', '.join(found)}: {text!r}" for where, text in texts if (found := _problems(text))
    ]

    assert problems == [], "\n".join(problems)


@pytest.fixture
def gemeente_running_the_library(db, gemeente_a, actor):
    from plus1.catalog import selectors
    from plus1.catalog import services as catalog_services
    from plus1.catalog.importer.loader import import_library

    import_library()
    for zaaktype in selectors.published_zaaktypen().filter(valid_until__isnull=True):
        catalog_services.adopt_process(
            gemeente=gemeente_a,
            zaaktype=zaaktype,
            actor=actor,
            contact_email="info@utrecht.example",
            offers_online=zaaktype.allows_online,
            offers_counter=True,
        )
    return gemeente_a


def _visible_text(html: str) -> str:
    """The page's sentences as a resident reads them: tags out, lines joined."""
    html = re.sub(r"<(script|style|title)\b.*?</\1>", " ", html, flags=re.DOTALL)
    lines = [re.sub(r"<[^>]+>", "", line).strip() for line in html.splitlines()]
    return "\n".join(line for line in lines if line)


def test_every_composed_product_text_of_the_portal_is_plain_dutch(client, gemeente_running_the_library):
    from plus1.catalog.models import Adoption, Product

    gemeente = gemeente_running_the_library
    slugs = set(Adoption.objects.for_tenant(gemeente).values_list("zaaktype__product__slug", flat=True))
    slugs.add("paspoort-tweede")
    # Pages without an online form compose "Hoe regelt u het?" per kind of UPL product: one of each.
    for kind in ("is_report", "is_subsidy", "is_application", "is_obligation"):
        others = Product.objects.filter(**{kind: True}).exclude(slug__in=slugs)
        slugs.add(others.values_list("slug", flat=True)[0])
    pages = {"home": reverse("portal:home", args=[gemeente.slug])}
    pages |= {slug: reverse("portal:product-detail", args=[gemeente.slug, slug]) for slug in sorted(slugs)}

    problems = []
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, url
        for line in _visible_text(response.text).splitlines():
            problems += [f"{name}: {p}: {line!r}" for p in _problems(line)]
    assert len(pages) > 25

    product_list = client.get(reverse("portal:product-list", args=[gemeente.slug])).text
    titles = re.findall(r'<a[^>]*href="[^"]*/producten/[^"]+"[^>]*>([^<]+)</a>', product_list)
    assert len(titles) >= Product.objects.count() - 1
    problems += [f"A-Z: {p}: {t!r}" for t in titles for p in _name_problems(t.strip())]

    assert problems == [], "\n".join(problems)


def test_only_what_can_be_done_online_is_listed_under_direct_online_regelen(
    client, gemeente_running_the_library
):
    home = client.get(reverse("portal:home", args=[gemeente_running_the_library.slug])).text
    online_part = home.split("Direct online regelen", 1)[1].split("</ul>", 1)[0]

    assert "Parkeervergunning aanvragen" in online_part
    assert "aan de balie" not in online_part  # the VOG is requested at the counter
    a_to_z = client.get(reverse("portal:product-list", args=[gemeente_running_the_library.slug])).text
    vog = re.search(
        r"Verklaring omtrent het gedrag \(VOG\) aanvragen aan de balie</a>([^<]*<span[^>]*>)?", a_to_z
    )
    assert vog and not vog.group(1), "no Online label for a counter-only product"
