"""Who may be named as the organisation that registers a zaak, document or besluit."""

from __future__ import annotations

from plus1.core.exceptions import FieldProblem
from plus1.tenants.models import Mandate, Organisation
from plus1.tenants.selectors import may_register_for

# The code the Zaken, Documenten and Besluiten API answer in ``invalidParams``.
INVALID_ORGANISATION = "invalid-organisation"


def organisation_label(tenant: Organisation) -> str:
    """``gemeente Utrecht`` for a gemeente (whose name is the bare place name), else the name."""
    if tenant.is_gemeente and not tenant.name.lower().startswith("gemeente"):
        return f"gemeente {tenant.name}"
    return tenant.name


def acting_for_refusal(tenant: Organisation, *, what: str = "gegevens") -> str:
    """The plain-Dutch reason an application may not act for an RSIN: for whom it may act instead.

    An application acts for its own gemeente's RSIN, or for an organisation its gemeente holds a
    mandate for (``tenants.Mandate``); the mandates are named, so the reader knows the way out.
    """
    own = (
        f"het RSIN van {organisation_label(tenant)} ({tenant.rsin})"
        if tenant.rsin
        else f"het RSIN van {organisation_label(tenant)} (nog niet ingesteld)"
    )
    message = (
        f"Deze applicatie mag alleen {what} registreren voor {own} "
        "of van organisaties waarvoor zij een mandaat heeft."
    )
    mandates = [
        f"{name} ({rsin})"
        for name, rsin in Mandate.objects.filter(organisation=tenant).values_list("name", "rsin")
    ]
    if mandates:
        message += f" Mandaat voor: {', '.join(mandates)}."
    return message


def check_registering_organisation(
    tenant: Organisation, rsin: str, *, field: str, what: str = "gegevens"
) -> None:
    """Refuse ``rsin`` as the registering organisation unless ``tenant`` may register as it.

    The standard lets a client fill in any RSIN; Plus1 holds every gemeente's records, so for
    isolation a gemeente's application registers as its own gemeente or as an organisation the
    gemeente holds a mandate for (``tenants.Mandate``: a samenwerkingsverband that works for
    several gemeenten), never as another gemeente (docs/zgw-deviations.md). ``what`` names the
    records in the message ("zaken", "documenten", "besluiten").
    """
    if not may_register_for(tenant, rsin):
        raise FieldProblem.single(field, INVALID_ORGANISATION, acting_for_refusal(tenant, what=what))
