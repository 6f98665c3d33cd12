"""Payments in the back office (issue 21): the teamleider's daily reconciliation, its CSV and a
refund with a reason. Nobody else sees them, and another gemeente's payment is "not found"."""

import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from plus1.cases.services import save_draft_answers, start_or_resume_draft
from plus1.catalog import services as catalog_services
from plus1.catalog.importer.loader import import_library
from plus1.catalog.models import ZaakType
from plus1.connectors.worldline import feedback_params
from plus1.connectors.worldline_simulator import passphrases
from plus1.core import clock
from plus1.payments import services as payment_services
from plus1.payments.constants import PaymentStatus
from plus1.payments.models import PaymentSettings, Refund

from .conftest import log_in

pytestmark = pytest.mark.django_db

SUZANNE = "999993653"
PSPID = "PLUS1SIM"


@pytest.fixture
def adoption_a(collective, gemeente_a, actor):
    import_library()
    zaaktype = ZaakType.objects.get(process__identificatie="parkeervergunning")
    ZaakType.objects.filter(pk=zaaktype.pk).update(
        fee_basis="fixed", fee_returned_on_withdrawal=True, fee_returned_on_rejection=True
    )
    PaymentSettings.objects.create(tenant=gemeente_a, provider="simulator", pspid=PSPID)
    return catalog_services.adopt_process(
        gemeente=gemeente_a, zaaktype=zaaktype, actor=actor, fee=Decimal("62.50")
    )


def _payment(gemeente, adoption, actor, *, status="9", bsn=SUZANNE):
    """A payment as the portal starts it, answered by the (simulated) provider with ``status``."""
    draft = start_or_resume_draft(tenant=gemeente, adoption=adoption, owner_bsn=bsn)
    tomorrow = (clock.today() + datetime.timedelta(days=1)).isoformat()
    save_draft_answers(
        draft=draft,
        answers={"kenteken": "AB-123-C", "auto_eigendom": "Van mij", "ingangsdatum": tomorrow},
    )
    url = "https://example.org/terug/"
    hosted = payment_services.start_payment(
        draft=draft,
        actor=actor,
        urls=payment_services.ReturnUrls(accept=url, decline=url, exception=url, cancel=url),
    )
    payment = hosted.payment
    if status:
        _sha_in, sha_out = passphrases(PSPID)
        fields = {
            "ORDERID": payment.reference,
            "STATUS": status,
            "PAYID": "3012345678",
            "AMOUNT": "62.5",
            "CURRENCY": "EUR",
            "PM": "iDEAL",
            "BRAND": "iDEAL",
            "NCERROR": "0",
        }
        payment = payment_services.handle_feedback(
            tenant=gemeente, params=feedback_params(fields, sha_out=sha_out), source="notice"
        )
    return payment


def _withdraw(zaak, actor):
    """Close the zaak as withdrawn at the resident's request (the process returns the fee then)."""
    from plus1.cases.services import close_zaak

    resultaattype = zaak.zaaktype.resultaattypen.filter(omschrijving__icontains="ingetrokken").first()
    resultaattype = resultaattype or zaak.zaaktype.resultaattypen.first()
    close_zaak(zaak=zaak, resultaattype=resultaattype, actor=actor, expected_version=None)


@pytest.fixture
def teamleider(client, teamleider_a):
    return log_in(client, teamleider_a)


def test_the_teamleider_sees_the_days_payments_with_totals_and_the_providers_reference(
    teamleider, gemeente_a, adoption_a, actor
):
    payment = _payment(gemeente_a, adoption_a, actor)

    page = teamleider.get(reverse("backoffice:payment-reconciliation"), {"dag": clock.today().isoformat()})

    assert page.status_code == 200
    assert payment.reference in page.text and "3012345678" in page.text
    assert payment.zaak.identificatie in page.text
    assert reverse("backoffice:zaak-detail", args=[payment.zaak.identificatie]) in page.text
    assert "€ 62,50" in page.text
    assert page.context["report"].total_paid == Decimal("62.50")


def test_another_day_has_no_payments(teamleider, gemeente_a, adoption_a, actor):
    _payment(gemeente_a, adoption_a, actor)

    page = teamleider.get(reverse("backoffice:payment-reconciliation"), {"dag": "2030-01-01"})

    assert page.status_code == 200 and "Op deze dag zijn er geen betalingen." in page.text


