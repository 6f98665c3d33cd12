"""Fixtures of the medewerkers page tests: plus1.development's people, signed in with a second factor.

Gemeente A: "Team Wmo" (leidinggevende ``lead``, ``emma``, ``bram``), "Team Burgerzaken"
(teamleider ``tara``, ``otto``), HR ``hanna``; gemeente B: ``bea`` and HR ``hugo``.
"""

from __future__ import annotations

import pytest

from plus1.accounts.constants import Role
from plus1.accounts.services import register_totp_device
from plus1.development.tests import factories as f

from .conftest import DEMO_KEY, log_in

__all__ = ["as_user", "framework", "people", "team_bz", "team_wmo"]


def _with_device(user):
    register_totp_device(user=user, key=DEMO_KEY)
    return user


@pytest.fixture
def framework(gemeente_a, gemeente_b):
    f.adopt_v1(gemeente_b)
    return f.adopt_v1(gemeente_a)


@pytest.fixture
def team_wmo(gemeente_a):
    return f.team(gemeente_a, "Team Wmo")


@pytest.fixture
def team_bz(gemeente_a):
    return f.team(gemeente_a, "Team Burgerzaken")


@pytest.fixture
def people(gemeente_a, gemeente_b, team_wmo, team_bz, framework):
    """Everyone, by name."""
    team_b = f.team(gemeente_b, "Team Wmo")
    return {
        "lead": _with_device(
            f.person("lead", gemeente=gemeente_a, roles=(Role.LEIDINGGEVENDE,), team=team_wmo)
        ),
        "emma": _with_device(f.person("emma", gemeente=gemeente_a, team=team_wmo)),
        "bram": _with_device(f.person("bram", gemeente=gemeente_a, team=team_wmo)),
        "tara": _with_device(f.person("tara", gemeente=gemeente_a, roles=(Role.TEAMLEIDER,), team=team_bz)),
        "otto": _with_device(f.person("otto", gemeente=gemeente_a, team=team_bz)),
        "hanna": _with_device(f.person("hanna", gemeente=gemeente_a, roles=(Role.HR,))),
        "bea": _with_device(f.person("bea", gemeente=gemeente_b, team=team_b)),
        "hugo": _with_device(f.person("hugo", gemeente=gemeente_b, roles=(Role.HR,))),
    }


@pytest.fixture
def as_user(client):
    """``as_user(user)``: the test client signed in as ``user`` (password and code done)."""

    def sign_in(user):
        client.logout()
        return log_in(client, user)

    return sign_in
