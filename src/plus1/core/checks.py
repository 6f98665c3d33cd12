"""Deploy checks of our own (``plus1 check --deploy``), beside Django's.

The production settings already refuse to start with a simulator switched on; this check says
the same for settings assembled another way (a settings module of the gemeente's own).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, Warning, register

from .simulators import switched_on_simulators


@register(Tags.security, deploy=True)
def check_no_simulators(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """plus1.E001: a simulator (DigiD, eHerkenning, BRP, Klantinteracties) is switched on."""
    return [
        Error(message, hint="Simulators are for the demo and the tests only.", id="plus1.E001")
        for message in switched_on_simulators(
            digid_mock=getattr(settings, "DIGID_MOCK", False),
            backends=settings.AUTHENTICATION_BACKENDS,
            brp_client=getattr(settings, "PLUS1_BRP_CLIENT", ""),
            klantinteracties_client=getattr(settings, "PLUS1_KLANTINTERACTIES_CLIENT", ""),
        )
    ]


@register(Tags.security, deploy=True)
def check_callbacks_stay_public(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """plus1.W001: notification callbacks may reach internal addresses (server-side requests)."""
    if not getattr(settings, "PLUS1_NOTIFICATIONS_ALLOW_PRIVATE_CALLBACKS", False):
        return []
    return [
        Warning(
            "PLUS1_NOTIFICATIONS_ALLOW_PRIVATE_CALLBACKS is on: any API client can make the worker "
            "post to addresses inside your network.",
            hint="Switch it off unless every subscriber on the internal network is trusted; "
            "silence plus1.W001 to say so.",
            id="plus1.W001",
        )
    ]