@pytest.mark.parametrize("day", ["gisteren", "9999-12-31", "0001-01-01", "2026-02-30"])
def test_a_bad_day_is_a_dutch_form_error(teamleider, gemeente_a, day):
    page = teamleider.get(reverse("backoffice:payment-reconciliation"), {"dag": day})
    csv = teamleider.get(reverse("backoffice:payment-reconciliation-csv"), {"dag": day})

    assert page.status_code == 400 and 'class="form-field__error"' in page.text
    assert csv.status_code == 400


def test_the_csv_lists_the_payments_of_the_day(teamleider, gemeente_a, adoption_a, actor):
    payment = _payment(gemeente_a, adoption_a, actor)

    response = teamleider.get(
        reverse("backoffice:payment-reconciliation-csv"), {"dag": clock.today().isoformat()}
    )

    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert payment.reference in response.content.decode()


def test_a_payment_of_another_gemeente_is_not_found(
    client, gemeente_a, gemeente_b, adoption_a, actor, team_b
):
    from .conftest import make_employee

    payment = _payment(gemeente_a, adoption_a, actor)
    other = make_employee("teamleider-b", gemeente=gemeente_b, role="teamleider", team=team_b, actor=actor)
    log_in(client, other)

    page = client.get(reverse("backoffice:payment-reconciliation"), {"dag": clock.today().isoformat()})
    refund = client.get(reverse("backoffice:payment-refund", args=[payment.uuid]))

    assert payment.reference not in page.text
    assert refund.status_code == 404


def test_a_behandelaar_sees_no_payments_and_cannot_refund(
    client, behandelaar_a, gemeente_a, adoption_a, actor
):
    payment = _payment(gemeente_a, adoption_a, actor)
    _withdraw(payment.zaak, actor)
    log_in(client, behandelaar_a)

    assert client.get(reverse("backoffice:payment-reconciliation")).status_code == 403
    assert client.get(reverse("backoffice:payment-reconciliation-csv")).status_code == 403
    refund_url = reverse("backoffice:payment-refund", args=[payment.uuid])
    assert client.get(refund_url).status_code == 403
    assert client.post(refund_url, {"reason": "Ingetrokken"}).status_code == 403
    assert not Refund.objects.exists()


def test_without_log_in_the_pages_ask_to_log_in(client, gemeente_a, adoption_a, actor):
    payment = _payment(gemeente_a, adoption_a, actor)

    for url in (
        reverse("backoffice:payment-reconciliation"),
        reverse("backoffice:payment-reconciliation-csv"),
        reverse("backoffice:payment-refund", args=[payment.uuid]),
    ):
        assert client.get(url).status_code == 302


def test_the_teamleider_refunds_a_withdrawn_request_after_confirming_with_a_reason(
    teamleider, gemeente_a, adoption_a, actor
):
    payment = _payment(gemeente_a, adoption_a, actor)
    _withdraw(payment.zaak, actor)
    url = reverse("backoffice:payment-refund", args=[payment.uuid])

    confirm = teamleider.get(url)
    without_reason = teamleider.post(url, {"reason": "   "})
    done = teamleider.post(url, {"reason": "Aanvraag ingetrokken op verzoek van de aanvrager."})

    assert confirm.status_code == 200 and "Ja, betaal € 62,50 terug" in confirm.text
    assert without_reason.status_code == 400 and "Vul de reden" in without_reason.text
    assert done.status_code == 302
    assert done["Location"].startswith(reverse("backoffice:payment-reconciliation"))
    refund = Refund.objects.get()
    assert refund.reason == "Aanvraag ingetrokken op verzoek van de aanvrager."
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.REFUNDED


def test_a_refund_of_a_zaak_still_in_progress_is_refused_with_a_dutch_message(
    teamleider, gemeente_a, adoption_a, actor
):
    payment = _payment(gemeente_a, adoption_a, actor)

    response = teamleider.post(
        reverse("backoffice:payment-refund", args=[payment.uuid]), {"reason": "Per ongeluk betaald"}
    )

    assert response.status_code == 400 and 'class="alert alert--error"' in response.text
    assert not Refund.objects.exists()


def test_a_refund_without_a_csrf_token_is_refused(teamleider_a, gemeente_a, adoption_a, actor):
    payment = _payment(gemeente_a, adoption_a, actor)
    _withdraw(payment.zaak, actor)
    client = log_in(Client(enforce_csrf_checks=True), teamleider_a)

    response = client.post(
        reverse("backoffice:payment-refund", args=[payment.uuid]), {"reason": "Ingetrokken"}
    )

    assert response.status_code == 403 and not Refund.objects.exists()


def test_an_unknown_payment_is_not_found(teamleider):
    url = reverse("backoffice:payment-refund", args=["00000000-0000-4000-8000-000000000000"])

    assert teamleider.get(url).status_code == 404
