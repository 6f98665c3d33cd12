"""Worldline e-Commerce: SHA-IN/SHA-OUT signatures (against the Ogone documentation's vectors),
the hosted page's form, reading a return or notice, and refunds via maintenancedirect."""

import hashlib
from decimal import Decimal

import httpx
import pytest

from plus1.connectors import worldline

DOC_PASSPHRASE = "Mysecretsig1875!?"


def test_sha_in_matches_the_example_of_the_ogone_documentation():
    # The e-Commerce guide's example: AMOUNT=1500...PSPID=MyPSPID with passphrase Mysecretsig1875!?
    params = {"AMOUNT": "1500", "CURRENCY": "EUR", "LANGUAGE": "en_US", "ORDERID": "1234", "PSPID": "MyPSPID"}

    assert (
        worldline.sign(params, DOC_PASSPHRASE, algorithm="sha1") == "F4CC376CD7A834D997B91598FA747825A238BE0A"
    )


def test_sha_out_sorts_upper_cased_names_as_the_documented_feedback_example():
    # Feedback names arrive in mixed case (orderID, amount); they are upper-cased before sorting.
    params = {
        "currency": "EUR",
        "ACCEPTANCE": "1234",
        "amount": "15",
        "BRAND": "VISA",
        "CARDNO": "xxxxxxxxxxxx1111",
        "NCERROR": "0",
        "PAYID": "32100123",
        "PM": "CreditCard",
        "STATUS": "9",
        "orderID": "12",
    }

    assert (
        worldline.sign(params, DOC_PASSPHRASE, algorithm="sha1", only=worldline.SHA_OUT_PARAMETERS)
        == "B209960D5703DD1047F95A0F97655FFE5AC8BD52"
    )


def test_sha512_is_the_default_and_leaves_out_empty_values_and_shasign():
    params = {"ORDERID": "1234", "AMOUNT": "1500", "COM": "", "SHASIGN": "ignored"}
    text = f"AMOUNT=1500{DOC_PASSPHRASE}ORDERID=1234{DOC_PASSPHRASE}"
    expected = hashlib.sha512(text.encode()).hexdigest().upper()

    assert worldline.sign(params, DOC_PASSPHRASE) == expected
    assert len(expected) == 128


def test_an_unknown_algorithm_is_refused():
    with pytest.raises(worldline.WorldlineError):
        worldline.sign({"A": "1"}, "x", algorithm="md5")


def _request(**values):
    defaults = dict(
        pspid="PLUS1",
        orderid="P1ABC",
        amount=Decimal("62.50"),
        accept_url="https://loket.example.nl/betaald/",
        decline_url="https://loket.example.nl/geweigerd/",
        exception_url="https://loket.example.nl/fout/",
        cancel_url="https://loket.example.nl/geannuleerd/",
        description="Parkeervergunning",
        paramvar="utrecht",
    )
    return worldline.PaymentRequest(**(defaults | values))


def test_the_form_holds_the_amount_in_cents_and_a_sha_in_signature():
    fields = worldline.payment_form(_request(), sha_in="geheim")

    assert fields["AMOUNT"] == "6250"
    assert fields["PARAMVAR"] == "utrecht"
    assert fields["LANGUAGE"] == "nl_NL"
    unsigned = {name: value for name, value in fields.items() if name != "SHASIGN"}
    assert fields["SHASIGN"] == worldline.sign(unsigned, "geheim")


def test_cents_round_half_up():
    assert worldline.cents(Decimal("0.005")) == "1"
    assert worldline.cents(Decimal("10")) == "1000"


def _feedback(**values):
    fields = {
        "orderID": "P1ABC",
        "amount": "62.5",
        "currency": "EUR",
        "STATUS": "9",
        "PAYID": "3001",
        "PM": "iDEAL",
    }
    return worldline.feedback_params(fields | values, sha_out="uit")


def test_a_signed_answer_is_read():
    feedback = worldline.parse_feedback(_feedback(), sha_out="uit")

    assert (feedback.orderid, feedback.status, feedback.payid) == ("P1ABC", "9", "3001")
    assert feedback.amount == Decimal("62.50")
    assert feedback.outcome == worldline.Outcome.PAID


