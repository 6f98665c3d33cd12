"""Registering a zaak another system made (ZGW POST /zaken): case numbers."""

import datetime

import pytest
import time_machine

from plus1.audit.services import Actor
from plus1.cases.models import Zaak
from plus1.cases.services.registration import register_zaak
from plus1.catalog import services as catalog_services
from plus1.catalog.tests.factories import ZaakTypeFactory
from plus1.core.exceptions import FieldProblem

pytestmark = pytest.mark.django_db

SYSTEM = Actor.system("test")
STARTED = {"started_on": datetime.date(2026, 3, 2)}


@pytest.fixture
def zaaktype(gemeente_a):
    zaaktype = catalog_services.publish_zaaktype(zaaktype=ZaakTypeFactory(), actor=SYSTEM)
    catalog_services.adopt_process(gemeente=gemeente_a, zaaktype=zaaktype, actor=SYSTEM)
    return zaaktype


@time_machine.travel(datetime.datetime(2026, 3, 2, 10, tzinfo=datetime.UTC))
def test_a_refused_registration_uses_no_case_number(gemeente_a, zaaktype):
    first = register_zaak(tenant=gemeente_a, zaaktype=zaaktype, values=STARTED, actor=SYSTEM)
    with pytest.raises(FieldProblem):
        register_zaak(
            tenant=gemeente_a,
            zaaktype=zaaktype,
            values={**STARTED, "laatste_betaaldatum": datetime.datetime(2027, 1, 1, tzinfo=datetime.UTC)},
            actor=SYSTEM,
        )
    second = register_zaak(tenant=gemeente_a, zaaktype=zaaktype, values=STARTED, actor=SYSTEM)

    assert (first.identificatie, second.identificatie) == ("ZAAK-2026-0000001", "ZAAK-2026-0000002")
    assert Zaak.objects.filter(tenant=gemeente_a).count() == 2


@time_machine.travel(datetime.datetime(2026, 3, 2, 10, tzinfo=datetime.UTC))
def test_a_given_identificatie_is_kept_and_takes_no_number(gemeente_a, zaaktype):
    given = register_zaak(
        tenant=gemeente_a, zaaktype=zaaktype, values={**STARTED, "identificatie": "EXTERN-1"}, actor=SYSTEM
    )
    numbered = register_zaak(tenant=gemeente_a, zaaktype=zaaktype, values=STARTED, actor=SYSTEM)

    assert given.identificatie == "EXTERN-1"
    assert numbered.identificatie == "ZAAK-2026-0000001"
