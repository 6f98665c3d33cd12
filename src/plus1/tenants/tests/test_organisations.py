import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from plus1.core.testing import log_in_to_admin
from plus1.tenants.constants import OrganisationKind
from plus1.tenants.models import Organisation
from plus1.tenants.selectors import get_collective, get_gemeente

pytestmark = pytest.mark.django_db


def test_all_342_gemeenten_of_2025_are_there_with_code_and_province():
    gemeenten = Organisation.objects.gemeenten()

    assert gemeenten.count() == 342
    amsterdam = get_gemeente(cbs_code="GM0363")
    assert (amsterdam.name, amsterdam.province, amsterdam.slug) == ("Amsterdam", "Noord-Holland", "amsterdam")
    assert get_gemeente(cbs_code="gm0796").name == "'s-Hertogenbosch"
    assert len({g.province for g in gemeenten}) == 12


def test_every_gemeente_has_its_own_slug_for_its_portal_address():
    slugs = list(Organisation.objects.values_list("slug", flat=True))

    assert len(slugs) == len(set(slugs))
    assert get_gemeente(cbs_code="GM0796").slug == "s-hertogenbosch"


def test_there_is_exactly_one_collective():
    assert get_collective().kind == OrganisationKind.COLLECTIVE

    with pytest.raises(IntegrityError):
        Organisation.objects.create(kind=OrganisationKind.COLLECTIVE, name="Tweede", slug="tweede")


def test_a_gemeente_needs_a_cbs_code():
    with pytest.raises(IntegrityError):
        Organisation.objects.create(
            kind=OrganisationKind.GEMEENTE, name="Nergenshuizen", slug="nergenshuizen"
        )


@pytest.mark.parametrize("rsin", ["123456789", "12345678", "abcdefghi", "000000000"])
def test_an_rsin_must_pass_the_eleven_test(rsin):
    gemeente = get_gemeente(cbs_code="GM0363")
    gemeente.rsin = rsin

    with pytest.raises(ValidationError) as error:
        gemeente.full_clean()

    assert "elfproef" in str(error.value)


def test_house_style_colours_must_be_hex_codes():
    gemeente = get_gemeente(cbs_code="GM0363")
    gemeente.primary_color = "rood"

    with pytest.raises(ValidationError, match="kleurcode"):
        gemeente.full_clean()


def test_adding_an_organisation_in_the_admin_makes_a_chain_partner(client, django_user_model):
    admin_user = django_user_model.objects.create_superuser("root", password="een-lang-wachtwoord")
    log_in_to_admin(client, admin_user)

    response = client.post(
        "/admin/tenants/organisation/add/",
        {"name": "GGD regio Utrecht", "slug": "ggd-regio-utrecht", "contact_email": "info@ggd.example"},
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    partner = Organisation.objects.get(slug="ggd-regio-utrecht")
    assert partner.kind == OrganisationKind.PARTNER and partner.is_partner


def test_a_tenant_registers_as_itself_or_as_an_organisation_it_holds_a_mandate_for(
    client, django_user_model, gemeente_a, gemeente_b
):
    from plus1.tenants.models import Mandate
    from plus1.tenants.selectors import may_register_for

    assert may_register_for(gemeente_a, gemeente_a.rsin)
    assert not may_register_for(gemeente_a, gemeente_b.rsin)
    assert not may_register_for(gemeente_a, "")
    Mandate.objects.create(organisation=gemeente_a, rsin=gemeente_b.rsin, name=gemeente_b.name)
    assert may_register_for(gemeente_a, gemeente_b.rsin)
    assert not may_register_for(gemeente_b, "100000022")

    # The admin shows them on the organisation's page, to add one there.
    admin_user = django_user_model.objects.create_superuser("root", password="een-lang-wachtwoord")
    log_in_to_admin(client, admin_user)
    page = client.get(f"/admin/tenants/organisation/{gemeente_a.pk}/change/")
    assert page.status_code == 200
    assert "Registreert ook voor" in page.content.decode() and gemeente_b.rsin in page.content.decode()
