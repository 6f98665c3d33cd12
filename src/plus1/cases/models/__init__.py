from .besluit import Besluit, BesluitInformatieObject
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
    "Note",
    "ObjectInformatieObject",
    "RequestDraft",
    "Resultaat",
    "Rol",
    "Status",
    "Verzending",
    "Zaak",
    "ZaakEigenschap",
    "ZaakInformatieObject",
    "ZaakLink",
    "ZaakObject",
    "ZaakShare",
    "ZaakSuspension",
]
