"""Qmatic Orchestra Calendar Public Appointment API (v1) as an AppointmentBackend.

The API root is ``https://<host>/calendar-backend/public/api/v1/``; its resources:
``GET services`` and ``GET branches`` (``serviceList`` / ``branchList`` with ``publicId``),
``GET services/<service>/branches``, ``GET branches/<b>/services/<s>/dates`` (``dates``:
ISO datetimes) and ``.../dates/<YYYY-MM-DD>/times`` (``times``: "HH:MM", local time),
``POST .../dates/<day>/times/<HH:MM>/book`` with ``{"title", "customer", "notes"}`` (answers
the appointment with its ``publicId``) and ``DELETE appointments/<publicId>``.

This API books one service per appointment; several products or persons are refused.
Configuration: ``PLUS1_QMATIC_API_ROOT`` and, when the gateway wants one,
``PLUS1_QMATIC_AUTH_TOKEN`` (sent as the ``auth-token`` header). Tests pass an
``httpx.MockTransport``.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

import httpx
from django.conf import settings
from django.utils.translation import gettext as _

from plus1.audit.services import Actor
from plus1.tenants.models import Organisation

from ..exceptions import AppointmentError, InvalidBooking, SlotTaken
from ..services import Contact
from ..slots import Slot, local_zone
from . import BackendLocation, BackendProduct

TIMEOUT = 10.0


class BackendError(AppointmentError):
    """The external agenda did not answer as expected."""


class QmaticBackend:
    def __init__(
        self,
        api_root: str | None = None,
        *,
        auth_token: str | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        root = api_root if api_root is not None else settings.PLUS1_QMATIC_API_ROOT
        token = auth_token if auth_token is not None else settings.PLUS1_QMATIC_AUTH_TOKEN
        self.client = httpx.Client(
            base_url=root.rstrip("/") + "/",
            headers={"auth-token": token} if token else {},
            timeout=TIMEOUT,
            transport=transport,
        )

    def _call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            response = self.client.request(method, path, **kwargs)
        except httpx.HTTPError:
            raise BackendError(
                _("Het afsprakensysteem is nu niet bereikbaar. Probeer het later opnieuw.")
            ) from None
        return response

    def _json(self, path: str) -> dict:
        response = self._call("GET", path)
        if response.status_code != 200:
            raise BackendError(_("Het afsprakensysteem gaf een fout. Probeer het later opnieuw."))
        return response.json()

    @staticmethod
    def _one(product_ids: Sequence[str], persons: int) -> str:
        if len(product_ids) != 1 or persons != 1:
            raise InvalidBooking(_("Bij deze gemeente maakt u per product en per persoon een afspraak."))
        return product_ids[0]

    def products(self, tenant: Organisation) -> list[BackendProduct]:
        return [
            BackendProduct(id=entry["publicId"], name=entry["name"], duration_minutes=entry.get("duration"))
            for entry in self._json("services").get("serviceList", [])
            if entry.get("publicEnabled", True) and entry.get("active", True)
        ]

    def locations(self, tenant: Organisation, product_ids: Sequence[str]) -> list[BackendLocation]:
        path = f"services/{product_ids[0]}/branches" if product_ids else "branches"
        return [
            BackendLocation(
                id=entry["publicId"],
                name=entry["name"],
                address=" ".join(
                    part
                    for part in (entry.get("addressLine1"), entry.get("addressZip"), entry.get("addressCity"))
                    if part
                ),
            )
            for entry in self._json(path).get("branchList", [])
        ]

    def free_slots(
        self,
        tenant: Organisation,
        location_id: str,
        product_ids: Sequence[str],
        persons: int,
        start_day: datetime.date,
        days: int = 14,
    ) -> list[Slot]:
        service = self._one(product_ids, persons)
        duration = next((p.duration_minutes for p in self.products(tenant) if p.id == service), None) or 15
        last_day = start_day + datetime.timedelta(days=days - 1)
        base = f"branches/{location_id}/services/{service}/dates"
        zone = local_zone()
        found: list[Slot] = []
        for value in self._json(base).get("dates", []):
            day = datetime.date.fromisoformat(value[:10])
            if not start_day <= day <= last_day:
                continue
            for hhmm in self._json(f"{base}/{day.isoformat()}/times").get("times", []):
                start = datetime.datetime.combine(day, datetime.time.fromisoformat(hhmm), tzinfo=zone)
                found.append(Slot(start, start + datetime.timedelta(minutes=duration)))
        return sorted(found)

    def book(
        self,
        tenant: Organisation,
        location_id: str,
        product_ids: Sequence[str],
        persons: int,
        start: datetime.datetime,
        contact: Contact,
        actor: Actor,
    ) -> str:
        service = self._one(product_ids, persons)
        local = start.astimezone(local_zone())
        first, _sep, last = contact.name.strip().rpartition(" ")
        body = {
            "title": f"Plus1: gemeente {tenant.name}",
            "customer": {
                "firstName": first,
                "lastName": last or contact.name.strip(),
                "email": contact.email,
                "phone": contact.phone,
            },
            "notes": "",
        }
        path = f"branches/{location_id}/services/{service}/dates/{local:%Y-%m-%d}/times/{local:%H:%M}/book"
        response = self._call("POST", path, json=body)
        if response.status_code == 409 or (
            response.status_code >= 400 and "CANNOT_BE_RESERVED" in response.text
        ):
            raise SlotTaken()
        if response.status_code not in (200, 201):
            raise BackendError(_("Het afsprakensysteem gaf een fout. Probeer het later opnieuw."))
        public_id = response.json().get("publicId")
        if not public_id:
            raise BackendError(_("Het afsprakensysteem gaf een onvolledig antwoord."))
        return public_id

    def cancel(self, tenant: Organisation, appointment_id: str, actor: Actor) -> None:
        response = self._call("DELETE", f"appointments/{appointment_id}")
        if response.status_code == 404:
            raise InvalidBooking(_("Deze afspraak bestaat niet (meer)."))
        if response.status_code >= 400:
            raise BackendError(_("Het afsprakensysteem gaf een fout. Probeer het later opnieuw."))
