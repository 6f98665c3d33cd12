"""The RSIN rule: an application registers for its own gemeente, or for those it holds a mandate for.

It stays for isolation (one installation holds every gemeente's records, and other systems trust
the bronorganisatie); its refusal says for whom the application may register instead.
"""

import pytest

from plus1.cases.services.organisations import (
    INVALID_ORGANISATION,
    acting_for_refusal,
    check_registering_organisation,
)
from plus1.core.exceptions import FieldProblem
from plus1.tenants.models import Mandate

WERKORGANISATIE = "100000022"


def _refusal(tenant, rsin, **kwargs) -> tuple[str, str, str]:
    with pytest.raises(FieldProblem) as caught:
        check_registering_organisation(tenant, rsin, field="bronorganisatie", **kwargs)
    [problem] = caught.value.problems
    return tuple(problem)


def test_an_application_registers_for_its_own_gemeentes_rsin(gemeente_a):
    check_registering_organisation(gemeente_a, "100000009", field="bronorganisatie")


def test_another_gemeentes_rsin_is_refused_with_whom_it_may_register_for(gemeente_a, gemeente_b):
    field, code, reason = _refusal(gemeente_a, gemeente_b.rsin, what="zaken")

    assert (field, code) == ("bronorganisatie", INVALID_ORGANISATION)
    assert reason == (
        "Deze applicatie mag alleen zaken registreren voor het RSIN van gemeente Utrecht (100000009) "
        "of van organisaties waarvoor zij een mandaat heeft."
    )


def test_with_a_mandate_the_application_registers_for_that_organisation_too(gemeente_a, gemeente_b):
    """A samenwerkingsverband acts for several gemeenten: each mandate is one organisation more."""
    Mandate.objects.create(organisation=gemeente_a, rsin=WERKORGANISATIE, name="Werkorganisatie BUCH")
    Mandate.objects.create(organisation=gemeente_a, rsin=gemeente_b.rsin, name="Gemeente Groningen")

    check_registering_organisation(gemeente_a, WERKORGANISATIE, field="bronorganisatie")
    check_registering_organisation(gemeente_a, gemeente_b.rsin, field="bronorganisatie")
    # A mandate is one-way: gemeente B does not get to register for gemeente A.
    _refusal(gemeente_b, gemeente_a.rsin)


def test_the_refusal_names_the_mandates_the_gemeente_holds(gemeente_a):
    Mandate.objects.create(organisation=gemeente_a, rsin=WERKORGANISATIE, name="Werkorganisatie BUCH")

    reason = _refusal(gemeente_a, "100000034", what="documenten")[2]

    assert reason.startswith(
        "Deze applicatie mag alleen documenten registreren voor het RSIN van gemeente Utrecht"
    )
    assert reason.endswith("Mandaat voor: Werkorganisatie BUCH (100000022).")


def test_a_gemeente_without_an_rsin_is_told_so(gemeente_a):
    gemeente_a.rsin = ""
    gemeente_a.save()

    assert "gemeente Utrecht (nog niet ingesteld)" in acting_for_refusal(gemeente_a, what="besluiten")
    _refusal(gemeente_a, "100000009")
