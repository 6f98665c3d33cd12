from .besluit import Besluit
from .document import (
    BestandsDeel,
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
