"""The Worldline simulator: the same protocol as Worldline (a signed form in, signed answers out),
with the tester's choice of outcome and of when the server-to-server notice arrives."""

from decimal import Decimal
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.urls import reverse

from plus1.connectors import worldline, worldline_simulator

pytestmark = pytest.mark.django_db

PSPID = "PLUS1SIM"
SHA_IN, SHA_OUT = worldline_simulator.passphrases(PSPID)


@pytest.fixture
def notices(monkeypatch):
    sent = []
    monkeypatch.setattr(
        worldline_simulator,
        "send_notice",
        lambda url, params, *, delay=0.0, times=1: sent.append((url, dict(params), delay, times)),
    )
    return sent


def _form(**values) -> dict[str, str]:
    request = worldline.PaymentRequest(
        pspid=PSPID,
        orderid="P1SIMTEST",
        amount=Decimal("62.50"),
        accept_url="http://testserver/utrecht/betalen/betaald/",
        decline_url="http://testserver/utrecht/betalen/geweigerd/",
        exception_url="http://testserver/utrecht/betalen/fout/",
        cancel_url="http://testserver/utrecht/betalen/geannuleerd/",
        description="Parkeervergunning aanvragen",
        title="Gemeente Utrecht",
        paramvar="utrecht",
    )
    return worldline.payment_form(request, sha_in=SHA_IN) | values


def _decide(client, choice, notice="now", **changes):
    return client.post(
        reverse("worldline-simulator:decide"), {**_form(), **changes, "choice": choice, "notice": notice}
    )


def _returned(response) -> tuple[str, dict[str, str]]:
    location = urlsplit(response["Location"])
    return f"{location.scheme}://{location.netloc}{location.path}", dict(parse_qsl(location.query))


def test_the_payment_page_shows_amount_reference_and_the_four_choices(client):
    page = client.post(reverse("worldline-simulator:pay"), _form())

    assert page.status_code == 200
    text = page.content.decode()
    assert "U betaalt € 62,50" in text and "P1SIMTEST" in text
    for label in ("Betalen met iDEAL", "Annuleren", "Betaling mislukt", "Laten verlopen"):
        assert label in text
    assert "<script" not in text


def test_a_form_with_a_changed_amount_is_refused(client, notices):
    page = client.post(reverse("worldline-simulator:pay"), _form(AMOUNT="1"))

    assert page.status_code == 400
    assert "SHASIGN" in page.content.decode()
    assert _decide(client, "pay", AMOUNT="1").status_code == 400
    assert notices == []


def test_a_form_signed_with_another_passphrase_is_refused(client):
    fields = _form()
    fields["SHASIGN"] = worldline.sign({k: v for k, v in fields.items() if k != "SHASIGN"}, "other")

    assert client.post(reverse("worldline-simulator:pay"), fields).status_code == 400


def test_paying_returns_to_the_accept_url_with_a_sha_out_signed_answer_and_sends_the_notice(client, notices):
    response = _decide(client, "pay")

    url, params = _returned(response)
    assert response.status_code == 302 and url.endswith("/betaald/")
    feedback = worldline.parse_feedback(params, sha_out=SHA_OUT)
    assert (feedback.orderid, feedback.status, feedback.amount) == ("P1SIMTEST", "9", Decimal("62.5"))
    assert feedback.method == "iDEAL iDEAL"
    [(notice_url, notice_params, delay, times)] = notices
    assert notice_url == "http://testserver/utrecht/betalen/melding/"
    assert notice_params == params and (delay, times) == (0.0, 1)


@pytest.mark.parametrize(
    "choice, status, ending", [("cancel", "1", "/geannuleerd/"), ("fail", "2", "/geweigerd/")]
)
def test_cancel_and_fail_return_to_their_urls(client, notices, choice, status, ending):
    url, params = _returned(_decide(client, choice))

    assert url.endswith(ending)
    assert worldline.parse_feedback(params, sha_out=SHA_OUT).status == status


def test_letting_it_expire_sends_nothing(client, notices):
    page = _decide(client, "expire")

    assert page.status_code == 200 and "verlopen" in page.content.decode()
    assert notices == []


def test_a_late_notice_comes_after_the_return(client, notices, settings):
    settings.WORLDLINE_SIMULATOR_LATE_SECONDS = 7

    assert _decide(client, "pay", notice="late").status_code == 302
    assert notices[0][2] == 7


def test_the_notice_can_come_twice_or_not_at_all(client, notices):
    _decide(client, "pay", notice="twice")
    _decide(client, "pay", notice="none")

    assert [times for _url, _params, _delay, times in notices] == [2]


def test_only_the_notice_when_the_resident_closes_the_window(client, notices):
    page = _decide(client, "pay", notice="only")

    assert page.status_code == 200 and "venster sluiten" in page.content.decode()
    assert len(notices) == 1


def test_an_unknown_choice_is_refused(client, notices):
    assert _decide(client, "steal").status_code == 400
    assert _decide(client, "pay", notice="sometimes").status_code == 400
    assert notices == []


def test_the_passphrases_depend_on_the_pspid():
    assert worldline_simulator.passphrases("A") != worldline_simulator.passphrases("B")
    sha_in, sha_out = worldline_simulator.passphrases("A")
    assert sha_in != sha_out


def test_no_notice_url_without_a_plain_paramvar(rf):
    request = rf.post("/")
    assert worldline_simulator.notice_url(request, {"PARAMVAR": "../admin"}) == ""
    assert worldline_simulator.notice_url(request, {}) == ""
