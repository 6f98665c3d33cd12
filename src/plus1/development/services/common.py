"""Small helpers every development service uses: the audit row, clean text and whole numbers."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import models
from django.utils.translation import gettext as _

from plus1.accounts.selectors import employee_actor
from plus1.audit.services import record_change
from plus1.tenants.models import Organisation

from ..exceptions import DevelopmentError


def audit(
    *,
    tenant: Organisation,
    user: AbstractBaseUser,
    action: str,
    obj: models.Model,
    before: dict | None = None,
    after: dict | None = None,
) -> None:
    """The audit row of one change, in the caller's transaction."""
    record_change(
        tenant=tenant,
        actor=employee_actor(user, tenant=tenant),
        action=action,
        obj=obj,
        before=before,
        after=after,
    )


def clean_text(value: Any, *, field: str, max_length: int, required: bool = True, label: str = "") -> str:
    """Stripped text within ``max_length``; a Dutch message naming the field otherwise."""
    text = str(value or "").strip()
    if required and not text:
        raise DevelopmentError(_("Vul %(label)s in.") % {"label": label or _("dit veld")}, field=field)
    if len(text) > max_length:
        raise DevelopmentError(
            _("Gebruik maximaal %(count)s tekens.") % {"count": max_length},
            field=field,
        )
    return text


def whole_number(
    value: Any, *, field: str, message: str, error: type[DevelopmentError] = DevelopmentError
) -> int:
    """``value`` as an int (not a bool, not a fraction); ``error`` with ``message`` otherwise."""
    if isinstance(value, bool):
        raise error(message, field=field)
    if isinstance(value, int):
        return value
    try:
        text = str(value).strip()
        if not text.lstrip("-").isdigit():
            raise ValueError(text)
        return int(text)
    except (TypeError, ValueError):
        raise error(message, field=field) from None


def level_numbers(competence) -> set[int]:
    """The level numbers a competence has (prefetched ``levels`` used when there)."""
    return {level.level for level in competence.levels.all()}
