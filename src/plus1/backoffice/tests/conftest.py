"""Employees of two gemeenten with teams, and a logged-in client with the second factor done."""

import pytest
from django_otp import DEVICE_ID_SESSION_KEY

from plus1.accounts.constants import Role
from plus1.accounts.services import (
    add_team_member,
    create_employee,
    create_partner_employee,
    create_team,
    grant_role,
    register_totp_device,
)

DEMO_KEY = "3132333435363738393031323334353637383930"  # the RFC 6238 test secret


def make_employee(username, *, gemeente, role=Role.BEHANDELAAR, team=None, actor, device=True, **names):
    user = create_employee(
        username=username, password="een-lang-wachtwoord", email=f"{username}@example.org", **names
    )
    grant_role(tenant=gemeente, user=user, role=role, actor=actor)
    if team is not None:
        add_team_member(team=team, user=user, actor=actor)
    if device:
        register_totp_device(user=user, key=DEMO_KEY)
    return user


def make_partner_employee(username, *, partner, actor, device=True, **names):
    user = create_partner_employee(
        partner=partner, username=username, password="een-lang-wachtwoord", actor=actor, **names
    )
    if device:
        register_totp_device(user=user, key=DEMO_KEY)
    return user


def log_in(client, user):
    """Log ``user`` in as the back office would after password and code."""
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = user.totpdevice_set.get(confirmed=True).persistent_id
    session.save()
    return client


@pytest.fixture
def team_a(gemeente_a, actor):
    return create_team(tenant=gemeente_a, name="Vergunningen", actor=actor)


@pytest.fixture
def team_b(gemeente_b, actor):
    return create_team(tenant=gemeente_b, name="Vergunningen", actor=actor)


@pytest.fixture
def behandelaar_a(gemeente_a, team_a, actor):
    return make_employee(
        "behandelaar-a",
        gemeente=gemeente_a,
        team=team_a,
        actor=actor,
        first_name="Anna",
        last_name="de Vries",
    )


@pytest.fixture
def teamleider_a(gemeente_a, team_a, actor):
    return make_employee(
        "teamleider-a", gemeente=gemeente_a, role=Role.TEAMLEIDER, team=team_a, actor=actor, first_name="Tom"
    )


@pytest.fixture
def behandelaar_b(gemeente_b, team_b, actor):
    return make_employee("behandelaar-b", gemeente=gemeente_b, team=team_b, actor=actor)


@pytest.fixture
def teamleider_b(gemeente_b, team_b, actor):
    return make_employee("teamleider-b", gemeente=gemeente_b, role=Role.TEAMLEIDER, team=team_b, actor=actor)
