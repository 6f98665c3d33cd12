"""Gemeente B's people never see or change gemeente A's rows in the admin.

The test walks every model registered in the admin (not a hand list): for each row that
belongs to gemeente A it opens the change page, the history page and the delete page as
gemeente B's functional admin and expects no page with A's data.
"""

from decimal import Decimal

import pytest
from django.contrib import admin
from django.urls import NoReverseMatch, reverse

from plus1.accounts.constants import Role
from plus1.accounts.services import create_employee, grant_role
from plus1.cases.services import Initiator, create_zaak
from plus1.catalog import services
from plus1.catalog.tests.factories import ZaakTypeFactory
from plus1.core.testing import log_in_to_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def gemeente_a_data(gemeente_a, actor):
    """Rows of every tenant-owned kind that belong to gemeente A."""
    zaaktype = ZaakTypeFactory(published=True)
    adoption = services.adopt_process(
        gemeente=gemeente_a, zaaktype=zaaktype, actor=actor, fee=Decimal("9.95")
    )
    create_zaak(
        tenant=gemeente_a,
        adoption=adoption,
        initiator=Initiator(name="Suzanne Moulin", bsn="999993653"),
        data={},
        actor=actor,
    )
    services.save_product_text(
        gemeente=gemeente_a, product=zaaktype.product, actor=actor, text="Alleen voor gemeente A"
    )
    person = create_employee(username="behandelaar-a", password="een-lang-wachtwoord")
    grant_role(tenant=gemeente_a, user=person, role=Role.BEHANDELAAR, actor=actor)
    return gemeente_a


def _rows_of(model, tenant):
    field_names = {f.name for f in model._meta.get_fields()}
    if "tenant" in field_names:
        return list(model.objects.filter(tenant=tenant))
    return []


def test_beheerder_of_b_opens_nothing_of_a_in_any_admin(client, gemeente_a_data, gemeente_b, actor):
    beheerder_b = create_employee(username="beheer-b", password="een-lang-wachtwoord")
    grant_role(tenant=gemeente_b, user=beheerder_b, role=Role.BEHEERDER, actor=actor)
    log_in_to_admin(client, beheerder_b)
    visited = 0

    for model in admin.site._registry:
        for row in _rows_of(model, gemeente_a_data):
            info = (model._meta.app_label, model._meta.model_name)
            for view in ("change", "history", "delete"):
                try:
                    url = reverse(f"admin:{info[0]}_{info[1]}_{view}", args=[row.pk])
                except NoReverseMatch:
                    continue
                response = client.get(url)
                visited += 1
                assert response.status_code in (302, 403, 404), f"{url} answered {response.status_code}"
            listing = client.get(reverse(f"admin:{info[0]}_{info[1]}_changelist"))
            if listing.status_code == 200:
                assert row not in list(listing.context["cl"].result_list), f"{model.__name__} lists A's row"

    assert visited >= 12, "the walk reached adoptions, product texts, memberships and audit rows"
