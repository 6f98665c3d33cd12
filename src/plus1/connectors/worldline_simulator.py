"""A local Worldline hosted payment page for the demo and the tests: the same protocol, no money.

It takes the form ``connectors.worldline.payment_form`` builds, checks its SHASIGN with the
simulator's SHA-IN passphrase, and lets the tester choose: "Betalen met iDEAL", "Annuleren",
"Betaling mislukt" or "Laten verlopen". It then sends the resident to the matching return URL
with SHA-OUT signed parameters, exactly as Worldline does, and posts the server-to-server
notice to ``<this host>/<PARAMVAR>/betalen/melding/`` (Worldline's back-office URL with its
variable part): at once, late (after ``WORLDLINE_SIMULATOR_LATE_SECONDS``), twice, or not at
all; or only the notice, as when the resident closes the browser after paying.

The simulator has no back office, so its passphrases are derived from ``SECRET_KEY`` and the
PSPID (``passphrases``): ``payments`` uses them for a gemeente whose provider is "simulator".
Only mounted while ``PLUS1_DIGID_MOCK`` is on (``is_enabled``); ``payments`` refuses the
provider "simulator" everywhere else.
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

import httpx
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.http import urlencode
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import worldline

logger = logging.getLogger(__name__)

TEMPLATE = "connectors/worldline_simulator/page.html"
DONE_TEMPLATE = "connectors/worldline_simulator/done.html"
NOTICE_PATH = "/{paramvar}/betalen/melding/"
NOTICE_TIMEOUT = 10.0
# The form fields the simulator reads; the rest of a posted form is ignored (but signed).
FORM_FIELDS = (
    "PSPID",
    "ORDERID",
    "AMOUNT",
    "CURRENCY",
    "ACCEPTURL",
    "DECLINEURL",
    "EXCEPTIONURL",
    "CANCELURL",
)

# choice -> (Worldline STATUS, NCERROR, which return URL)
CHOICES = {
    "pay": ("9", "0", "ACCEPTURL"),
    "cancel": ("1", "0", "CANCELURL"),
    "fail": ("2", "30001001", "DECLINEURL"),
}
NOTICE_CHOICES = ("now", "late", "twice", "none", "only")


def is_enabled() -> bool:
    """The simulators are on (demo, development, tests): the only place the simulator exists."""
    return bool(getattr(settings, "DIGID_MOCK", False))


def passphrases(pspid: str) -> tuple[str, str]:
    """The simulator's SHA-IN and SHA-OUT passphrases for this PSPID (its "back office")."""
    sha_in = salted_hmac("plus1.worldline_simulator.sha_in", pspid, algorithm="sha256").hexdigest()
    sha_out = salted_hmac("plus1.worldline_simulator.sha_out", pspid, algorithm="sha256").hexdigest()
    return sha_in, sha_out


def _checked_form(params: Mapping[str, str]) -> dict[str, str] | None:
    """The posted payment form when complete and signed with the simulator's SHA-IN, else None."""
    fields = {name.upper(): value for name, value in params.items() if name.upper() != "CHOICE"}
    fields.pop("NOTICE", None)
    fields.pop("CSRFMIDDLEWARETOKEN", None)
    if any(not fields.get(name) for name in FORM_FIELDS):
        return None
    sha_in, _sha_out = passphrases(fields["PSPID"])
    given = fields.get("SHASIGN", "").upper()
    expected = worldline.sign(fields, sha_in).encode("ascii")
    if not given or not secrets.compare_digest(given.encode("utf-8", "surrogatepass"), expected):
        return None
    try:
        amount = Decimal(fields["AMOUNT"]) / 100
    except InvalidOperation:
        return None
    fields["_AMOUNT"] = f"{amount:.2f}".replace(".", ",")  # shown as Dutch money: € 62,50
    return fields


