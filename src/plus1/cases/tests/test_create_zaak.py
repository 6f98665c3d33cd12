import datetime

import pytest
import time_machine

from plus1.audit.services import Actor
from plus1.audit.services import Actor as _Actor
from plus1.cases.exceptions import InvalidRequestData, ProcessNotAdopted
from plus1.cases.processing import Purpose
from plus1.cases.services import Initiator, create_zaak
from plus1.catalog import services as catalog_services
from plus1.catalog.models import Eigenschap
from plus1.catalog.tests.factories import ZaakTypeFactory
from plus1.core import clock

PURPOSE = Purpose.handling(_Actor.system("test"))

pytestmark = pytest.mark.django_db

RESIDENT = Initiator(name="Suzanne Moulin", bsn="999993653")


@pytest.fixture
def zaaktype():
    zaaktype = ZaakTypeFactory()
    Eigenschap.objects.create(
        zaaktype=zaaktype, order=1, name="kenteken", label="Kenteken", data_type="text", step="Auto"
    )
    return catalog_services.publish_zaaktype(zaaktype=zaaktype, actor=Actor.system("test"))


@time_machine.travel(datetime.datetime(2026, 3, 2, 10, tzinfo=datetime.UTC))
def test_a_new_zaak_gets_number_first_status_initiator_data_and_deadline(gemeente_a, zaaktype, actor):
    adoption = catalog_services.adopt_process(gemeente=gemeente_a, zaaktype=zaaktype, actor=actor)

    zaak = create_zaak(
        tenant=gemeente_a, adoption=adoption, initiator=RESIDENT, data={"kenteken": "AB-123-C"}, actor=actor
    )

    assert zaak.identificatie == "ZAAK-2026-0000001"
    assert zaak.bronorganisatie == gemeente_a.rsin
    assert zaak.current_status.statustype.omschrijving == "Ontvangen"
    assert zaak.rollen.get().bsn == "999993653"
    assert zaak.eigenschappen.get().value == "AB-123-C"
    assert zaak.planned_end_on == datetime.date(2026, 4, 28), (
        "eight weeks after registration is Koningsdag 27 April, so the next working day (Atw art. 1)"
    )


def test_case_numbers_count_per_gemeente(gemeente_a, gemeente_b, zaaktype, actor):
    adoption_a = catalog_services.adopt_process(gemeente=gemeente_a, zaaktype=zaaktype, actor=actor)
    adoption_b = catalog_services.adopt_process(gemeente=gemeente_b, zaaktype=zaaktype, actor=actor)
    data = {"kenteken": "AB-123-C"}

    numbers_a = [
        create_zaak(
            tenant=gemeente_a, adoption=adoption_a, initiator=RESIDENT, data=data, actor=actor
        ).identificatie
        for _ in range(3)
    ]
    number_b = create_zaak(tenant=gemeente_b, adoption=adoption_b, initiator=RESIDENT, data=data, actor=actor)

    year = clock.today().year
    assert numbers_a == [f"ZAAK-{year}-000000{n}" for n in (1, 2, 3)]
    assert number_b.identificatie == f"ZAAK-{year}-0000001"


def test_missing_or_unknown_fields_are_refused_and_nothing_is_stored(gemeente_a, zaaktype, actor):
    adoption = catalog_services.adopt_process(gemeente=gemeente_a, zaaktype=zaaktype, actor=actor)

    with pytest.raises(InvalidRequestData) as error:
        create_zaak(
            tenant=gemeente_a, adoption=adoption, initiator=RESIDENT, data={"kleur": "rood"}, actor=actor
        )

    assert error.value.errors == {
        "kleur": "Dit veld hoort niet bij dit formulier.",
        "kenteken": "Dit veld is verplicht.",
    }
    assert not zaaktype.zaken.exists()


