"""Zaken registered on a chosen day, for tests of deadlines, reminders and dashboard figures.

The zaak is made through ``create_zaak`` on that day (time-machine); later facts of its life
(closed, assigned, suspended) are set on the row, because the tests here are about reading
them, not about the services that change them.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import time_machine

from plus1.audit.services import Actor
from plus1.cases.models import Zaak
from plus1.cases.services import Initiator, create_zaak
from plus1.catalog import services as catalog_services
from plus1.catalog.models import Adoption
from plus1.catalog.tests.factories import ZaakTypeFactory

SYSTEM = Actor.system("test")


def adopted(gemeente, *, team=None, omschrijving="Parkeervergunning aanvragen", lead_time="P8W") -> Adoption:
    zaaktype = ZaakTypeFactory(published=True, omschrijving=omschrijving, lead_time=lead_time)
    adoption = catalog_services.adopt_process(
        gemeente=gemeente, zaaktype=zaaktype, actor=SYSTEM, fee=Decimal(1)
    )
    if team is not None:
        adoption = catalog_services.set_adoption_team(adoption=adoption, team=team, actor=SYSTEM)
    return adoption


def zaak_on(
    adoption: Adoption,
    registered_on: datetime.date,
    *,
    name: str = "Suzanne Moulin",
    bsn: str = "999993653",
    **facts,
) -> Zaak:
    """A zaak registered on ``registered_on``; ``facts`` (ended_on, assignee, team ...) set afterwards."""
    moment = datetime.datetime.combine(registered_on, datetime.time(10), tzinfo=datetime.UTC)
    with time_machine.travel(moment, tick=False):
        zaak = create_zaak(
            tenant=adoption.tenant,
            adoption=adoption,
            initiator=Initiator(name=name, bsn=bsn, email=f"{bsn}@example.org"),
            data={},
            actor=SYSTEM,
        )
    facts.setdefault("team", adoption.team)
    Zaak.objects.filter(pk=zaak.pk).update(**facts)
    zaak.refresh_from_db()
    return zaak
