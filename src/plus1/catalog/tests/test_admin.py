"""Catalog management in the admin: each person sees and changes only what is theirs."""

from decimal import Decimal

import pytest
from django.urls import reverse

from plus1.accounts.constants import Role
from plus1.accounts.services import create_employee, grant_role
from plus1.catalog import services
from plus1.catalog.models import Adoption, ZaakType
from plus1.core.testing import log_in_to_admin

from .factories import ZaakTypeFactory

pytestmark = pytest.mark.django_db


def _person(username, *, tenant, role, actor):
    user = create_employee(username=username, password="een-lang-wachtwoord")
    grant_role(tenant=tenant, user=user, role=role, actor=actor)
    return user


@pytest.fixture
def beheerder_a(gemeente_a, actor):
    return _person("beheer-a", tenant=gemeente_a, role=Role.BEHEERDER, actor=actor)


@pytest.fixture
def catalog_manager(collective, actor):
    return _person("catalogus", tenant=collective, role=Role.CATALOG_MANAGER, actor=actor)


@pytest.fixture
def adoptions(gemeente_a, gemeente_b, actor):
    zaaktype = ZaakTypeFactory(published=True, omschrijving="Parkeervergunning aanvragen")
    return (
        services.adopt_process(gemeente=gemeente_a, zaaktype=zaaktype, actor=actor, fee=Decimal("10")),
        services.adopt_process(gemeente=gemeente_b, zaaktype=zaaktype, actor=actor, fee=Decimal("20")),
    )


def test_a_beheerder_lists_only_the_adoptions_of_their_own_gemeente(client, beheerder_a, adoptions):
    own, _other = adoptions
    log_in_to_admin(client, beheerder_a)

    response = client.get(reverse("admin:catalog_adoption_changelist"))

    assert response.status_code == 200
    listed = list(response.context["cl"].result_list)
    assert listed == [own]
    assert "Groningen" not in response.text


def test_a_beheerder_cannot_open_or_change_another_gemeentes_adoption(client, beheerder_a, adoptions):
    _own, other = adoptions
    log_in_to_admin(client, beheerder_a)
    url = reverse("admin:catalog_adoption_change", args=[other.pk])

    opened = client.get(url)
    changed = client.post(url, {"fee": "0.01", "offers_online": "on"})

    # The admin answers "does not exist" for rows outside the user's queryset.
    assert opened.status_code == 302 and opened.url == reverse("admin:index")
    assert changed.status_code == 302
    other.refresh_from_db()
    assert other.fee == Decimal("20")


def test_a_beheerder_cannot_adopt_on_behalf_of_another_gemeente(client, beheerder_a, gemeente_b):
    zaaktype = ZaakTypeFactory(published=True)
    log_in_to_admin(client, beheerder_a)

    response = client.post(
        reverse("admin:catalog_adoption_add"), {"tenant": gemeente_b.pk, "zaaktype": zaaktype.pk, "fee": "5"}
    )

    assert response.status_code == 200, "the form comes back with an error"
    assert "tenant" in response.context["adminform"].form.errors
    assert not Adoption.objects.exists()


def test_a_beheerder_adopts_and_changes_local_settings_in_the_admin(client, beheerder_a, gemeente_a):
    zaaktype = ZaakTypeFactory(published=True)
    log_in_to_admin(client, beheerder_a)

    client.post(
        reverse("admin:catalog_adoption_add"),
        {"tenant": gemeente_a.pk, "zaaktype": zaaktype.pk, "fee": "12.50", "offers_online": "on"},
    )
    adoption = Adoption.objects.get()
    client.post(
        reverse("admin:catalog_adoption_change", args=[adoption.pk]),
        {"fee": "15.00", "extra_information": "Ook op zaterdag", "offers_online": "on"},
    )

    adoption.refresh_from_db()
    assert adoption.tenant == gemeente_a
    assert adoption.fee == Decimal("15.00")
    assert adoption.extra_information == "Ook op zaterdag"


def test_adopting_the_same_process_twice_gives_a_clear_form_error(client, beheerder_a, gemeente_a, actor):
    zaaktype = ZaakTypeFactory(published=True)
    services.adopt_process(gemeente=gemeente_a, zaaktype=zaaktype, actor=actor)
    log_in_to_admin(client, beheerder_a)

    response = client.post(
        reverse("admin:catalog_adoption_add"), {"tenant": gemeente_a.pk, "zaaktype": zaaktype.pk}
    )

    assert "heeft dit proces al overgenomen" in response.text
    assert Adoption.objects.count() == 1


