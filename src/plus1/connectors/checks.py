"""Deploy checks: real DigiD and eHerkenning need their SAML configuration (connectors.saml)."""

from __future__ import annotations

from typing import Any

from digid_eherkenning.models import DigidConfiguration, EherkenningConfiguration
from django.conf import settings
from django.core.checks import CheckMessage, Error, Info, Tags, register
from django.db import DatabaseError

from .saml import configuration_problem


@register(Tags.security, deploy=True)
def check_saml_configured(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """plus1.E002/E003: DigiD or eHerkenning is switched on but has no usable SAML configuration.

    Deploy checks may run before ``migrate`` (an empty database): then nothing can be judged and
    an Info says so, rather than failing or crashing the check command.
    """
    if getattr(settings, "DIGID_MOCK", False):
        return []  # the simulators need no SAML; plus1.E001 refuses them in production
    messages: list[CheckMessage] = []
    for model, name, check_id in (
        (DigidConfiguration, "DigiD", "plus1.E002"),
        (EherkenningConfiguration, "eHerkenning", "plus1.E003"),
    ):
        try:
            problem = configuration_problem(model)
        except DatabaseError as exc:
            return [
                Info(
                    f"The DigiD and eHerkenning configuration was not checked: the database "
                    f"cannot be read ({exc.__class__.__name__}). Run plus1 migrate, then check again.",
                    id="plus1.I001",
                )
            ]
        if problem:
            messages.append(
                Error(
                    f"{name} is switched on but its SAML configuration {problem}; "
                    f"log-ins with {name} answer 'niet mogelijk' (503).",
                    hint=f"Fill in the {name} configuration in the admin (docs/digid.md), or silence "
                    f"{check_id} when this installation offers no {name} log-in.",
                    id=check_id,
                )
            )
    return messages
