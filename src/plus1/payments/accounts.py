"""A gemeente's provider account as the services use it: real Worldline, or its simulator.

For provider "simulator" the passphrases are the simulator's own and the form goes to its page
in this installation; where simulators are off (production) such a gemeente is refused with a
clear message, so nothing can pretend to be paid there (see also the deploy check plus1.E004).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.urls import NoReverseMatch, reverse

from plus1.connectors import worldline, worldline_simulator
from plus1.tenants.models import Organisation

from .constants import Provider
from .exceptions import PaymentNotConfigured
from .models import PaymentSettings

SIMULATOR_OFF = (
    "Deze gemeente gebruikt de betaalsimulator, maar simulators staan uit in deze omgeving. "
    "Kies bij 'Instellingen online betalen' de betaalprovider Worldline."
)


@dataclass(frozen=True)
class Account:
    provider: str
    environment: str
    pspid: str
    sha_in: str
    sha_out: str
    api_user: str
    api_password: str
    expiry_hours: int
    action: str


def simulator_refusal(provider: str) -> str:
    """The reason provider ``provider`` cannot be used here, or "" when it can."""
    if provider == Provider.SIMULATOR and not worldline_simulator.is_enabled():
        return SIMULATOR_OFF
    return ""


def account_for(tenant: Organisation, *, starting: bool = False) -> Account:
    """The gemeente's usable account; raises ``PaymentNotConfigured`` with a Dutch message.

    Switching online betalen off (``is_active``) stops new payments only (``starting``): the
    answers and refunds of payments already started are still handled, so none is lost.
    """
    config = PaymentSettings.objects.filter(tenant=tenant).first()
    if config is None or (starting and not config.is_active):
        raise PaymentNotConfigured("Deze gemeente heeft online betalen nog niet ingesteld.")
    if refusal := simulator_refusal(config.provider):
        raise PaymentNotConfigured(refusal)
    if config.provider == Provider.SIMULATOR:
        sha_in, sha_out = worldline_simulator.passphrases(config.pspid)
        try:
            action = reverse("worldline-simulator:pay", urlconf=settings.ROOT_URLCONF)
        except NoReverseMatch:
            raise PaymentNotConfigured(SIMULATOR_OFF) from None
    else:
        sha_in, sha_out = config.sha_in, config.sha_out
        action = worldline.ENDPOINTS[config.environment]
    if not (config.pspid and sha_in and sha_out):
        raise PaymentNotConfigured("Online betalen is bij deze gemeente niet volledig ingesteld.")
    return Account(
        provider=config.provider,
        environment=config.environment,
        pspid=config.pspid,
        sha_in=sha_in,
        sha_out=sha_out,
        api_user=config.api_user,
        api_password=config.api_password,
        expiry_hours=config.expiry_hours,
        action=action,
    )
