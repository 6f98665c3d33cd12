"""A process with a fee, a gemeente that takes payments, a complete draft, and the provider's answers."""

from __future__ import annotations

from decimal import Decimal

from plus1.audit.services import Actor
from plus1.cases.models import RequestDraft, Resultaat, Zaak
from plus1.catalog import services as catalog_services
from plus1.catalog.models import (
    Adoption,
    Eigenschap,
    ResultaatType,
    ResultaatTypeOmschrijving,
    SelectielijstResultaat,
)
from plus1.catalog.tests.factories import ZaakTypeFactory
from plus1.connectors import worldline, worldline_simulator
from plus1.payments.models import PaymentSettings
from plus1.payments.services import ReturnUrls
from plus1.tenants.models import Organisation

SYSTEM = Actor.system("test")
RESIDENT = Actor(type="resident", id="suzanne", label="Inwoner (DigiD)")
SUZANNE = "999993653"
PSPID = "PLUS1SIM"
SHA_IN, SHA_OUT = "Mysecretsig1875!?-in", "Mysecretsig1875!?-out"
URLS = ReturnUrls(
    accept="https://loket.example.nl/utrecht/betalen/betaald/",
    decline="https://loket.example.nl/utrecht/betalen/geweigerd/",
    exception="https://loket.example.nl/utrecht/betalen/fout/",
    cancel="https://loket.example.nl/utrecht/betalen/geannuleerd/",
)


def paid_process(
    gemeente: Organisation,
    *,
    fee: str | None = "62.50",
    basis: str = "fixed",
    returned_on_withdrawal: bool = True,
    returned_on_rejection: bool = False,
) -> Adoption:
    """A published process with a number question (aantal_jaren), results Verleend/Ingetrokken/Afgewezen."""
    zaaktype = ZaakTypeFactory(
        fee_basis=basis,
        fee_unit_eigenschap="aantal_jaren" if basis == "per_unit" else "",
        fee_returned_on_withdrawal=returned_on_withdrawal,
        fee_returned_on_rejection=returned_on_rejection,
    )
    Eigenschap.objects.create(
        zaaktype=zaaktype,
        order=1,
        name="aantal_jaren",
        label="Voor hoeveel jaar?",
        data_type="number",
        step="Vergunning",
        min_value=1,
        max_value=5,
    )
    selectielijst = SelectielijstResultaat.objects.get(
        procestype=zaaktype.selectielijst_procestype, volledig_nummer="11.1"
    )
    for name in ("Ingetrokken", "Afgewezen"):
        ResultaatType.objects.create(
            zaaktype=zaaktype,
            omschrijving=f"Aanvraag {name.lower()}",
            generic=ResultaatTypeOmschrijving.objects.get(omschrijving=name),
            selectielijstklasse=selectielijst,
            archiefnominatie="vernietigen",
            archiefactietermijn="P1Y",
            brondatum_afleidingswijze="afgehandeld",
        )
    zaaktype = catalog_services.publish_zaaktype(zaaktype=zaaktype, actor=SYSTEM)
    return catalog_services.adopt_process(
        gemeente=gemeente, zaaktype=zaaktype, actor=SYSTEM, fee=Decimal(fee) if fee is not None else None
    )


def draft_for(adoption: Adoption, *, bsn: str = SUZANNE, years: str = "2") -> RequestDraft:
    return RequestDraft.objects.create(
        tenant=adoption.tenant, adoption=adoption, owner_bsn=bsn, data={"aantal_jaren": years}
    )


def worldline_settings(gemeente: Organisation, **values) -> PaymentSettings:
    return PaymentSettings.objects.create(
        tenant=gemeente,
        provider="worldline",
        environment="test",
        pspid=PSPID,
        sha_in=SHA_IN,
        sha_out=SHA_OUT,
        api_user="plus1api",
        api_password="api-wachtwoord",
        **values,
    )


def simulator_settings(gemeente: Organisation) -> PaymentSettings:
    return PaymentSettings.objects.create(tenant=gemeente, provider="simulator", pspid=PSPID)


def answer(
    payment,
    *,
    status: str = "9",
    amount: str | None = None,
    payid: str = "3012345678",
    sha_out: str = SHA_OUT,
    **extra,
) -> dict[str, str]:
    """What Worldline sends back for ``payment``, signed with ``sha_out``."""
    fields = {
        "orderID": payment.reference,
        "currency": payment.currency,
        "amount": amount if amount is not None else format(payment.amount.normalize(), "f"),
        "PM": "iDEAL",
        "BRAND": "iDEAL",
        "STATUS": status,
        "PAYID": payid,
        "NCERROR": "0",
        **extra,
    }
    return worldline.feedback_params(fields, sha_out=sha_out)


def simulator_answer(payment, **kwargs) -> dict[str, str]:
    return answer(payment, sha_out=worldline_simulator.passphrases(PSPID)[1], **kwargs)


def close_with(zaak: Zaak, generic: str) -> Zaak:
    """Give the zaak the result whose generic description is ``generic`` (Ingetrokken, Afgewezen)."""
    resultaattype = ResultaatType.objects.get(zaaktype=zaak.zaaktype, generic__omschrijving=generic)
    Resultaat.objects.create(zaak=zaak, resultaattype=resultaattype)
    return zaak
