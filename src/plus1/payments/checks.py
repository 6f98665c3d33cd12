"""Deploy check plus1.E004: a gemeente pays with the simulator where simulators are off.

Where simulators are off the simulator is not mounted and ``payments.accounts`` refuses it at
run time already (nobody can pay, nothing pretends to be paid); this check says so before
going live, naming the gemeenten to switch to Worldline.
"""

from __future__ import annotations

from typing import Any

from django.core.checks import CheckMessage, Error, Info, Tags, register
from django.db import DatabaseError

from plus1.connectors import worldline_simulator

from .constants import Provider
from .models import PaymentSettings


@register(Tags.security, deploy=True)
def check_no_simulator_provider(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """plus1.E004: PaymentSettings with provider "simulator" while the simulators are off."""
    if worldline_simulator.is_enabled():
        return []  # plus1.E001 refuses the simulators themselves in production
    try:
        names = list(
            PaymentSettings.objects.filter(provider=Provider.SIMULATOR, is_active=True)
            .order_by("tenant__name")
            .values_list("tenant__name", flat=True)
        )
    except DatabaseError as exc:
        return [
            Info(
                f"The payment providers were not checked: the database cannot be read "
                f"({exc.__class__.__name__}). Run plus1 migrate, then check again.",
                id="plus1.I002",
            )
        ]
    if not names:
        return []
    return [
        Error(
            f"Online betalen uses the payment simulator at: {', '.join(names)}. Simulators are off "
            "here, so these gemeenten cannot take payments.",
            hint="Set their provider to Worldline in the admin (Instellingen online betalen).",
            id="plus1.E004",
        )
    ]
