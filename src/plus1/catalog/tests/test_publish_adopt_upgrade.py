import datetime
from decimal import Decimal

import pytest

from plus1.catalog import selectors, services
from plus1.catalog.exceptions import CannotAdopt, CannotPublish, NoUpgradeAvailable, PublishedIsImmutable
from plus1.catalog.models import Adoption, ZaakType
from plus1.tenants.constants import OrganisationKind
from plus1.tenants.models import Organisation

from .factories import ZaakTypeFactory

pytestmark = pytest.mark.django_db


def _new_version(v1: ZaakType, actor, *, valid_from=datetime.date(2027, 1, 1)) -> ZaakType:
    v2 = services.create_next_version(zaaktype=v1, valid_from=valid_from, actor=actor)
    services.update_zaaktype(zaaktype=v2, actor=actor, lead_time="P6W", service_norm="P1W")
    return services.publish_zaaktype(zaaktype=v2, actor=actor)


def test_a_concept_zaaktype_can_be_edited_but_a_published_one_cannot(actor):
    zaaktype = ZaakTypeFactory()
    services.update_zaaktype(zaaktype=zaaktype, actor=actor, lead_time="P6W")
    services.publish_zaaktype(zaaktype=zaaktype, actor=actor)

    with pytest.raises(PublishedIsImmutable):
        services.update_zaaktype(zaaktype=zaaktype, actor=actor, lead_time="P2W")

    zaaktype.refresh_from_db()
    assert zaaktype.lead_time == "P6W"


def test_a_zaaktype_without_statuses_or_initiator_is_published_but_not_adopted(actor, gemeente_a):
    # ZGW lets a client publish first and complete later (only ztc-012 limits publishing);
    # Plus1 needs a runnable version where a gemeente starts zaken on it.
    zaaktype = ZaakTypeFactory()
    zaaktype.statustypen.all().delete()
    zaaktype.roltypen.all().delete()

    services.publish_zaaktype(zaaktype=zaaktype, actor=actor)
    zaaktype.refresh_from_db()
    assert zaaktype.is_published

    with pytest.raises(CannotAdopt) as error:
        services.adopt_process(gemeente=gemeente_a, zaaktype=zaaktype, actor=actor)
    assert "kan nog geen zaken uitvoeren" in str(error.value)
    assert "statustypen" in str(error.value) and "initiator" in str(error.value)
    assert not Adoption.objects.for_tenant(gemeente_a).exists()
    assert not ZaakType.objects.runnable().filter(pk=zaaktype.pk).exists()


def test_an_upgrade_to_a_version_that_cannot_run_is_refused(actor, gemeente_a):
    v1 = ZaakTypeFactory(published=True)
    adoption = services.adopt_process(gemeente=gemeente_a, zaaktype=v1, actor=actor)
    v2 = services.create_next_version(zaaktype=v1, valid_from=datetime.date(2027, 1, 1), actor=actor)
    v2.resultaattypen.all().delete()
    services.publish_zaaktype(zaaktype=v2, actor=actor)

    with pytest.raises(CannotAdopt, match="resultaattypen"):
        services.accept_upgrade(adoption=adoption, actor=actor)
    adoption.refresh_from_db()
    assert adoption.zaaktype == v1


def test_the_portal_offers_only_runnable_zaaktypen_with_a_known_upl_product(actor, gemeente_a):
    offered = ZaakTypeFactory(published=True)
    internal = ZaakTypeFactory(
        published=True, product=None, producten_of_diensten=["https://example.org/inkoop"]
    )
    services.adopt_process(gemeente=gemeente_a, zaaktype=offered, actor=actor)
    # An internal process (no UPL product Plus1 knows) may be adopted: it runs, unseen by residents.
    services.adopt_process(gemeente=gemeente_a, zaaktype=internal, actor=actor)

    assert Adoption.objects.for_tenant(gemeente_a).count() == 2
    assert [a.zaaktype for a in selectors.offered_adoptions(gemeente_a)] == [offered]
    assert set(selectors.adoptions_by_product(gemeente_a)) == {offered.product_id}
    assert set(selectors.online_titles_by_product(gemeente_a)) == {offered.product_id}
    _product, adoption = selectors.get_product_for_portal(gemeente=gemeente_a, slug=offered.product.slug)
    assert adoption.zaaktype == offered


def test_a_zaaktype_keeps_every_product_url_and_knows_its_upl_product(actor):
    zaaktype = ZaakTypeFactory()
    upl = zaaktype.product.upl_uri
    urls = ["https://producten.example.org/bezwaar", upl]

    services.update_zaaktype(zaaktype=zaaktype, actor=actor, producten_of_diensten=urls)
    zaaktype.refresh_from_db()
    assert (zaaktype.producten_of_diensten, zaaktype.product.upl_uri) == (urls, upl)

    services.update_zaaktype(zaaktype=zaaktype, actor=actor, producten_of_diensten=urls[:1])
    zaaktype.refresh_from_db()
    assert (zaaktype.producten_of_diensten, zaaktype.product) == (urls[:1], None)


def test_a_new_version_ends_the_validity_of_the_previous_one_the_day_before(actor):
    v1 = ZaakTypeFactory(published=True)

    v2 = _new_version(v1, actor, valid_from=datetime.date(2027, 1, 1))

    v1.refresh_from_db()
    assert v2.version == 2 and v2.is_published
    assert v1.valid_until == datetime.date(2026, 12, 31)
    assert v1.is_published


