"""The decision form proposes the dates the resident asked for."""

import datetime

import pytest

from plus1.backoffice.forms import DecideForm
from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype, new_zaak
from plus1.catalog.models import Eigenschap
from plus1.core import clock

pytestmark = pytest.mark.django_db


def _zaaktype_asking_for_dates():
    zaaktype = handling_zaaktype()
    for order, name in enumerate(("ingangsdatum", "einddatum"), start=1):
        Eigenschap.objects.create(
            zaaktype=zaaktype, order=order, name=name, label=name, data_type="date", step="Wanneer"
        )
    return zaaktype


def test_geldig_vanaf_defaults_to_the_requested_date(gemeente_a):
    adoption = adopt_with_team(gemeente=gemeente_a, zaaktype=_zaaktype_asking_for_dates())
    zaak = new_zaak(adoption, data={"ingangsdatum": "2026-05-01", "einddatum": "2026-10-31"})
    form = DecideForm(zaak=zaak)
    assert form.fields["effective_on"].initial == datetime.date(2026, 5, 1)
    assert form.fields["expires_on"].initial == datetime.date(2026, 10, 31)


def test_without_a_requested_date_the_decision_takes_effect_today(gemeente_a):
    zaak = new_zaak(adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype()))
    form = DecideForm(zaak=zaak)
    assert form.fields["effective_on"].initial == clock.today()
    assert form.fields["expires_on"].initial is None
