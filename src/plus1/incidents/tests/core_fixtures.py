"""People, zaken and reports for the incident register's core tests (imported by test_*.py).

The back office's own conftest sits above this app, so the log-in is repeated here with
the accounts services: a person with a role, an authenticator app, and the second factor done.
"""

from __future__ import annotations

import datetime

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
from plus1.audit.services import Actor
from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype, new_zaak
from plus1.cases.tests.sharing import ggd
from plus1.core import clock
from plus1.incidents import services
from plus1.incidents.constants import Category, Channel, PersonKind

DEMO_KEY = "3132333435363738393031323334353637383930"
BSN = "999993653"
OTHER_BSN = "999990019"


def person(username, *, gemeente, role=Role.BEHANDELAAR, team=None, actor=None, **names):
    actor = actor or Actor.system("test")
    user = create_employee(
        username=username, password="een-lang-wachtwoord", email=f"{username}@example.org", **names
    )
    grant_role(tenant=gemeente, user=user, role=role, actor=actor)
    if team is not None:
        add_team_member(team=team, user=user, actor=actor)
    register_totp_device(user=user, key=DEMO_KEY)
    return user


def partner_person(username, *, partner):
    user = create_partner_employee(
        partner=partner, username=username, password="een-lang-wachtwoord", actor=Actor.system("test")
    )
    register_totp_device(user=user, key=DEMO_KEY)
    return user


def log_in(client, user):
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = user.totpdevice_set.get(confirmed=True).persistent_id
    session.save()
    return client


def actor_of(user) -> Actor:
    return Actor.from_user(user)


def data(**changes) -> services.IncidentData:
    values = {
        "occurred_at": clock.now() - datetime.timedelta(hours=1),
        "location": "Balie Stadskantoor",
        "channel": Channel.BALIE,
        "categories": [Category.BEDREIGING],
        "consequences": [],
        "description": "Een inwoner dreigde de medewerker te slaan.",
        "witnesses": [],
        "person": services.Person.none(),
    }
    values.update(changes)
    return services.IncidentData(**values)


def report(*, tenant, reporter, employee=None, zaak=None, **changes):
    return services.report_incident(
        tenant=tenant,
        reporter=reporter,
        employee=employee or reporter,
        data=data(**changes),
        zaak=zaak,
        actor=actor_of(reporter),
    )


def resident_of(zaak):
    return services.Person(kind=PersonKind.RESIDENT, bsn=zaak.rollen.get().bsn)


@pytest.fixture
def team_a(gemeente_a):
    return create_team(tenant=gemeente_a, name="Burgerzaken", actor=Actor.system("test"))


@pytest.fixture
def employee_a(gemeente_a, team_a):
    return person("medewerker-a", gemeente=gemeente_a, team=team_a, first_name="Anna", last_name="de Vries")


@pytest.fixture
def colleague_a(gemeente_a, team_a):
    return person("collega-a", gemeente=gemeente_a, team=team_a, first_name="Bram", last_name="Smit")


@pytest.fixture
def coordinator_a(gemeente_a):
    return person(
        "coordinator-a",
        gemeente=gemeente_a,
        role=Role.AGRESSIECOORDINATOR,
        first_name="Carla",
        last_name="Kok",
    )


@pytest.fixture
def second_coordinator_a(gemeente_a):
    return person("coordinator-a2", gemeente=gemeente_a, role=Role.AGRESSIECOORDINATOR)


@pytest.fixture
def teamleider_a(gemeente_a, team_a):
    return person("teamleider-a", gemeente=gemeente_a, role=Role.TEAMLEIDER, team=team_a)


@pytest.fixture
def employee_b(gemeente_b):
    return person("medewerker-b", gemeente=gemeente_b)


@pytest.fixture
def coordinator_b(gemeente_b):
    return person("coordinator-b", gemeente=gemeente_b, role=Role.AGRESSIECOORDINATOR)


@pytest.fixture
def zaaktype():
    return handling_zaaktype()


@pytest.fixture
def zaak_a(gemeente_a, zaaktype):
    return new_zaak(adopt_with_team(gemeente=gemeente_a, zaaktype=zaaktype, team_name="Burgerzaken"))


@pytest.fixture
def zaak_b(gemeente_b, zaaktype):
    return new_zaak(
        adopt_with_team(gemeente=gemeente_b, zaaktype=zaaktype), bsn=OTHER_BSN, name="Piet Pieters"
    )


@pytest.fixture
def partner():
    return ggd()


@pytest.fixture
def partner_employee(partner):
    return partner_person("ggd-medewerker", partner=partner)
