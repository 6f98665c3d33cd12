"""Who may be named as the organisation that registers a zaak, document or besluit."""

from __future__ import annotations

from plus1.core.exceptions import FieldProblem
from plus1.tenants.models import Organisation
from plus1.tenants.selectors import may_register_for

# The code the Zaken, Documenten and Besluiten API answer in ``invalidParams``.
INVALID_ORGANISATION = "invalid-organisation"


def check_registering_organisation(tenant: Organisation, rsin: str, *, field: str) -> None:
    """Refuse ``rsin`` as the registering organisation unless ``tenant`` may register as it.

    The standard lets a client fill in any RSIN; Plus1 holds every gemeente's records, so a
    gemeente registers as itself or as an organisation it holds a mandate for
    (``tenants.Mandate``), never as another gemeente (docs/zgw-deviations.md).
    """
    if not may_register_for(tenant, rsin):
        raise FieldProblem.single(
            field,
            INVALID_ORGANISATION,
            "Registreer alleen voor uw eigen organisatie (RSIN), "
            "of voor een organisatie waarvoor u bent aangemeld.",
        )
