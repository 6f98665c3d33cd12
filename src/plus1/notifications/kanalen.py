"""The standard's kanalen: what each source publishes on, with its kenmerken, as the standard documents it.

The Notificaties API standard asks every source to document its kanalen, the kenmerken of each and
the events that lead to a notification ("Berichten en kenmerken"); the standard APIs do that in the
``### Notificaties`` section of their OpenAPI description. ``describe`` writes that section for ours.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class KanaalDoc:
    naam: str
    main_resource: str
    # Kenmerk -> what it holds (the standard's words).
    kenmerken: dict[str, str]
    # The resources a notification on this kanaal is about (the standard's list where it has one).
    resources: tuple[str, ...]


_CATALOGUS = "URL-referentie naar de CATALOGUS waartoe dit {type} behoort."

KANALEN: dict[str, KanaalDoc] = {
    doc.naam: doc
    for doc in (
        KanaalDoc(
            "zaken",
            "zaak",
            {
                "bronorganisatie": "Het RSIN van de niet-natuurlijk persoon zijnde de organisatie die de "
                "zaak heeft gecreëerd.",
                "zaaktype": "URL-referentie naar het ZAAKTYPE (in de Catalogi API).",
                "vertrouwelijkheidaanduiding": "Aanduiding van de mate waarin het zaakdossier van de ZAAK "
                "voor de openbaarheid bestemd is.",
            },
            (
                "zaak",
                "status",
                "zaakobject",
                "zaakinformatieobject",
                "zaakeigenschap",
                "klantcontact",
                "rol",
                "resultaat",
                "zaakbesluit",
                "zaakcontactmoment",
                "zaakverzoek",
                "zaaknotitie",
            ),
        ),
        KanaalDoc(
            "documenten",
            "enkelvoudiginformatieobject",
            {
                "bronorganisatie": "Het RSIN van de niet-natuurlijk persoon zijnde de organisatie die het "
                "informatieobject heeft gecreëerd of heeft ontvangen.",
                "informatieobjecttype": "URL-referentie naar het INFORMATIEOBJECTTYPE (in de Catalogi API).",
                "vertrouwelijkheidaanduiding": "Aanduiding van de mate waarin het INFORMATIEOBJECT voor de "
                "openbaarheid bestemd is.",
            },
            ("enkelvoudiginformatieobject", "verzending"),
        ),
        KanaalDoc(
            "besluiten",
            "besluit",
            {
                "verantwoordelijke_organisatie": "Het RSIN van de niet-natuurlijk persoon zijnde de "
                "organisatie die het besluit heeft vastgesteld.",
                "besluittype": "URL-referentie naar het BESLUITTYPE (in de Catalogi API).",
            },
            ("besluit", "besluitinformatieobject"),
        ),
        KanaalDoc(
            "zaaktypen",
            "zaaktype",
            {"catalogus": _CATALOGUS.format(type="ZAAKTYPE")},
            ("zaaktype",),
        ),
        KanaalDoc(
            "besluittypen",
            "besluittype",
            {"catalogus": _CATALOGUS.format(type="BESLUITTYPE")},
            ("besluittype",),
        ),
        KanaalDoc(
            "informatieobjecttypen",
            "informatieobjecttype",
            {"catalogus": _CATALOGUS.format(type="INFORMATIEOBJECTTYPE")},
            ("informatieobjecttype",),
        ),
        KanaalDoc(
            "autorisaties",
            "applicatie",
            {},
            ("applicatie",),
        ),
    )
}

# The kanalen of the standard and their kenmerken, as registered in the Notificaties API.
STANDARD_KANALEN: dict[str, list[str]] = {naam: list(doc.kenmerken) for naam, doc in KANALEN.items()}


def describe(*names: str) -> str:
    """The ``### Notificaties`` section of an API's OpenAPI description for these kanalen."""
    parts = ["### Notificaties", ""]
    for naam in names:
        doc = KANALEN[naam]
        parts += [f"Deze API publiceert notificaties op het kanaal `{naam}`.", "", "**Main resource**", ""]
        parts += [f"`{doc.main_resource}`", "", "**Kenmerken**", ""]
        parts += [f"* `{kenmerk}`: {text}" for kenmerk, text in doc.kenmerken.items()] or ["Geen."]
        parts += ["", "**Resources**", ""]
        parts += [f"* `{resource}`" for resource in doc.resources]
        parts.append("")
    parts += [
        "De `actie` van een notificatie is die van de operatie: `create`, `update`, `partial_update` "
        "of `destroy`. Een notificatie bevat alleen URL's en deze kenmerken, geen persoonsgegevens.",
    ]
    return "\n".join(parts).rstrip() + "\n"
