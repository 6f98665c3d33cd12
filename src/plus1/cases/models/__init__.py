from .draft import RequestDraft
from .zaak import CaseNumberSequence, Rol, Status, Zaak, ZaakEigenschap

__all__ = ["CaseNumberSequence", "RequestDraft", "Rol", "Status", "Zaak", "ZaakEigenschap"]
