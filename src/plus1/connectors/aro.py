"""ARO (Agressie Registratiesysteem Overheden) and GIR: where a gemeente's incidents are reported.

``AroConnector`` is the interface: ``submit(batch)`` sends one export batch (the shape of
``plus1.incidents.aro_export``, docs/aro-export.md) and answers an ``AroReceipt``, or raises
``AroError`` with a message in plain Dutch. ``AroHttpClient`` posts the batch as JSON to
``PLUS1_ARO_URL`` with ``PLUS1_ARO_TOKEN`` as bearer token. ``AroSimulator``
(``connectors.aro_simulator``) checks and answers in process, for the demo and the tests.
``NoAro`` refuses with a clear message.

``get_aro_connector`` picks: the HTTP client when ``PLUS1_ARO_URL`` is set; else the simulator
only where the other simulators run (``DIGID_MOCK``: demo and tests; production refuses it);
else ``NoAro``. So a production without an ARO link never shows a receipt that nothing backs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

import httpx
from django.conf import settings

TIMEOUT_SECONDS = 20


class AroError(Exception):
    """ARO did not take the batch. ``problems`` lists what was wrong with it, when ARO said so."""

    def __init__(self, message: str, *, problems: list[str] | None = None):
        super().__init__(message)
        self.problems = problems or []


@dataclass(frozen=True)
class AroReceipt:
    """ARO's answer to an accepted batch."""

    reference: str
    received_at: str
    accepted: int
    simulated: bool = False
    notes: list[str] = field(default_factory=list)


class AroConnector(Protocol):
    def submit(self, batch: dict) -> AroReceipt:
        """Send one batch of incidents; the receipt, or ``AroError`` with the reasons."""


class NoAro:
    """No ARO link configured: says so, sends nothing."""

    def submit(self, batch: dict) -> AroReceipt:
        raise AroError(
            "Er is geen koppeling met ARO ingesteld. Download de export en lever die zelf aan, "
            "of vraag de beheerder de koppeling in te stellen (PLUS1_ARO_URL)."
        )


class AroHttpClient:
    """Posts the batch as JSON to ARO's endpoint; the answer is the receipt or the reasons."""

    def __init__(self, url: str | None = None, token: str | None = None) -> None:
        self.url = url if url is not None else settings.PLUS1_ARO_URL
        self.token = token if token is not None else settings.PLUS1_ARO_TOKEN

    def submit(self, batch: dict) -> AroReceipt:
        headers = {"Accept": "application/json"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        try:
            response = httpx.post(self.url, json=batch, headers=headers, timeout=TIMEOUT_SECONDS)
        except httpx.HTTPError as exc:
            raise AroError(
                f"ARO is nu niet bereikbaar ({exc.__class__.__name__}). Probeer het later opnieuw."
            ) from None
        body = _json(response)
        if response.status_code in (200, 201, 202):
            reference = str(body.get("referentie") or body.get("reference") or "")
            if not reference:
                raise AroError("ARO gaf geen ontvangstbewijs terug. Probeer het later opnieuw.")
            return AroReceipt(
                reference=reference,
                received_at=str(body.get("ontvangen_op") or body.get("received_at") or ""),
                accepted=_count(body.get("aantal") or body.get("accepted")),
            )
        if response.status_code in (400, 422):
            problems = body.get("fouten") or body.get("errors") or []
            problems = (
                [str(problem) for problem in problems] if isinstance(problems, list) else [str(problems)]
            )
            raise AroError("ARO heeft de aanlevering geweigerd.", problems=problems)
        if response.status_code in (401, 403):
            raise AroError(
                "ARO weigert de toegang. Vraag de beheerder de sleutel (PLUS1_ARO_TOKEN) na te kijken."
            )
        raise AroError(f"ARO antwoordde met foutcode {response.status_code}. Probeer het later opnieuw.")


def _count(value: object) -> int:
    """ARO's count of accepted incidents; 0 when it sent something that is not a whole number."""
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


def _json(response: httpx.Response) -> dict:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def get_aro_connector() -> AroConnector:
    """The HTTP client when ``PLUS1_ARO_URL`` is set; the simulator in demo and tests; else ``NoAro``."""
    if settings.PLUS1_ARO_URL:
        return AroHttpClient()
    if getattr(settings, "DIGID_MOCK", False):
        from .aro_simulator import AroSimulator

        return AroSimulator()
    return NoAro()
