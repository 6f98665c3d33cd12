"""The Catalogi API's enumerations, as the standard's OAS lists them (components/schemas ``*Enum``)."""

from __future__ import annotations

from typing import Literal

IndicatieInternOfExternEnum = Literal["intern", "extern"]
OmschrijvingGeneriekEnum = Literal[
    "adviseur",
    "behandelaar",
    "belanghebbende",
    "beslisser",
    "initiator",
    "klantcontacter",
    "zaakcoordinator",
    "mede_initiator",
]
RichtingEnum = Literal["inkomend", "intern", "uitgaand"]
ArchiefnominatieEnum = Literal["blijvend_bewaren", "vernietigen"]
AfleidingswijzeEnum = Literal[
    "afgehandeld",
    "ander_datumkenmerk",
    "eigenschap",
    "gerelateerde_zaak",
    "hoofdzaak",
    "ingangsdatum_besluit",
    "termijn",
    "vervaldatum_besluit",
    "zaakobject",
]
FormaatEnum = Literal["tekst", "getal", "datum", "datum_tijd"]
AardRelatieEnum = Literal["vervolg", "bijdrage", "onderwerp"]
