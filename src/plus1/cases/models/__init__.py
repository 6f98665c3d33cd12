from .zaak import CaseNumberSequence, Rol, Status, Zaak, ZaakEigenschap

__all__ = ["CaseNumberSequence", "Rol", "Status", "Zaak", "ZaakEigenschap"]
