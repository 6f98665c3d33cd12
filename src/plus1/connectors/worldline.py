"""Worldline (formerly Ogone/Ingenico) e-Commerce: the hosted payment page with signed parameters.

The protocol, as Worldline documents it for its "e-Commerce" (legacy, PSPID) integration:

- Plus1 posts a form to Worldline's ``orderstandard_utf8.asp``: PSPID, ORDERID, AMOUNT (in
  cents), CURRENCY, LANGUAGE, the four return URLs and SHASIGN. SHASIGN is the upper-case hex
  SHA-512 of every non-empty parameter (name in upper case, sorted by name) written as
  ``NAME=value`` followed by the SHA-IN passphrase, all concatenated (``sign``).
- Worldline sends the resident back to ACCEPTURL (paid), DECLINEURL (refused), EXCEPTIONURL
  (uncertain) or CANCELURL (cancelled) with the outcome in the query string, and also posts
  the same parameters server to server ("direct HTTP") to the URL set in its back office, whose
  variable part comes from the form field PARAMVAR. Both are signed with the SHA-OUT
  passphrase over the documented SHA-OUT parameter list (``SHA_OUT_PARAMETERS``);
  ``parse_feedback`` checks that signature before it believes anything.
- A refund is a server-to-server POST to ``maintenancedirect.asp`` with OPERATION=RFD
  (partial) or RFS (the last or whole amount), signed with SHA-IN; its answer is an XML
  ``ncresponse`` element (``refund``).

No models here: the gemeente's account (PSPID, passphrases) lives in ``payments.PaymentSettings``.
Known vectors of the signature are in the tests (the example of the Ogone documentation).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from xml.parsers import expat

import httpx

from plus1.core.exceptions import Plus1Error

ENDPOINTS = {
    "test": "https://ogone.test.v-psp.com/ncol/test/orderstandard_utf8.asp",
    "live": "https://secure.ogone.com/ncol/prod/orderstandard_utf8.asp",
}
MAINTENANCE_ENDPOINTS = {
    "test": "https://ogone.test.v-psp.com/ncol/test/maintenancedirect.asp",
    "live": "https://secure.ogone.com/ncol/prod/maintenancedirect.asp",
}
ALGORITHMS = ("sha1", "sha256", "sha512")
DEFAULT_ALGORITHM = "sha512"
REFUND_TIMEOUT = 20.0

# Parameters Worldline includes in the SHA-OUT signature (its documented list); any other
# parameter of a return or notice is not signed and so is never trusted.
SHA_OUT_PARAMETERS = frozenset(
    [
        "AAVADDRESS",
        "AAVCHECK",
        "AAVMAIL",
        "AAVNAME",
        "AAVPHONE",
        "AAVZIP",
        "ACCEPTANCE",
        "ALIAS",
        "AMOUNT",
        "BIC",
        "BIN",
        "BRAND",
        "CARDNO",
        "CCCTY",
        "CN",
        "COLLECTOR_BIC",
        "COLLECTOR_IBAN",
        "COMPLUS",
        "CREATION_STATUS",
        "CREDITDEBIT",
        "CURRENCY",
        "CVCCHECK",
        "DCC_COMMPERCENTAGE",
        "DCC_CONVAMOUNT",
        "DCC_CONVCCY",
        "DCC_EXCHRATE",
        "DCC_EXCHRATESOURCE",
        "DCC_EXCHRATETS",
        "DCC_INDICATOR",
        "DCC_MARGINPERCENTAGE",
        "DCC_VALIDHOURS",
        "DEVICEID",
        "DIGESTCARDNO",
        "ECI",
        "ED",
        "EMAIL",
        "ENCCARDNO",
        "FXAMOUNT",
        "FXCURRENCY",
        "IP",
        "IPCTY",
        "MANDATEID",
        "MOBILEMODE",
        "NBREMAILUSAGE",
        "NBRIPUSAGE",
        "NBRIPUSAGE_ALLTX",
        "NBRUSAGE",
        "NCERROR",
        "ORDERID",
        "PAYID",
        "PAYIDSUB",
        "PAYMENT_REFERENCE",
        "PM",
        "SCO_CATEGORY",
        "SCORING",
        "SEQUENCETYPE",
        "SIGNDATE",
        "STATUS",
        "SUBBRAND",
        "SUBSCRIPTION_ID",
        "TICKET",
        "TRXDATE",
        "VC",
    ]
)


class WorldlineError(Plus1Error):
    """Worldline cannot be used or answered something Plus1 cannot accept."""


class BadSignature(WorldlineError):
    """SHASIGN is missing or does not match: the parameters were changed or not sent by Worldline."""


class BadFeedback(WorldlineError):
    """A signed answer lacks a parameter Plus1 needs (ORDERID, STATUS, AMOUNT)."""


class Outcome(StrEnum):
    """What a Worldline STATUS means for a payment."""

    PAID = "paid"
    CANCELLED = "cancelled"
    FAILED = "failed"
    PENDING = "pending"


# 5 authorised, 9 payment requested (iDEAL reports 9); 1 cancelled by the customer; pending
# states wait for a later notice; everything else (0 invalid, 2 refused, 93 refused, ...) failed.
STATUS_OUTCOMES = {
    "5": Outcome.PAID,
    "9": Outcome.PAID,
    "1": Outcome.CANCELLED,
    **dict.fromkeys(("41", "46", "50", "51", "52", "55", "91", "92", "99"), Outcome.PENDING),
}


def outcome_of(status: str) -> Outcome:
    return STATUS_OUTCOMES.get(status, Outcome.FAILED)


def sign(
    params: Mapping[str, object],
    passphrase: str,
    *,
    algorithm: str = DEFAULT_ALGORITHM,
    only: Iterable[str] | None = None,
) -> str:
    """SHASIGN of ``params``: upper-case hex digest of the sorted ``NAME=value<passphrase>`` pairs.

    Names are upper-cased, empty values left out, SHASIGN itself never included; ``only``
    limits the names (the SHA-OUT list for feedback).
    """
    if algorithm not in ALGORITHMS:
        raise WorldlineError(f"Unknown hash algorithm {algorithm!r}; use one of {', '.join(ALGORITHMS)}.")
    allowed = None if only is None else frozenset(only)
    pairs = sorted(
        (name.upper(), str(value).strip())
        for name, value in params.items()
        if name.upper() != "SHASIGN" and str(value).strip() and (allowed is None or name.upper() in allowed)
    )
    text = "".join(f"{name}={value}{passphrase}" for name, value in pairs)
    return hashlib.new(algorithm, text.encode("utf-8")).hexdigest().upper()


def cents(amount: Decimal) -> str:
    """AMOUNT of the form: whole cents, e.g. Decimal("62.50") -> "6250"."""
    return str(int((amount * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP)))


@dataclass(frozen=True)
class PaymentRequest:
    """What the hosted payment page needs to know about one payment."""

    pspid: str
    orderid: str
    amount: Decimal
    accept_url: str
    decline_url: str
    exception_url: str
    cancel_url: str
    currency: str = "EUR"
    language: str = "nl_NL"
    description: str = ""
    paramvar: str = ""
    title: str = ""


def payment_form(
    request: PaymentRequest, *, sha_in: str, algorithm: str = DEFAULT_ALGORITHM
) -> dict[str, str]:
    """The hidden fields of the form that takes the resident to the hosted payment page."""
    fields = {
        "PSPID": request.pspid,
        "ORDERID": request.orderid,
        "AMOUNT": cents(request.amount),
        "CURRENCY": request.currency,
        "LANGUAGE": request.language,
        "COM": request.description[:100],
        "TITLE": request.title[:100],
        "ACCEPTURL": request.accept_url,
        "DECLINEURL": request.decline_url,
        "EXCEPTIONURL": request.exception_url,
        "CANCELURL": request.cancel_url,
        "PARAMVAR": request.paramvar,
    }
    fields = {name: value for name, value in fields.items() if value}
    fields["SHASIGN"] = sign(fields, sha_in, algorithm=algorithm)
    return fields


@dataclass(frozen=True)
class Feedback:
    """A verified return or notice: only signed parameters, with names in upper case."""

    orderid: str
    status: str
    payid: str
    amount: Decimal
    currency: str
    method: str
    ncerror: str
    params: dict[str, str]

    @property
    def outcome(self) -> Outcome:
        return outcome_of(self.status)


def verify(params: Mapping[str, str], sha_out: str, *, algorithm: str = DEFAULT_ALGORITHM) -> dict[str, str]:
    """The signed parameters (names upper-cased) after checking SHASIGN; raises ``BadSignature``."""
    upper = {name.upper(): str(value) for name, value in params.items()}
    given = upper.get("SHASIGN", "").strip().upper()
    if not given or not sha_out:
        raise BadSignature("SHASIGN ontbreekt.")
    signed = {name: value for name, value in upper.items() if name in SHA_OUT_PARAMETERS}
    # Bytes, not str: compare_digest refuses a str with non-ASCII characters (a forged "é" would
    # otherwise be a TypeError, a 500, instead of a refused signature).
    expected = sign(signed, sha_out, algorithm=algorithm)
    if not hmac.compare_digest(given.encode("utf-8", "surrogatepass"), expected.encode("ascii")):
        raise BadSignature("SHASIGN klopt niet.")
    return signed


def parse_feedback(
    params: Mapping[str, str], *, sha_out: str, algorithm: str = DEFAULT_ALGORITHM
) -> Feedback:
    """Check and read a return or notice; raises ``BadSignature`` or ``BadFeedback``."""
    signed = verify(params, sha_out, algorithm=algorithm)
    missing = [name for name in ("ORDERID", "STATUS", "AMOUNT") if not signed.get(name, "").strip()]
    if missing:
        raise BadFeedback(f"Ontbrekende gegevens: {', '.join(missing)}.")
    try:
        amount = Decimal(signed["AMOUNT"].strip())
    except InvalidOperation:
        raise BadFeedback("AMOUNT is geen bedrag.") from None
    if not amount.is_finite():
        raise BadFeedback("AMOUNT is geen bedrag.")
    return Feedback(
        orderid=signed["ORDERID"].strip(),
        status=signed["STATUS"].strip(),
        payid=signed.get("PAYID", "").strip(),
        amount=amount,
        currency=signed.get("CURRENCY", "").strip().upper(),
        method=" ".join(part for part in (signed.get("PM", ""), signed.get("BRAND", "")) if part)[:60],
        ncerror=signed.get("NCERROR", "").strip(),
        params=signed,
    )


def feedback_params(
    fields: Mapping[str, str], *, sha_out: str, algorithm: str = DEFAULT_ALGORITHM
) -> dict[str, str]:
    """Feedback parameters with their SHA-OUT SHASIGN, as Worldline (or the simulator) sends them."""
    params = dict(fields)
    params["SHASIGN"] = sign(params, sha_out, algorithm=algorithm, only=SHA_OUT_PARAMETERS)
    return params


@dataclass(frozen=True)
class RefundResult:
    """Worldline's answer to a refund: ``status`` 8 (refunded) or 81 (pending); ``payid_sub`` its number."""

    status: str
    payid: str
    payid_sub: str

    @property
    def is_done(self) -> bool:
        return self.status == "8"


