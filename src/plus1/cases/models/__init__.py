from .document import InformatieObject
from .draft import RequestDraft
from .zaak import CaseNumberSequence, Rol, Status, Zaak, ZaakEigenschap

__all__ = [
    "CaseNumberSequence",
    "InformatieObject",
    "RequestDraft",
    "Rol",
    "Status",
    "Zaak",
    "ZaakEigenschap",
]