def test_the_signature_may_come_in_lower_case():
    params = _feedback()
    params["SHASIGN"] = params["SHASIGN"].lower()

    assert worldline.parse_feedback(params, sha_out="uit").status == "9"


@pytest.mark.parametrize("name, value", [("STATUS", "5"), ("amount", "0.01"), ("orderID", "P1OTHER")])
def test_a_changed_parameter_breaks_the_signature(name, value):
    params = _feedback()
    params[name] = value

    with pytest.raises(worldline.BadSignature):
        worldline.parse_feedback(params, sha_out="uit")


def test_a_missing_signature_or_passphrase_is_refused():
    params = _feedback()
    del params["SHASIGN"]
    with pytest.raises(worldline.BadSignature):
        worldline.parse_feedback(params, sha_out="uit")
    with pytest.raises(worldline.BadSignature):
        worldline.parse_feedback(_feedback(), sha_out="")


def test_parameters_outside_the_sha_out_list_are_not_trusted():
    params = _feedback()
    params["PARAMPLUS"] = "added-later"

    feedback = worldline.parse_feedback(params, sha_out="uit")

    assert "PARAMPLUS" not in feedback.params


def test_a_signed_answer_without_an_amount_is_refused():
    with pytest.raises(worldline.BadFeedback):
        worldline.parse_feedback(_feedback(amount=""), sha_out="uit")
    with pytest.raises(worldline.BadFeedback):
        worldline.parse_feedback(_feedback(amount="veel"), sha_out="uit")


@pytest.mark.parametrize(
    "status, outcome",
    [
        ("9", "paid"),
        ("5", "paid"),
        ("1", "cancelled"),
        ("2", "failed"),
        ("0", "failed"),
        ("93", "failed"),
        ("91", "pending"),
        ("41", "pending"),
    ],
)
def test_statuses_mean_paid_cancelled_failed_or_pending(status, outcome):
    assert worldline.outcome_of(status) == outcome


def _client(handler):
    return httpx.Client(transport=httpx.MockTransport(handler))


def test_a_refund_posts_a_signed_rfs_to_maintenancedirect():
    seen = {}

    def handler(request):
        seen["url"] = str(request.url)
        seen["fields"] = dict(httpx.QueryParams(request.content.decode()))
        return httpx.Response(
            200,
            text='<?xml version="1.0"?>'
            '<ncresponse orderID="P1ABC" PAYID="3001" PAYIDSUB="1" NCERROR="0" STATUS="8"/>',
        )

    result = worldline.refund(
        environment="test",
        pspid="PLUS1",
        user_id="api",
        password="pw",
        sha_in="in",
        payid="3001",
        amount=Decimal("62.50"),
        client=_client(handler),
    )

    assert seen["url"] == worldline.MAINTENANCE_ENDPOINTS["test"]
    fields = seen["fields"]
    assert (fields["OPERATION"], fields["AMOUNT"], fields["PAYID"]) == ("RFS", "6250", "3001")
    assert fields["SHASIGN"] == worldline.sign({k: v for k, v in fields.items() if k != "SHASIGN"}, "in")
    assert result.is_done and result.payid_sub == "1"


def test_a_pending_refund_is_not_done_yet():
    result = worldline.parse_refund_response('<ncresponse PAYID="3001" NCERROR="0" STATUS="81"/>')
    assert result.status == "81" and not result.is_done


@pytest.mark.parametrize(
    "text",
    [
        '<ncresponse PAYID="3001" NCERROR="50001127" NCERRORPLUS="unknown order" STATUS="0"/>',
        "<html>Service unavailable</html>",
        "not xml at all",
        '<!DOCTYPE x [<!ENTITY a "aaaa">]><ncresponse STATUS="8" NCERROR="0">&a;</ncresponse>',
    ],
)
def test_a_refused_or_unreadable_refund_answer_is_an_error(text):
    with pytest.raises(worldline.WorldlineError):
        worldline.parse_refund_response(text)


def test_an_unreachable_worldline_is_an_error():
    def handler(request):
        raise httpx.ConnectError("down")

    with pytest.raises(worldline.WorldlineError):
        worldline.refund(
            environment="live",
            pspid="P",
            user_id="u",
            password="p",
            sha_in="i",
            payid="1",
            amount=Decimal("1"),
            client=_client(handler),
        )
