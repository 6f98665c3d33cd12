"""Paying leges in the portal (issue 21): the summary leads to the provider, the way back and the
provider's notice decide by signature only, and an unpaid request waits in Mijn zaken."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.urls import reverse

from plus1.cases.models import RequestDraft, Zaak
from plus1.catalog import services as catalog_services
from plus1.catalog.importer.loader import import_library
from plus1.catalog.models import ZaakType
from plus1.connectors.worldline import ENDPOINTS, feedback_params
from plus1.core import clock
from plus1.payments.constants import PaymentStatus
from plus1.payments.models import Payment, PaymentSettings

pytestmark = pytest.mark.django_db

SUZANNE = "999993653"
OTHER_RESIDENT = "999990019"
SHA_IN, SHA_OUT = "een-geheime-zin-voor-sha-in", "een-andere-zin-voor-sha-out"


@pytest.fixture
def parkeervergunning(collective, gemeente_a, actor):
    import_library()
    zaaktype = ZaakType.objects.get(process__identificatie="parkeervergunning")
    ZaakType.objects.filter(pk=zaaktype.pk).update(fee_basis="fixed")
    return catalog_services.adopt_process(
        gemeente=gemeente_a, zaaktype=zaaktype, actor=actor, fee=Decimal("62.50")
    )


@pytest.fixture
def worldline(gemeente_a):
    return PaymentSettings.objects.create(
        tenant=gemeente_a,
        provider="worldline",
        environment="test",
        pspid="PLUS1TEST",
        sha_in=SHA_IN,
        sha_out=SHA_OUT,
    )


@pytest.fixture
def resident(client):
    client.force_login(get_user_model().digid_objects.digid_create(SUZANNE))
    return client


def _url(gemeente, name, *args):
    return reverse(f"portal:{name}", args=[gemeente.slug, *args])


def _summary_url(gemeente):
    return _url(gemeente, "request-summary", "parkeervergunning")


def _fill_in(client, gemeente) -> RequestDraft:
    client.get(_url(gemeente, "request-start", "parkeervergunning"))
    tomorrow = (clock.today() + datetime.timedelta(days=1)).isoformat()
    step = _url(gemeente, "request-step", "parkeervergunning", 1)
    client.post(step, {"kenteken": "AB-123-C", "auto_eigendom": "Van mij", "volgende": ""})
    client.post(step.replace("/1/", "/2/"), {"ingangsdatum": tomorrow, "volgende": ""})
    client.post(step.replace("/1/", "/3/"), {"telefoonnummer": "0612345678", "volgende": ""})
    return RequestDraft.objects.get(owner_bsn=SUZANNE)


def _start(client, gemeente):
    draft = _fill_in(client, gemeente)
    page = client.post(_summary_url(gemeente), {"draft": draft.uuid, "confirm_to": "suzanne@example.org"})
    assert page.status_code == 200, page.content
    return page, Payment.objects.get(draft=draft)


def _feedback(payment, *, status="9", amount="62.5", **extra):
    fields = {
        "ORDERID": payment.reference,
        "STATUS": status,
        "PAYID": "3011234567",
        "AMOUNT": amount,
        "CURRENCY": "EUR",
        "PM": "iDEAL",
        "BRAND": "iDEAL",
        "NCERROR": "0",
        **extra,
    }
    return feedback_params(fields, sha_out=SHA_OUT)


def test_the_product_page_says_the_fee_is_paid_online(client, gemeente_a, parkeervergunning, worldline):
    page = client.get(_url(gemeente_a, "product-detail", parkeervergunning.zaaktype.product.slug))

    assert "62,50" in page.text
    assert "U betaalt online met iDEAL" in page.text


def test_without_a_payment_provider_the_request_is_sent_as_before(
    client, gemeente_a, parkeervergunning, resident
):
    draft = _fill_in(client, gemeente_a)
    assert "Versturen" in client.get(_summary_url(gemeente_a)).text

    sent = client.post(_summary_url(gemeente_a), {"draft": draft.uuid})

    assert sent.status_code == 302 and Zaak.objects.count() == 1
    assert not Payment.objects.exists()
    assert (
        "U betaalt online"
        not in client.get(_url(gemeente_a, "product-detail", parkeervergunning.zaaktype.product.slug)).text
    )


def test_the_summary_leads_to_the_payment_page_and_nothing_is_sent_yet(
    client, gemeente_a, parkeervergunning, worldline, resident
):
    _fill_in(client, gemeente_a)
    assert "Verder naar betalen (€ 62,50)" in client.get(_summary_url(gemeente_a)).text

    page, payment = _start(client, gemeente_a)

    assert "U betaalt € 62,50 aan gemeente" in page.text
    assert f'action="{ENDPOINTS["test"]}"' in page.text
    assert 'name="SHASIGN"' in page.text and payment.reference in page.text
    assert "ogone.test.v-psp.com" in page["Content-Security-Policy"], "the form may post to the provider"
    assert payment.status == PaymentStatus.OPEN and payment.amount == Decimal("62.50")
    assert not Zaak.objects.exists()


def test_a_paid_return_sends_the_request_once_and_shows_betaald_op(
    client, gemeente_a, parkeervergunning, worldline, resident
):
    _page, payment = _start(client, gemeente_a)
    params = _feedback(payment)

    back = client.get(_url(gemeente_a, "payment-return", "betaald"), params)
    again = client.get(_url(gemeente_a, "payment-return", "betaald"), params)

    zaak = Zaak.objects.get()
    assert back.status_code == 302 and again.status_code == 302
    assert back["Location"] == _url(gemeente_a, "my-zaak-detail", zaak.identificatie)
    assert zaak.betalingsindicatie == "geheel" and zaak.laatste_betaaldatum is not None
    detail = client.get(back["Location"])
    assert f"Uw zaaknummer is {zaak.identificatie}" in detail.text
    assert "Betaald op" in detail.text and "62,50" in detail.text


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(lambda p: p | {"STATUS": "9", "SHASIGN": "0" * 128}, id="forged-signature"),
        pytest.param(lambda p: p | {"AMOUNT": "0.01"}, id="amount-changed-after-signing"),
        pytest.param(lambda p: p | {"STATUS": "5"}, id="status-changed-after-signing"),
        pytest.param(lambda p: {k: v for k, v in p.items() if k != "SHASIGN"}, id="no-signature"),
    ],
)
def test_tampered_return_parameters_are_refused_and_nothing_is_paid(
    client, gemeente_a, parkeervergunning, worldline, resident, tamper
):
    _page, payment = _start(client, gemeente_a)
    params = tamper(_feedback(payment, status="1"))

    back = client.get(_url(gemeente_a, "payment-return", "betaald"), params)

    assert back.status_code == 400
    assert "Er is niets betaald" in back.text
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.OPEN and not Zaak.objects.exists()


def test_a_signed_amount_that_differs_from_the_fee_is_refused(
    client, gemeente_a, parkeervergunning, worldline, resident
):
    _page, payment = _start(client, gemeente_a)

    back = client.get(_url(gemeente_a, "payment-return", "betaald"), _feedback(payment, amount="0.01"))

    assert back.status_code == 400
    payment.refresh_from_db()
    assert payment.status != PaymentStatus.PAID and not Zaak.objects.exists()


def test_an_unknown_reference_is_refused(client, gemeente_a, parkeervergunning, worldline, resident):
    _page, payment = _start(client, gemeente_a)
    payment.reference = "PLUS1-ONBEKEND"

    back = client.get(_url(gemeente_a, "payment-return", "betaald"), _feedback(payment))

    assert back.status_code == 400 and not Zaak.objects.exists()


def test_a_reused_reference_with_another_provider_payment_is_refused(
    client, gemeente_a, parkeervergunning, worldline, resident
):
    _page, payment = _start(client, gemeente_a)
    client.get(_url(gemeente_a, "payment-return", "betaald"), _feedback(payment))

    reused = client.get(_url(gemeente_a, "payment-return", "betaald"), _feedback(payment, PAYID="3019999999"))

    assert reused.status_code == 400 and "al gebruikt" in reused.text
    assert Zaak.objects.count() == 1
    payment.refresh_from_db()
    assert payment.provider_reference == "3011234567"


def test_another_gemeentes_reference_is_unknown_here(
    client, gemeente_a, gemeente_b, parkeervergunning, worldline, resident
):
    _page, payment = _start(client, gemeente_a)
    PaymentSettings.objects.create(
        tenant=gemeente_b, provider="worldline", pspid="ANDERE", sha_in=SHA_IN, sha_out=SHA_OUT
    )

    back = client.get(_url(gemeente_b, "payment-return", "betaald"), _feedback(payment))

    assert back.status_code == 400 and not Zaak.objects.exists()


def test_an_unknown_way_back_is_not_found(client, gemeente_a, parkeervergunning, worldline, resident):
    _page, payment = _start(client, gemeente_a)

    assert client.get(_url(gemeente_a, "payment-return", "elders"), _feedback(payment)).status_code == 404


def test_a_cancelled_payment_keeps_the_request_and_can_be_paid_later_from_mijn_zaken(
    client, gemeente_a, parkeervergunning, worldline, resident
):
    _page, payment = _start(client, gemeente_a)

    back = client.get(_url(gemeente_a, "payment-return", "geannuleerd"), _feedback(payment, status="1"))

    assert back.status_code == 200
    assert "U heeft niet betaald" in back.text and "U kunt later betalen, tot" in back.text
    mijn_zaken = client.get(_url(gemeente_a, "my-zaken"))
    assert "Nog te betalen" in mijn_zaken.text and "€ 62,50" in mijn_zaken.text
    again = client.post(_url(gemeente_a, "payment-start", payment.draft.uuid))
    assert again.status_code == 200 and "U betaalt € 62,50" in again.text
    newest = Payment.objects.exclude(pk=payment.pk).get()
    assert newest.reference != payment.reference, "a reference is never reused"
    assert client.get(_url(gemeente_a, "payment-return", "betaald"), _feedback(newest)).status_code == 302
    zaak = Zaak.objects.get()
    assert zaak.rollen.get().name == "Suzanne Moulin", "the name from the BRP, given at the summary"
    assert zaak.rollen.get().email == "suzanne@example.org"
    assert "Nog te betalen" not in client.get(_url(gemeente_a, "my-zaken")).text


def test_an_expired_request_gets_a_clear_message_and_paying_again_starts_a_new_period(
    client, gemeente_a, parkeervergunning, worldline, resident
):
    _page, payment = _start(client, gemeente_a)
    Payment.objects.filter(pk=payment.pk).update(expires_at=clock.now() - datetime.timedelta(hours=1))

    mijn_zaken = client.get(_url(gemeente_a, "my-zaken"))

    assert "De tijd om te betalen is voorbij" in mijn_zaken.text and "Opnieuw betalen" in mijn_zaken.text
    again = client.post(_url(gemeente_a, "payment-start", payment.draft.uuid))
    assert again.status_code == 200
    assert Payment.objects.exclude(pk=payment.pk).get().expires_at > clock.now()


def test_nobody_pays_for_someone_elses_request(client, gemeente_a, parkeervergunning, worldline, resident):
    _page, payment = _start(client, gemeente_a)
    client.force_login(get_user_model().digid_objects.digid_create(OTHER_RESIDENT))

    assert client.post(_url(gemeente_a, "payment-start", payment.draft.uuid)).status_code == 404
    assert "Nog te betalen" not in client.get(_url(gemeente_a, "my-zaken")).text


def test_paying_later_needs_a_log_in(client, gemeente_a, parkeervergunning, worldline, resident):
    _page, payment = _start(client, gemeente_a)
    client.logout()

    response = client.post(_url(gemeente_a, "payment-start", payment.draft.uuid))

    assert response.status_code == 302 and "inloggen" in response["Location"]


def test_the_return_without_a_session_still_records_the_payment(
    client, gemeente_a, parkeervergunning, worldline, resident
):
    _page, payment = _start(client, gemeente_a)
    client.logout()

    back = client.get(_url(gemeente_a, "payment-return", "betaald"), _feedback(payment))

    assert back.status_code == 200 and "Wij hebben uw betaling van € 62,50 ontvangen" in back.text
    zaak = Zaak.objects.get()
    assert zaak.identificatie not in back.text, "only the owner sees the zaaknummer"


def test_the_providers_notice_sends_the_request_once(
    client, gemeente_a, parkeervergunning, worldline, resident
):
    _page, payment = _start(client, gemeente_a)
    notice = reverse("portal:payment-notice", args=[gemeente_a.slug])
    client.logout()

    first = client.post(notice, _feedback(payment))
    second = client.post(notice, _feedback(payment))

    assert first.status_code == 200 and first.text == "OK" and second.status_code == 200
    assert Zaak.objects.count() == 1


def test_a_notice_with_a_bad_signature_is_a_400_and_nothing_is_paid(
    client, gemeente_a, parkeervergunning, worldline, resident
):
    _page, payment = _start(client, gemeente_a)
    forged = _feedback(payment) | {"SHASIGN": "A" * 128}

    response = client.post(reverse("portal:payment-notice", args=[gemeente_a.slug]), forged)

    assert response.status_code == 400 and response["Content-Type"].startswith("text/plain")
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.OPEN and not Zaak.objects.exists()


def test_the_notice_takes_only_posts_without_a_csrf_token(client, gemeente_a, parkeervergunning, worldline):
    notice = reverse("portal:payment-notice", args=[gemeente_a.slug])

    assert client.get(notice).status_code == 405


@override_settings(PLUS1_RATELIMIT_PAYMENT_NOTICE="2/m")
def test_notices_are_rate_limited(client, gemeente_a, worldline):
    notice = reverse("portal:payment-notice", args=[gemeente_a.slug])

    answers = [client.post(notice, {"ORDERID": "X", "SHASIGN": "Y"}).status_code for _ in range(3)]

    assert answers == [400, 400, 429]