def test_a_new_version_must_start_after_the_previous_one(actor):
    v1 = ZaakTypeFactory(published=True)
    v2 = services.create_next_version(zaaktype=v1, valid_from=v1.valid_from, actor=actor)

    with pytest.raises(CannotPublish, match="later ingaan"):
        services.publish_zaaktype(zaaktype=v2, actor=actor)


def test_a_new_version_copies_statuses_results_roles_and_fields(actor):
    v1 = ZaakTypeFactory(published=True)

    v2 = services.create_next_version(zaaktype=v1, valid_from=datetime.date(2027, 1, 1), actor=actor)

    assert [s.omschrijving for s in v2.statustypen.all()] == [s.omschrijving for s in v1.statustypen.all()]
    assert v2.resultaattypen.count() == v1.resultaattypen.count() == 1
    assert v2.roltypen.get().generic == "initiator"
    assert v1.statustypen.count() == 2, "the original keeps its own parts"


def test_a_gemeente_adopts_a_published_process_with_its_own_settings(gemeente_a, actor):
    zaaktype = ZaakTypeFactory(published=True)

    adoption = services.adopt_process(
        gemeente=gemeente_a,
        zaaktype=zaaktype,
        actor=actor,
        fee=Decimal("62.50"),
        extra_information="Kom langs",
    )

    assert adoption.tenant == gemeente_a
    assert adoption.zaaktype == zaaktype
    assert adoption.fee == Decimal("62.50")


def test_a_concept_cannot_be_adopted(gemeente_a, actor):
    with pytest.raises(CannotAdopt, match="nog niet gepubliceerd"):
        services.adopt_process(gemeente=gemeente_a, zaaktype=ZaakTypeFactory(), actor=actor)
    assert not Adoption.objects.exists()


def test_a_gemeente_adopts_a_process_only_once(gemeente_a, actor):
    zaaktype = ZaakTypeFactory(published=True)
    services.adopt_process(gemeente=gemeente_a, zaaktype=zaaktype, actor=actor)

    with pytest.raises(CannotAdopt, match="al overgenomen"):
        services.adopt_process(gemeente=gemeente_a, zaaktype=zaaktype, actor=actor)


def test_only_a_gemeente_can_adopt(actor):
    partner = Organisation.objects.create(kind=OrganisationKind.PARTNER, name="GGD Test", slug="ggd-test")

    with pytest.raises(CannotAdopt, match="Alleen een gemeente"):
        services.adopt_process(gemeente=partner, zaaktype=ZaakTypeFactory(published=True), actor=actor)


def test_a_negative_fee_is_refused_in_plain_dutch(gemeente_a, actor):
    with pytest.raises(CannotAdopt, match="minstens 0"):
        services.adopt_process(
            gemeente=gemeente_a, zaaktype=ZaakTypeFactory(published=True), actor=actor, fee=Decimal("-1")
        )
    assert not Adoption.objects.exists()


def test_a_new_version_shows_as_pending_upgrade_until_the_gemeente_accepts(gemeente_a, gemeente_b, actor):
    v1 = ZaakTypeFactory(published=True)
    adoption_a = services.adopt_process(gemeente=gemeente_a, zaaktype=v1, actor=actor, fee=Decimal("10"))
    adoption_b = services.adopt_process(gemeente=gemeente_b, zaaktype=v1, actor=actor, fee=Decimal("20"))
    assert selectors.pending_upgrade(adoption_a) is None

    v2 = _new_version(v1, actor)

    assert selectors.pending_upgrade(adoption_a) == v2
    assert list(selectors.adoptions_with_pending_upgrade(gemeente_a)) == [adoption_a]
    adoption_a = services.accept_upgrade(adoption=adoption_a, actor=actor)

    assert adoption_a.zaaktype == v2
    assert adoption_a.fee == Decimal("10"), "local values survive the upgrade"
    assert selectors.pending_upgrade(adoption_a) is None
    adoption_b.refresh_from_db()
    assert adoption_b.zaaktype == v1, "the other gemeente decides for itself"
    assert selectors.pending_upgrade(adoption_b) == v2


def test_accepting_without_a_newer_version_says_so(gemeente_a, actor):
    adoption = services.adopt_process(
        gemeente=gemeente_a, zaaktype=ZaakTypeFactory(published=True), actor=actor
    )

    with pytest.raises(NoUpgradeAvailable):
        services.accept_upgrade(adoption=adoption, actor=actor)


def test_adoptions_of_one_gemeente_are_invisible_to_another(gemeente_a, gemeente_b, actor):
    zaaktype = ZaakTypeFactory(published=True)
    services.adopt_process(gemeente=gemeente_a, zaaktype=zaaktype, actor=actor)

    assert selectors.adoptions_for_gemeente(gemeente_a).count() == 1
    assert selectors.adoptions_for_gemeente(gemeente_b).count() == 0
    assert not Adoption.objects.for_tenant(gemeente_b).exists()


def test_every_catalog_change_leaves_an_audit_record(gemeente_a, actor):
    from plus1.audit.models import AuditEntry

    v1 = ZaakTypeFactory(published=True)
    adoption = services.adopt_process(gemeente=gemeente_a, zaaktype=v1, actor=actor)
    services.update_adoption(adoption=adoption, actor=actor, fee=Decimal("5"))

    actions = list(AuditEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions == ["publish_zaaktype", "adopt_process", "update_adoption"]
    change = AuditEntry.objects.get(action="update_adoption")
    assert change.tenant == gemeente_a
    assert change.before == {"fee": None} and change.after == {"fee": "5"}
