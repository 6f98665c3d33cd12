"""A gemeente's provider settings: secrets encrypted at rest and never shown back, the simulator
refused where simulators are off (admin, run time and deploy check plus1.E004)."""

import pytest
from django.db import connection
from django.test import override_settings
from django.urls import reverse

from plus1.accounts.constants import Role
from plus1.accounts.models import Membership
from plus1.audit.models import AuditEntry
from plus1.core.testing import log_in_to_admin
from plus1.payments import checks
from plus1.payments.fields import decrypt, encrypt
from plus1.payments.models import PaymentSettings
from plus1.payments.tests.factories import simulator_settings, worldline_settings

pytestmark = pytest.mark.django_db


def _stored(column: str, pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM payments_paymentsettings WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()[0]


def test_passphrases_are_encrypted_in_the_database(gemeente_a):
    row = worldline_settings(gemeente_a)

    for column, clear in (
        ("sha_in", row.sha_in),
        ("sha_out", row.sha_out),
        ("api_password", "api-wachtwoord"),
    ):
        stored = _stored(column, row.pk)
        assert stored.startswith("fernet:") and clear not in stored
    assert PaymentSettings.objects.get(pk=row.pk).sha_out == row.sha_out


def test_a_rotated_key_still_reads_old_values(settings):
    from cryptography.fernet import Fernet

    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEY = old
    token = encrypt("geheim")
    settings.FIELD_ENCRYPTION_KEY = f"{new},{old}"
    assert decrypt(token) == "geheim"


@pytest.fixture
def beheerder(client, gemeente_a, django_user_model):
    user = django_user_model.objects.create_user(
        username="beheer", password="correct-horse-battery-9", is_staff=True
    )
    Membership.objects.create(tenant=gemeente_a, user=user, role=Role.BEHEERDER)
    return log_in_to_admin(client, user)


def _form(gemeente, **values):
    return {
        "tenant": gemeente.pk,
        "provider": "worldline",
        "environment": "test",
        "pspid": "UTRECHT01",
        "api_user": "api",
        "expiry_hours": "72",
        "is_active": "on",
        "sha_in": "",
        "sha_out": "",
        "api_password": "",
    } | values


def test_the_beheerder_sets_secrets_that_are_never_shown_back(beheerder, gemeente_a):
    add = reverse("admin:payments_paymentsettings_add")
    response = beheerder.post(
        add, _form(gemeente_a, sha_in="zin-in-123", sha_out="zin-uit-456", api_password="pw-789")
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    row = PaymentSettings.objects.get(tenant=gemeente_a)

    page = beheerder.get(reverse("admin:payments_paymentsettings_change", args=[row.pk])).content.decode()
    for secret in ("zin-in-123", "zin-uit-456", "pw-789", "fernet:"):
        assert secret not in page
    entry = AuditEntry.objects.get(action="payment_settings_created")
    assert "zin-in-123" not in str(entry.after) and entry.after["secrets_changed"] == [
        "sha_in",
        "sha_out",
        "api_password",
    ]


def test_an_empty_secret_field_keeps_the_stored_value(beheerder, gemeente_a):
    row = worldline_settings(gemeente_a)
    change = reverse("admin:payments_paymentsettings_change", args=[row.pk])

    response = beheerder.post(change, _form(gemeente_a, pspid="NIEUW", sha_out="nieuwe-uit"))

    assert response.status_code == 302
    row.refresh_from_db()
    assert (row.pspid, row.sha_in, row.sha_out, row.api_password) == (
        "NIEUW",
        "Mysecretsig1875!?-in",
        "nieuwe-uit",
        "api-wachtwoord",
    )


def test_worldline_needs_its_passphrases(beheerder, gemeente_a):
    response = beheerder.post(reverse("admin:payments_paymentsettings_add"), _form(gemeente_a))

    assert response.status_code == 200 and not PaymentSettings.objects.exists()


def test_another_gemeentes_settings_are_not_there_for_the_beheerder(beheerder, gemeente_b):
    row = worldline_settings(gemeente_b)

    assert beheerder.get(reverse("admin:payments_paymentsettings_change", args=[row.pk])).status_code in (
        302,
        403,
        404,
    )
    response = beheerder.post(
        reverse("admin:payments_paymentsettings_add"), _form(gemeente_b, sha_in="a", sha_out="b")
    )
    assert response.status_code == 200 and PaymentSettings.objects.count() == 1


def test_the_simulator_cannot_be_chosen_where_simulators_are_off(beheerder, gemeente_a):
    with override_settings(DIGID_MOCK=False):
        response = beheerder.post(
            reverse("admin:payments_paymentsettings_add"), _form(gemeente_a, provider="simulator")
        )

    assert response.status_code == 200 and "simulator" in response.content.decode()
    assert not PaymentSettings.objects.exists()


def test_the_deploy_check_names_gemeenten_on_the_simulator(gemeente_a):
    simulator_settings(gemeente_a)

    assert checks.check_no_simulator_provider() == []  # simulators on: the demo
    with override_settings(DIGID_MOCK=False):
        [error] = checks.check_no_simulator_provider()
    assert error.id == "plus1.E004" and gemeente_a.name in error.msg


def test_the_beheerder_reads_the_providers_messages_of_the_own_gemeente_only(
    beheerder, gemeente_a, gemeente_b
):
    from plus1.payments.models import PaymentEvent

    PaymentEvent.objects.create(tenant=gemeente_a, source="notice", reference="P1EIGEN", outcome="paid")
    PaymentEvent.objects.create(tenant=gemeente_b, source="notice", reference="P1ANDER", outcome="paid")

    page = beheerder.get(reverse("admin:payments_paymentevent_changelist")).content.decode()

    assert "P1EIGEN" in page and "P1ANDER" not in page
    assert beheerder.get(reverse("admin:payments_paymentevent_add")).status_code == 403