def test_a_zaaktype_that_cannot_run_is_not_offered_for_adoption(client, beheerder_a, gemeente_a):
    # ZGW lets it be published without an initiator; a gemeente cannot run zaken on it yet.
    zaaktype = ZaakTypeFactory(published=True)
    zaaktype.roltypen.all().delete()
    log_in_to_admin(client, beheerder_a)

    response = client.post(
        reverse("admin:catalog_adoption_add"), {"tenant": gemeente_a.pk, "zaaktype": zaaktype.pk}
    )

    assert response.status_code == 200  # the form again, with its message; no 500
    assert not Adoption.objects.exists()


def test_publishing_in_the_admin_says_what_a_gemeente_still_misses(client, catalog_manager):
    zaaktype = ZaakTypeFactory()
    zaaktype.resultaattypen.all().delete()
    log_in_to_admin(client, catalog_manager)

    response = client.post(
        reverse("admin:catalog_zaaktype_changelist"),
        {"action": "publish", "_selected_action": [zaaktype.pk]},
        follow=True,
    )

    zaaktype.refresh_from_db()
    assert zaaktype.is_published
    assert "kan nog niet worden overgenomen" in response.text
    assert "resultaattypen" in response.text


def test_a_beheerder_sees_the_waiting_upgrade_and_accepts_it(client, beheerder_a, adoptions, actor):
    own, _other = adoptions
    v2 = services.create_next_version(
        zaaktype=own.zaaktype, valid_from=own.zaaktype.valid_from.replace(year=2027), actor=actor
    )
    services.publish_zaaktype(zaaktype=v2, actor=actor)
    log_in_to_admin(client, beheerder_a)

    listing = client.get(reverse("admin:catalog_adoption_changelist"))
    client.post(
        reverse("admin:catalog_adoption_changelist"),
        {"action": "accept_upgrades", "_selected_action": [own.pk]},
    )

    assert "Versie 2 staat klaar" in listing.text
    own.refresh_from_db()
    assert own.zaaktype == v2
    assert own.fee == Decimal("10")


def test_a_published_zaaktype_cannot_be_edited_in_the_admin(client, catalog_manager):
    zaaktype = ZaakTypeFactory(published=True, lead_time="P8W")
    log_in_to_admin(client, catalog_manager)
    url = reverse("admin:catalog_zaaktype_change", args=[zaaktype.pk])

    page = client.get(url)
    response = client.post(url, {"lead_time": "P1W", "omschrijving": "Anders"})

    assert page.status_code == 200
    assert 'name="lead_time"' not in page.text, "shown read-only"
    assert response.status_code == 403
    zaaktype.refresh_from_db()
    assert (zaaktype.lead_time, zaaktype.is_published) == ("P8W", True)


def test_a_catalog_manager_edits_a_concept_and_publishes_it(client, catalog_manager):
    zaaktype = ZaakTypeFactory()
    log_in_to_admin(client, catalog_manager)

    client.post(
        reverse("admin:catalog_zaaktype_changelist"), {"action": "publish", "_selected_action": [zaaktype.pk]}
    )

    zaaktype.refresh_from_db()
    assert zaaktype.is_published


def test_a_beheerder_reads_the_shared_catalog_but_cannot_change_it(client, beheerder_a):
    published = ZaakTypeFactory(published=True)
    concept = ZaakTypeFactory()
    log_in_to_admin(client, beheerder_a)

    listing = client.get(reverse("admin:catalog_zaaktype_changelist"))
    change = client.post(reverse("admin:catalog_zaaktype_change", args=[published.pk]), {"lead_time": "P1W"})

    assert list(listing.context["cl"].result_list) == [published], "concepts of the collective stay hidden"
    assert concept.pk
    assert change.status_code == 403
    assert ZaakType.objects.get(pk=published.pk).lead_time == "P8W"


def test_a_person_without_a_role_sees_no_catalog(client, gemeente_a):
    user = create_employee(username="zonder-rol", password="een-lang-wachtwoord")
    log_in_to_admin(client, user)

    assert client.get(reverse("admin:catalog_adoption_changelist")).status_code == 403
    assert client.get(reverse("admin:catalog_zaaktype_changelist")).status_code == 403


def test_a_catalog_manager_starts_a_new_concept_version_and_sees_its_editable_form(client, catalog_manager):
    published = ZaakTypeFactory(published=True)
    log_in_to_admin(client, catalog_manager)

    client.post(
        reverse("admin:catalog_zaaktype_changelist"),
        {"action": "next_version", "_selected_action": [published.pk]},
    )
    concept = ZaakType.objects.get(process=published.process, version=2)
    page = client.get(reverse("admin:catalog_zaaktype_change", args=[concept.pk]))

    assert not concept.is_published
    assert page.status_code == 200
    assert 'name="lead_time"' in page.text
    assert 'name="statustypen-0-omschrijving"' in page.text, "the statuses of the copy can be edited"