def feedback_for(fields: Mapping[str, str], *, status: str, ncerror: str = "0") -> dict[str, str]:
    """The signed parameters Worldline would send back for this payment form and outcome."""
    _sha_in, sha_out = passphrases(fields["PSPID"])
    paid = status in ("5", "9")
    params = {
        "orderID": fields["ORDERID"],
        "currency": fields["CURRENCY"],
        "amount": format(Decimal(fields["AMOUNT"]) / 100, "f").rstrip("0").rstrip(".") or "0",
        "PM": "iDEAL",
        "ACCEPTANCE": f"SIM{secrets.randbelow(10**6):06d}" if paid else "",
        "STATUS": status,
        "CARDNO": "NL00SIMU0000000000" if paid else "",
        "CN": "Test Betaler" if paid else "",
        "TRXDATE": timezone.localdate().strftime("%m/%d/%y"),
        "PAYID": str(3_000_000_000 + secrets.randbelow(10**9)),
        "NCERROR": ncerror,
        "BRAND": "iDEAL",
        "IP": "127.0.0.1",
    }
    return worldline.feedback_params(
        {name: value for name, value in params.items() if value}, sha_out=sha_out
    )


def notice_url(request: HttpRequest, fields: Mapping[str, str]) -> str:
    """Where the notice goes: this host, the path Worldline's back office is set to (PARAMVAR)."""
    paramvar = fields.get("PARAMVAR", "")
    if not paramvar or not paramvar.replace("-", "").isalnum():
        return ""
    return request.build_absolute_uri(NOTICE_PATH.format(paramvar=paramvar))


def post_notice(url: str, params: Mapping[str, str]) -> int | None:
    """Post one server-to-server notice, as Worldline does; returns the answer's status code."""
    try:
        return httpx.post(url, data=dict(params), timeout=NOTICE_TIMEOUT).status_code
    except httpx.HTTPError as exc:
        logger.warning("Worldline simulator: the notice to %s failed (%s)", url, exc.__class__.__name__)
        return None


def send_notice(url: str, params: Mapping[str, str], *, delay: float = 0.0, times: int = 1) -> None:
    """Post the notice from a thread of its own (after ``delay`` seconds), so the redirect never waits.

    A thread, because the notice goes to this same server: posting it inside the request
    would hang a server with a single worker.
    """

    def deliver() -> None:
        if delay:
            time.sleep(delay)
        for _ in range(times):
            post_notice(url, params)

    threading.Thread(target=deliver, name="worldline-simulator-notice", daemon=True).start()


def _bad_request(request: HttpRequest) -> HttpResponse:
    return render(request, DONE_TEMPLATE, {"title": "Ongeldig betaalverzoek", "bad": True}, status=400)


@csrf_exempt  # the gemeente's page posts here, as to Worldline; the SHASIGN is the check
@require_POST
def pay(request: HttpRequest) -> HttpResponse:
    """The hosted payment page: what is paid to whom, and the tester's choices."""
    fields = _checked_form(request.POST)
    if fields is None:
        return _bad_request(request)
    hidden = {name: value for name, value in fields.items() if not name.startswith("_")}
    return render(
        request,
        TEMPLATE,
        {"fields": fields, "hidden": sorted(hidden.items()), "amount": fields["_AMOUNT"]},
    )


@csrf_exempt  # the form of ``pay``; the re-checked SHASIGN protects it
@require_POST
def decide(request: HttpRequest) -> HttpResponse:
    """Carry out the tester's choice: return URL with signed parameters, and the notice."""
    fields = _checked_form(request.POST)
    choice = request.POST.get("choice", "")
    notice = request.POST.get("notice", "now")
    if fields is None or notice not in NOTICE_CHOICES or choice not in (*CHOICES, "expire"):
        return _bad_request(request)
    if choice == "expire":
        # The resident walks away: Worldline sends nothing; the payment expires at the gemeente.
        return render(request, DONE_TEMPLATE, {"title": "De betaalsessie is verlopen", "expired": True})
    status, ncerror, url_field = CHOICES[choice]
    params = feedback_for(fields, status=status, ncerror=ncerror)
    url = notice_url(request, fields)
    if url and notice != "none":
        late = getattr(settings, "WORLDLINE_SIMULATOR_LATE_SECONDS", 5.0)
        send_notice(url, params, delay=late if notice == "late" else 0.0, times=2 if notice == "twice" else 1)
    if notice == "only":
        return render(request, DONE_TEMPLATE, {"title": "Betaling verwerkt", "closed": True})
    target = fields[url_field]
    separator = "&" if "?" in target else "?"
    return HttpResponseRedirect(f"{target}{separator}{urlencode(params)}")
