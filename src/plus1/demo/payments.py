"""Online betalen in the demo: the demo gemeenten pay through the Worldline simulator.

The base processes with leges get their fee rule (fixed, or per uittreksel for the BRP
uittreksel); the amounts are the gemeenten's own (``DEMO_FEES`` in the loader). In Utrecht,
Erebos Bultenaar paid two BRP uittreksels (a zaak registered as paid), so today's
reconciliation in the back office has a line; Suzanne Moulin, whose requests the other demos
walk through, has no payment of her own.

Everything goes through the payments services (``start_payment``, ``handle_feedback`` with the
simulator's signed answer), as a real payment would; loading again changes nothing.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from plus1.audit.services import Actor
from plus1.cases.models import RequestDraft
from plus1.cases.services import Initiator
from plus1.catalog.constants import FeeBasis
from plus1.catalog.models import Adoption, ZaakType
from plus1.connectors import worldline, worldline_simulator
from plus1.core import clock
from plus1.payments.constants import Provider
from plus1.payments.models import Payment, PaymentSettings
from plus1.payments.services import ReturnUrls, handle_feedback, start_payment

if TYPE_CHECKING:
    from .loader import DemoSummary

# process -> (how the fee is computed, the number question, returned on withdrawal, on rejection)
FEE_RULES = {
    "parkeervergunning": (FeeBasis.FIXED, "", True, False),
    "brp-uittreksel": (FeeBasis.PER_UNIT, "aantal", True, False),
    "evenementenvergunning": (FeeBasis.FIXED, "", True, False),
    "standplaatsvergunning": (FeeBasis.FIXED, "", True, True),
    "terrasvergunning": (FeeBasis.FIXED, "", True, False),
    "omgevingsvergunning-kap": (FeeBasis.FIXED, "", False, False),
    "verklaring-omtrent-gedrag": (FeeBasis.FIXED, "", True, False),
}
PAYER = ("999990019", "Erebos Bultenaar")
PAID_ANSWERS = {"aantal": "2"}
DEMO_URL = "http://127.0.0.1:8000"


def load_payments(summary: DemoSummary) -> None:
    """Fee rules on the base processes, the simulator for every demo gemeente, one paid request."""
    _fee_rules()
    for gemeente in summary.gemeenten:
        PaymentSettings.objects.get_or_create(
            tenant=gemeente,
            defaults={"provider": Provider.SIMULATOR, "pspid": f"PLUS1{gemeente.slug.upper()}"[:30]},
        )
    if summary.gemeenten and worldline_simulator.is_enabled():
        _paid_uittreksel(summary.gemeenten[0])


def _fee_rules() -> None:
    """How each base process computes its fee: a setting of the collective's process, every version.

    There is no editing service for a published version; the rule is part of the base process
    the way its library file would state it, so the demo sets it on the rows directly.
    """
    for identificatie, (basis, unit, on_withdrawal, on_rejection) in FEE_RULES.items():
        ZaakType.objects.filter(process__identificatie=identificatie).update(
            fee_basis=basis,
            fee_unit_eigenschap=unit,
            fee_returned_on_withdrawal=on_withdrawal,
            fee_returned_on_rejection=on_rejection,
        )


def _paid_uittreksel(gemeente) -> None:
    """Erebos Bultenaar's two BRP uittreksels, paid with iDEAL (in the simulator), once."""
    adoption = Adoption.objects.for_tenant(gemeente).filter(process__identificatie="brp-uittreksel").first()
    bsn, name = PAYER
    if adoption is None or adoption.fee is None or Payment.objects.filter(draft__owner_bsn=bsn).exists():
        return
    answers = {**_complete_answers(adoption), **PAID_ANSWERS}
    draft = RequestDraft.objects.create(tenant=gemeente, adoption=adoption, owner_bsn=bsn, data=answers)
    base = f"{DEMO_URL}/{gemeente.slug}/betalen/terug"
    urls = ReturnUrls(
        accept=f"{base}/betaald/",
        decline=f"{base}/geweigerd/",
        exception=f"{base}/fout/",
        cancel=f"{base}/geannuleerd/",
    )
    resident = Actor(type="resident", id=f"demo-{bsn}", label="Inwoner (DigiD)")
    try:
        hosted = start_payment(
            draft=draft, actor=resident, urls=urls, initiator=Initiator(name=name, bsn=bsn)
        )
    except Exception:  # a library change made the answers incomplete: the demo goes on without it
        draft.delete()
        return
    payment = hosted.payment
    _sha_in, sha_out = worldline_simulator.passphrases(hosted.fields["PSPID"])
    answer = worldline.feedback_params(
        {
            "orderID": payment.reference,
            "amount": format(payment.amount, "f"),
            "currency": payment.currency,
            "STATUS": "9",
            "PAYID": "3000000001",
            "PM": "iDEAL",
            "BRAND": "iDEAL",
            "NCERROR": "0",
        },
        sha_out=sha_out,
    )
    handle_feedback(tenant=gemeente, params=answer, source="notice")


def _complete_answers(adoption: Adoption) -> dict[str, str]:
    """An answer to every required question of the process (the first choice, a plain value)."""
    answers = {}
    for eigenschap in adoption.zaaktype.eigenschappen.all():
        if not eigenschap.is_required:
            continue
        answers[eigenschap.name] = _plain_answer(eigenschap)
    return answers


def _plain_answer(eigenschap) -> str:
    if eigenschap.choices:
        first = eigenschap.choices[0]
        return str(first.get("value", first) if isinstance(first, dict) else first)
    return {
        "number": "1",
        "date": (clock.today() + datetime.timedelta(days=7)).isoformat(),
        "boolean": "ja",
        "email": "erebos@example.org",
        "phone": "0612345678",
        "postcode": "3511AB",
    }.get(eigenschap.data_type, "Demo")
