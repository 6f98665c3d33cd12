"""The provider's answers (the resident's return and the server-to-server notice), exactly once."""

from __future__ import annotations

from collections.abc import Mapping

from plus1.tenants.models import Organisation

from ..models import Payment


def handle_feedback(*, tenant: Organisation, params: Mapping[str, str], source: str) -> Payment:
    raise NotImplementedError