def refund(
    *,
    environment: str,
    pspid: str,
    user_id: str,
    password: str,
    sha_in: str,
    payid: str,
    amount: Decimal,
    complete: bool = True,
    client: httpx.Client | None = None,
    algorithm: str = DEFAULT_ALGORITHM,
) -> RefundResult:
    """Ask Worldline to pay ``amount`` back on transaction ``payid`` (maintenancedirect.asp).

    ``complete``: RFS, this refund closes the transaction; otherwise RFD (a partial one).
    Raises ``WorldlineError`` when Worldline cannot be reached or refuses (NCERROR not 0).
    """
    fields = {
        "PSPID": pspid,
        "USERID": user_id,
        "PSWD": password,
        "PAYID": payid,
        "AMOUNT": cents(amount),
        "OPERATION": "RFS" if complete else "RFD",
    }
    fields["SHASIGN"] = sign(fields, sha_in, algorithm=algorithm)
    own_client = client is None
    client = client or httpx.Client(timeout=REFUND_TIMEOUT)
    try:
        response = client.post(MAINTENANCE_ENDPOINTS[environment], data=fields)
        response.raise_for_status()
    except (httpx.HTTPError, KeyError) as exc:
        raise WorldlineError(f"Worldline is niet bereikbaar ({exc.__class__.__name__}).") from exc
    finally:
        if own_client:
            client.close()
    return parse_refund_response(response.text)


