from .besluit import Besluit, BesluitInformatieObject
from .document import InformatieObject
from .draft import RequestDraft
from .handling import InformationRequest, Note, ZaakLink, ZaakSuspension
from .share import ZaakShare
from .zaak import CaseNumberSequence, Resultaat, Rol, Status, Zaak, ZaakEigenschap, ZaakObject

__all__ = [
    "Besluit",
    "BesluitInformatieObject",
    "CaseNumberSequence",
    "InformatieObject",
    "InformationRequest",
    "Note",
    "RequestDraft",
    "Resultaat",
    "Rol",
    "Status",
    "Zaak",
    "ZaakEigenschap",
    "ZaakLink",
    "ZaakObject",
    "ZaakShare",
    "ZaakSuspension",
]
