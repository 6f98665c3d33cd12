"""Fixtures for the development tests: two gemeenten, teams, HR, leidinggevenden (see factories.py)."""

import pytest

from plus1.accounts.constants import Role

from . import factories as f


@pytest.fixture
def team_wmo(gemeente_a):
    return f.team(gemeente_a, "Team Wmo")


@pytest.fixture
def team_bz(gemeente_a):
    return f.team(gemeente_a, "Team Burgerzaken")


@pytest.fixture
def framework(gemeente_a, gemeente_b):
    f.adopt_v1(gemeente_b)
    return f.adopt_v1(gemeente_a)


@pytest.fixture
def lead(gemeente_a, team_wmo):
    return f.person("lead", gemeente=gemeente_a, roles=(Role.LEIDINGGEVENDE,), team=team_wmo)


@pytest.fixture
def emma(gemeente_a, team_wmo):
    return f.person("emma", gemeente=gemeente_a, team=team_wmo)


@pytest.fixture
def bram(gemeente_a, team_wmo):
    return f.person("bram", gemeente=gemeente_a, team=team_wmo)


@pytest.fixture
def tara(gemeente_a, team_bz):
    return f.person("tara", gemeente=gemeente_a, roles=(Role.TEAMLEIDER,), team=team_bz)


@pytest.fixture
def otto(gemeente_a, team_bz):
    return f.person("otto", gemeente=gemeente_a, team=team_bz)


@pytest.fixture
def hanna(gemeente_a):
    return f.person("hanna", gemeente=gemeente_a, roles=(Role.HR,))


@pytest.fixture
def bea(gemeente_b):
    return f.person("bea", gemeente=gemeente_b)


@pytest.fixture
def hugo(gemeente_b):
    return f.person("hugo", gemeente=gemeente_b, roles=(Role.HR,))
