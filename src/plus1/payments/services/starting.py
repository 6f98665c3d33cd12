"""Starting a payment: a fresh reference and the signed form that takes the resident to the provider."""

from __future__ import annotations

from dataclasses import dataclass, field

from plus1.audit.services import Actor
from plus1.cases.models import RequestDraft

from ..models import Payment


@dataclass(frozen=True)
class ReturnUrls:
    """Absolute URLs of the portal the provider sends the resident back to.

    ``notify`` is the server-to-server notice URL; Worldline takes it from its back office,
    not from the form (see docs in connectors.worldline), so it is informative only.
    """

    accept: str
    decline: str
    exception: str
    cancel: str
    notify: str = ""


@dataclass(frozen=True)
class HostedForm:
    """What the portal renders: a form POSTing ``fields`` (hidden inputs) to ``action``."""

    payment: Payment
    action: str
    fields: dict[str, str] = field(default_factory=dict)


def start_payment(*, draft: RequestDraft, actor: Actor, urls: ReturnUrls) -> HostedForm:
    raise NotImplementedError
