"""The demo's online betalen: every demo gemeente pays through the simulator, fee rules on the
base processes, and one paid request in Utrecht for the reconciliation."""

from decimal import Decimal

import pytest

from plus1.cases.constants import Betalingsindicatie
from plus1.cases.models import RequestDraft
from plus1.catalog.models import Adoption
from plus1.core import clock
from plus1.demo import loader
from plus1.demo.payments import PAYER, load_payments
from plus1.payments import selectors
from plus1.payments.fees import fee_for_draft
from plus1.payments.models import Payment, PaymentSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(monkeypatch):
    # Only the parts payments needs: the other demo modules have tests of their own.
    for name in ("load_appointments", "load_development", "load_feedback"):
        monkeypatch.setattr(loader, name, lambda *args, **kwargs: None, raising=False)
    return loader.load_demo(history_zaken=3)


def test_demo_gemeenten_pay_through_the_simulator_and_parkeervergunning_has_a_fee(demo):
    for gemeente in demo.gemeenten:
        assert PaymentSettings.objects.get(tenant=gemeente).provider == "simulator"
    utrecht = demo.gemeenten[0]
    adoption = Adoption.objects.for_tenant(utrecht).get(process__identificatie="parkeervergunning")
    draft = RequestDraft(tenant=utrecht, adoption=adoption, owner_bsn="999991723", data={})

    assert fee_for_draft(draft) == Decimal("62.50")


def test_utrecht_has_one_paid_request_in_todays_reconciliation_and_a_reload_adds_nothing(demo):
    utrecht = demo.gemeenten[0]
    payment = Payment.objects.get(draft__owner_bsn=PAYER[0])

    assert payment.status == "paid" and payment.amount == Decimal("32.20")  # 2 x 16,10
    assert payment.zaak.betalingsindicatie == Betalingsindicatie.GEHEEL
    assert selectors.reconciliation(tenant=utrecht, day=clock.today()).total_paid == Decimal("32.20")
    load_payments(demo)
    assert Payment.objects.count() == 1