def _first_element(text: str) -> tuple[str, dict[str, str]]:
    """Name and attributes of the answer's root element; a document type or entity is refused.

    Expat directly, with every DOCTYPE and entity declaration refused (what defusedxml does), so
    no entity expansion or external resource is ever processed.
    """
    found: list[tuple[str, dict[str, str]]] = []

    def refuse(*args: object) -> None:
        raise WorldlineError("Worldline gaf een antwoord met een documenttype; dat lezen wij niet.")

    def start(name: str, attributes: dict[str, str]) -> None:
        if not found:
            found.append((name, attributes))

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.StartElementHandler = start
    try:
        parser.Parse(text.encode("utf-8") if isinstance(text, str) else text, True)
    except expat.ExpatError as exc:
        raise WorldlineError("Worldline gaf een onleesbaar antwoord.") from exc
    if not found:
        raise WorldlineError("Worldline gaf een leeg antwoord.")
    return found[0]


def parse_refund_response(text: str) -> RefundResult:
    """Read the ``ncresponse`` element; raises ``WorldlineError`` for an error or an unknown answer."""
    tag, raw = _first_element(text)
    attributes = {name.upper(): value for name, value in raw.items()}
    if tag.lower() != "ncresponse":
        raise WorldlineError("Worldline gaf een onbekend antwoord.")
    if attributes.get("NCERROR", "0") not in ("", "0") or attributes.get("STATUS") not in ("8", "81"):
        detail = attributes.get("NCERRORPLUS") or attributes.get("NCERROR") or attributes.get("STATUS", "")
        raise WorldlineError(f"Worldline weigerde de terugbetaling ({detail}).")
    return RefundResult(
        status=attributes["STATUS"],
        payid=attributes.get("PAYID", ""),
        payid_sub=attributes.get("PAYIDSUB", ""),
    )
