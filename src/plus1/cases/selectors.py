from django.db.models import Prefetch, QuerySet

from plus1.catalog.constants import RolOmschrijvingGeneriek
from plus1.tenants.models import Organisation

from .models import Status, Zaak


def zaken_for_resident(*, tenant: Organisation, bsn: str) -> QuerySet[Zaak]:
    """The zaken this resident started at this gemeente, newest first. Never another's."""
    if not bsn:
        return Zaak.objects.none()
    return (
        Zaak.objects.for_tenant(tenant)
        .filter(rollen__bsn=bsn, rollen__roltype__generic=RolOmschrijvingGeneriek.INITIATOR)
        .select_related("zaaktype", "current_status__statustype")
        .order_by("-registered_on", "-id")
        .distinct()
    )


def get_zaak_for_resident(*, tenant: Organisation, bsn: str, identificatie: str) -> Zaak:
    """One of the resident's zaken with its resident-facing timeline; raises Zaak.DoesNotExist."""
    informing = Status.objects.filter(statustype__informs_initiator=True).select_related("statustype")
    return (
        zaken_for_resident(tenant=tenant, bsn=bsn)
        .prefetch_related(
            Prefetch("statussen", queryset=informing, to_attr="timeline"), "eigenschappen__eigenschap"
        )
        .get(identificatie=identificatie)
    )


def zaken_for_business(*, tenant: Organisation, kvk_number: str) -> QuerySet[Zaak]:
    """The zaken this business (KvK number, 8 digits) started at this gemeente. Never a resident's."""
    if not (len(kvk_number) == 8 and kvk_number.isdigit()):
        return Zaak.objects.none()
    return (
        Zaak.objects.for_tenant(tenant)
        .filter(rollen__kvk_number=kvk_number, rollen__roltype__generic=RolOmschrijvingGeneriek.INITIATOR)
        .select_related("zaaktype", "current_status__statustype")
        .order_by("-registered_on", "-id")
        .distinct()
    )


def get_zaak_for_business(*, tenant: Organisation, kvk_number: str, identificatie: str) -> Zaak:
    """One of the business's zaken with its timeline; raises Zaak.DoesNotExist."""
    informing = Status.objects.filter(statustype__informs_initiator=True).select_related("statustype")
    return (
        zaken_for_business(tenant=tenant, kvk_number=kvk_number)
        .prefetch_related(
            Prefetch("statussen", queryset=informing, to_attr="timeline"), "eigenschappen__eigenschap"
        )
        .get(identificatie=identificatie)
    )
