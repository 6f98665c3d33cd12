"""The demo's counters: every demo gemeente takes appointments, Suzanne Moulin has two in Utrecht."""

import pytest

from plus1.appointments import selectors
from plus1.appointments.models import Appointment, AppointmentProduct, Location
from plus1.catalog.models import Product
from plus1.demo.loader import load_demo

pytestmark = pytest.mark.django_db


def test_every_demo_gemeente_books_the_counter_products_and_suzanne_has_two_appointments_in_utrecht():
    demo = load_demo(history_zaken=3)
    for gemeente in demo.gemeenten:
        names = {p.product.upl_name for p in selectors.bookable_products(gemeente)}
        assert names == {"paspoort", "identiteitskaart", "rijbewijs", "brp-uittreksel", "huwelijk"}
        assert Location.objects.for_tenant(gemeente).count() == 2
        assert Appointment.objects.for_tenant(gemeente).booked().count() >= 8
    utrecht = demo.gemeenten[0]
    paspoort = selectors.product_for(tenant=utrecht, product=Product.objects.get(upl_name="paspoort"))
    assert paspoort.adoption is None and paspoort.name == "Paspoort"
    huwelijk = AppointmentProduct.objects.get(tenant=utrecht, product__upl_name="huwelijk")
    assert huwelijk.adoption.process.identificatie == "huwelijk"
    mine = selectors.appointments_for_resident(tenant=utrecht, bsn="999993653")
    assert sorted(a.products.get().product.upl_name for a in mine) == ["paspoort", "rijbewijs"]

    before = Appointment.objects.count()
    load_demo(history_zaken=3)
    assert Appointment.objects.count() == before