def test_a_gemeente_cannot_start_a_zaak_on_another_gemeentes_adoption(
    gemeente_a, gemeente_b, zaaktype, actor
):
    adoption_a = catalog_services.adopt_process(gemeente=gemeente_a, zaaktype=zaaktype, actor=actor)

    with pytest.raises(ProcessNotAdopted):
        create_zaak(
            tenant=gemeente_b, adoption=adoption_a, initiator=RESIDENT, data={"kenteken": "X"}, actor=actor
        )


def test_running_zaken_keep_their_version_and_new_zaken_use_the_accepted_one(gemeente_a, actor):
    v1 = ZaakTypeFactory(published=True)
    adoption = catalog_services.adopt_process(gemeente=gemeente_a, zaaktype=v1, actor=actor)
    resident = Initiator(name="Suzanne Moulin", bsn="999993653")
    running = create_zaak(tenant=gemeente_a, adoption=adoption, initiator=resident, data={}, actor=actor)

    v2 = _publish_next_version(v1, actor)
    before_accepting = create_zaak(
        tenant=gemeente_a, adoption=adoption, initiator=resident, data={}, actor=actor
    )
    adoption = catalog_services.accept_upgrade(adoption=adoption, actor=actor)
    after_accepting = create_zaak(
        tenant=gemeente_a, adoption=adoption, initiator=resident, data={}, actor=actor
    )

    running.refresh_from_db()
    assert running.zaaktype == v1
    assert before_accepting.zaaktype == v1
    assert after_accepting.zaaktype == v2


def _publish_next_version(zaaktype, actor):
    concept = catalog_services.create_next_version(
        zaaktype=zaaktype, valid_from=datetime.date(2027, 1, 1), actor=actor
    )
    return catalog_services.publish_zaaktype(zaaktype=concept, actor=actor)


def test_a_status_that_informs_the_resident_sends_an_email_and_shows_in_the_timeline(
    gemeente_a, zaaktype, actor, django_capture_on_commit_callbacks, mailoutbox
):
    from plus1.cases.selectors import get_zaak_for_resident
    from plus1.cases.services import close_zaak

    adoption = catalog_services.adopt_process(gemeente=gemeente_a, zaaktype=zaaktype, actor=actor)
    resident = Initiator(name="Suzanne Moulin", bsn="999993653", email="suzanne@example.org")
    zaak = create_zaak(
        tenant=gemeente_a, adoption=adoption, initiator=resident, data={"kenteken": "AB-12-CD"}, actor=actor
    )
    _ontvangen, afgerond = zaaktype.statustypen.order_by("volgnummer")
    afgerond.informs_initiator = True
    afgerond.statustekst = "Uw vergunning is klaar."
    afgerond.save()

    with django_capture_on_commit_callbacks(execute=True):
        close_zaak(zaak=zaak, resultaattype=zaaktype.resultaattypen.get(), actor=actor, expected_version=None)

    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["suzanne@example.org"]
    assert "Uw vergunning is klaar." in mailoutbox[0].body
    assert "999993653" not in mailoutbox[0].body
    seen = get_zaak_for_resident(
        tenant=gemeente_a, bsn="999993653", identificatie=zaak.identificatie, purpose=PURPOSE
    )
    assert [s.statustype.omschrijving for s in seen.timeline] == ["Ontvangen", "Afgerond"]
    assert seen.ended_on is not None, "the last status ends the zaak"


def test_a_status_of_another_zaaktype_is_refused(gemeente_a, zaaktype, actor):
    from plus1.cases.exceptions import ZaakError
    from plus1.cases.services import set_status

    adoption = catalog_services.adopt_process(gemeente=gemeente_a, zaaktype=zaaktype, actor=actor)
    zaak = create_zaak(
        tenant=gemeente_a, adoption=adoption, initiator=RESIDENT, data={"kenteken": "AB-12-CD"}, actor=actor
    )
    foreign = ZaakTypeFactory().statustypen.first()

    with pytest.raises(ZaakError):
        set_status(zaak=zaak, statustype=foreign, actor=actor)
    assert zaak.statussen.count() == 1
