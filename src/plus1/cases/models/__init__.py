from .besluit import Besluit, BesluitInformatieObject
from .contact import KlantContact, ZaakContactMoment, ZaakNotitie, ZaakVerzoek
from .counts import ZaakCount
from .document import (
    BestandsDeel,
    Gebruiksrecht,
    InformatieObject,
    InformatieObjectVersion,
    ObjectInformatieObject,
    Verzending,
    ZaakInformatieObject,
)
from .draft import RequestDraft
from .handling import InformationRequest, Note, ZaakLink, ZaakSuspension
from .share import ZaakShare
from .zaak import CaseNumberSequence, Resultaat, Rol, Status, Zaak, ZaakEigenschap, ZaakObject

__all__ = [
    "Besluit",
    "BesluitInformatieObject",
    "BestandsDeel",
    "CaseNumberSequence",
    "Gebruiksrecht",
    "InformatieObject",
    "InformatieObjectVersion",
    "InformationRequest",
    "KlantContact",
    "Note",
    "ObjectInformatieObject",
    "RequestDraft",
    "Resultaat",
    "Rol",
    "Status",
    "Verzending",
    "Zaak",
    "ZaakContactMoment",
    "ZaakCount",
    "ZaakEigenschap",
    "ZaakInformatieObject",
    "ZaakLink",
    "ZaakNotitie",
    "ZaakObject",
    "ZaakShare",
    "ZaakSuspension",
    "ZaakVerzoek",
]
