from .besluit import Besluit
from .document import (
    BestandsDeel,
    Gebruiksrecht,
    InformatieObject,
    InformatieObjectVersion,
    ObjectInformatieObject,
    ZaakInformatieObject,
)
from .draft import RequestDraft
from .handling import InformationRequest, Note, ZaakLink, ZaakSuspension
from .share import ZaakShare
from .zaak import CaseNumberSequence, Resultaat, Rol, Status, Zaak, ZaakEigenschap

__all__ = [
    "Besluit",
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
    "Zaak",
    "ZaakEigenschap",
    "ZaakInformatieObject",
    "ZaakLink",
    "ZaakShare",
    "ZaakSuspension",
]
