"""A published zaaktype with everything case handling needs, and zaken made through the services."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model

from plus1.accounts.constants import Role
from plus1.accounts.models import Membership, Team
from plus1.audit.services import Actor
from plus1.cases.models import Zaak
from plus1.cases.services import Initiator, create_zaak
from plus1.catalog import services as catalog_services
from plus1.catalog.models import (
    Adoption,
    BesluitType,
    InformatieObjectType,
    StatusType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)
from plus1.catalog.tests.factories import ZaakTypeFactory
from plus1.tenants.models import Organisation

SYSTEM = Actor.system("test")


def handling_zaaktype(*, extension: bool = True, suspension: bool = True) -> ZaakType:
    """Statuses Ontvangen → In behandeling → Afgerond, a besluittype, and in/outgoing document types."""
    zaaktype = ZaakTypeFactory(
        extension_allowed=extension,
        extension_period="P6W" if extension else "",
        suspension_allowed=suspension,
        service_norm="P4W",
    )
    StatusType.objects.filter(zaaktype=zaaktype, volgnummer=2).update(volgnummer=3)
    StatusType.objects.create(zaaktype=zaaktype, volgnummer=2, omschrijving="In behandeling")
    catalogus = zaaktype.process.catalogus
    besluittype = BesluitType.objects.create(
        tenant=zaaktype.tenant,
        catalogus=catalogus,
        omschrijving=f"Vergunning {zaaktype.pk}",
        category="Vergunning",
        reactietermijn="P6W",
        status="published",
        valid_from=datetime.date(2026, 1, 1),
    )
    zaaktype.besluittypen.add(besluittype)
    for number, (name, category, direction) in enumerate(
        [("Bewijsstuk", "Bewijs", "inkomend"), ("Beschikking", "Besluit", "uitgaand")], start=1
    ):
        iot, _created = InformatieObjectType.objects.get_or_create(
            tenant=zaaktype.tenant,
            catalogus=catalogus,
            omschrijving=name,
            defaults={
                "category": category,
                "confidentiality": "zaakvertrouwelijk",
                "valid_from": "2026-01-01",
                "status": "published",
            },
        )
        ZaakTypeInformatieObjectType.objects.create(
            zaaktype=zaaktype, informatieobjecttype=iot, volgnummer=number, direction=direction
        )
    return catalog_services.publish_zaaktype(zaaktype=zaaktype, actor=SYSTEM)


def adopt_with_team(
    *, gemeente: Organisation, zaaktype: ZaakType, team_name: str = "Vergunningen"
) -> Adoption:
    adoption = catalog_services.adopt_process(gemeente=gemeente, zaaktype=zaaktype, actor=SYSTEM)
    adoption.team, _created = Team.objects.get_or_create(tenant=gemeente, name=team_name)
    adoption.save(update_fields=["team"])
    return adoption


def employee(
    *, gemeente: Organisation, username: str, role: Role = Role.BEHANDELAAR, team: Team | None = None
):
    user = get_user_model().objects.create_user(username=username, password="correct-horse-battery-9")
    Membership.objects.create(tenant=gemeente, user=user, role=role)
    if team is not None:
        team.members.add(user)
    return user


def new_zaak(
    adoption: Adoption,
    *,
    bsn: str = "999993653",
    name: str = "Suzanne Moulin",
    email: str = "suzanne@example.org",
    data: dict[str, str] | None = None,
) -> Zaak:
    return create_zaak(
        tenant=adoption.tenant,
        adoption=adoption,
        initiator=Initiator(name=name, bsn=bsn, email=email),
        data=data or {},
        actor=SYSTEM,
    )
