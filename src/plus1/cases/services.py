from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import F

from plus1.audit.services import Actor, record_change
from plus1.catalog.constants import RolOmschrijvingGeneriek
from plus1.catalog.models import Adoption, StatusType
from plus1.catalog.terms import add_term
from plus1.core import clock
from plus1.tenants.models import Organisation

from .constants import CASE_NUMBER_PREFIX, SubjectType
from .exceptions import InvalidRequestData, ProcessNotAdopted
from .models import CaseNumberSequence, Rol, Status, Zaak, ZaakEigenschap


@dataclass(frozen=True)
class Initiator:
    """The resident or business who starts a zaak."""

    name: str
    bsn: str = ""
    kvk_number: str = ""

    @property
    def subject_type(self) -> str:
        return SubjectType.NIET_NATUURLIJK_PERSOON if self.kvk_number else SubjectType.NATUURLIJK_PERSOON


def next_case_number(*, tenant: Organisation, year: int) -> str:
    """Hand out the next readable case number of this gemeente and year, e.g. ZAAK-2026-0000123.

    The counter row is locked for the rest of the transaction, so two submissions at the
    same moment never get the same number.
    """
    sequence, _created = CaseNumberSequence.objects.select_for_update().get_or_create(
        tenant=tenant, year=year
    )
    CaseNumberSequence.objects.filter(pk=sequence.pk).update(last_number=F("last_number") + 1)
    sequence.refresh_from_db(fields=["last_number"])
    return f"{CASE_NUMBER_PREFIX}-{year}-{sequence.last_number:07d}"


@transaction.atomic
def create_zaak(
    *,
    tenant: Organisation,
    adoption: Adoption,
    initiator: Initiator,
    data: dict[str, str],
    actor: Actor,
) -> Zaak:
    """Register a new zaak on the version of the process this gemeente has adopted.

    The zaak gets the first status of its zaaktype, the initiator role and the request
    data; its legal end date is the registration date plus the zaaktype's doorlooptijd.
    """
    if adoption.tenant_id != tenant.pk:
        raise ProcessNotAdopted("Deze gemeente heeft dit proces niet overgenomen.")
    zaaktype = adoption.zaaktype
    eigenschappen = {e.name: e for e in zaaktype.eigenschappen.all()}
    unknown = sorted(set(data) - set(eigenschappen))
    missing = sorted(name for name, e in eigenschappen.items() if e.is_required and not data.get(name))
    if unknown or missing:
        errors = {name: "Dit veld hoort niet bij dit formulier." for name in unknown}
        errors |= {name: "Dit veld is verplicht." for name in missing}
        raise InvalidRequestData(errors)

    today = clock.today()
    zaak = Zaak.objects.create(
        tenant=tenant,
        identificatie=next_case_number(tenant=tenant, year=today.year),
        bronorganisatie=tenant.rsin,
        zaaktype=zaaktype,
        omschrijving=zaaktype.omschrijving,
        confidentiality=zaaktype.confidentiality,
        registered_on=today,
        started_on=today,
        planned_end_on=add_term(today, zaaktype.lead_time),
    )
    first_status = StatusType.objects.filter(zaaktype=zaaktype).order_by("volgnummer").first()
    if first_status is not None:
        status = Status.objects.create(zaak=zaak, statustype=first_status, set_at=clock.now())
        zaak.current_status = status
        zaak.save(update_fields=["current_status"])
    initiator_roltype = zaaktype.roltypen.get(generic=RolOmschrijvingGeneriek.INITIATOR)
    Rol.objects.create(
        zaak=zaak,
        roltype=initiator_roltype,
        subject_type=initiator.subject_type,
        bsn=initiator.bsn,
        kvk_number=initiator.kvk_number,
        name=initiator.name,
    )
    ZaakEigenschap.objects.bulk_create(
        ZaakEigenschap(zaak=zaak, eigenschap=eigenschappen[name], value=value)
        for name, value in data.items()
        if value != ""
    )
    record_change(
        tenant=tenant,
        actor=actor,
        action="create_zaak",
        obj=zaak,
        after={
            "identificatie": zaak.identificatie,
            "zaaktype": str(zaaktype.uuid),
            "version": zaaktype.version,
        },
    )
    return zaak
