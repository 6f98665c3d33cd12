"""The fixtures of core_fixtures.py for every test of the incident register (people, zaken, a partner)."""

from .core_fixtures import (  # noqa: F401
    colleague_a,
    coordinator_a,
    coordinator_b,
    employee_a,
    employee_b,
    partner,
    partner_employee,
    second_coordinator_a,
    team_a,
    teamleider_a,
    zaak_a,
    zaak_b,
    zaaktype,
)
