"""`plus1 api-client create` registers an application of one gemeente, with the rules of the API."""

import pytest
from django.core.management import CommandError, call_command

from plus1.apiclients.access import access_for_client_id
from plus1.apiclients.models import Application

pytestmark = pytest.mark.django_db


def test_create_registers_a_client_id_with_its_secret_for_the_gemeente(gemeente_a):
    call_command(
        "api_client",
        "create",
        "--gemeente",
        "GM0344",
        "--client-id",
        "zaakapp",
        "--secret",
        "s3cr3t-s3cr3t",
        "--all-autorisaties",
    )
    access, secret = access_for_client_id("zaakapp")
    assert secret == "s3cr3t-s3cr3t"
    assert access.tenant == gemeente_a
    assert access.has_all


def test_a_client_id_cannot_be_registered_twice_nor_for_an_unknown_gemeente(gemeente_a):
    args = ["--client-id", "zaakapp", "--secret", "s3cr3t-s3cr3t", "--all-autorisaties"]
    call_command("api_client", "create", "--gemeente", "GM0344", *args)
    with pytest.raises(CommandError, match="hoort al bij een applicatie"):
        call_command("api_client", "create", "--gemeente", "GM0014", *args)
    with pytest.raises(CommandError, match="Geen gemeente"):
        call_command(
            "api_client",
            "create",
            "--gemeente",
            "GM9999",
            "--client-id",
            "ander",
            "--secret",
            "x",
            "--all-autorisaties",
        )
    assert Application.objects.count() == 1


def test_all_case_data_grants_the_case_data_but_not_changing_applications(gemeente_a):
    from plus1.catalog.tests.factories import ZaakTypeFactory

    zaaktype = ZaakTypeFactory(published=True, tenant=gemeente_a)
    call_command(
        "api_client",
        "create",
        "--gemeente",
        "GM0344",
        "--client-id",
        "koppeling",
        "--secret",
        "s3cr3t-s3cr3t",
        "--all-case-data",
    )
    access, _secret = access_for_client_id("koppeling")
    assert not access.has_all
    assert access.has_scope("ac", "autorisaties.lezen")
    assert not access.has_scope("ac", "autorisaties.bijwerken")
    assert access.has_scope("nrc", "notificaties.consumeren")
    assert access.has_scope("ztc", "catalogi.schrijven")
    assert access.allows("zrc", "zaken.aanmaken", type_id=zaaktype.pk, confidentiality="zeer_geheim")


def test_one_kind_of_grant_is_chosen(gemeente_a):
    args = ["--gemeente", "GM0344", "--client-id", "x", "--secret", "s3cr3t-s3cr3t"]
    with pytest.raises(CommandError, match="one of the arguments"):
        call_command("api_client", "create", *args)
    with pytest.raises(CommandError, match="not allowed with"):
        call_command("api_client", "create", *args, "--all-case-data", "--all-autorisaties")
    assert Application.objects.count() == 0
