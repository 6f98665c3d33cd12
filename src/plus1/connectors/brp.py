"""The BRP (Basisregistratie Personen): who lives where.

``BrpClient`` is the interface a Haal Centraal BRP Personen Bevragen client implements;
``BrpSimulator`` serves the official test persons shipped in ``data/``, for the demo and the
tests; ``NoBrp`` knows nobody (production without a BRP link). ``PLUS1_BRP_CLIENT`` chooses.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

from plus1.audit.models import ProcessingAction
from plus1.audit.services import Activity, Actor, ObjectRef, record_read, subject_for
from plus1.core import tracing
from plus1.tenants.models import Organisation

DATA = Path(__file__).resolve().parent / "data" / "brp_mock_test_persons_summary.csv"


@dataclass(frozen=True)
class Person:
    bsn: str
    given_names: str
    prefix: str
    surname: str
    street: str
    house_number: str
    postcode: str
    municipality: str

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.given_names, self.prefix, self.surname) if part)

    @property
    def address(self) -> str:
        return f"{self.street} {self.house_number}, {self.postcode} {self.municipality}".strip(", ")


class BrpClient(Protocol):
    def get_person(self, bsn: str, *, headers: Mapping[str, str] | None = None) -> Person | None:
        """The person with this BSN, or None when the BRP does not know them.

        A Haal Centraal client sends ``headers`` with its request: they carry the W3C
        ``traceparent`` (core.tracing), so the BRP's own log joins Plus1's trace.
        """


class BrpSimulator:
    """Answers from the RvIG/Haal Centraal test persons, as the BRP test environment would."""

    last_headers: Mapping[str, str] | None = None

    def get_person(self, bsn: str, *, headers: Mapping[str, str] | None = None) -> Person | None:
        BrpSimulator.last_headers = dict(headers or {})
        return _test_persons().get(bsn)


class NoBrp:
    """No BRP link: knows nobody, so zaken name "Inwoner" and nothing is filled in beforehand.

    The explicit choice for a production without a BRP client yet; the simulator is refused
    there because it would answer with test persons (plus1.core.simulators).
    """

    def get_person(self, bsn: str, *, headers: Mapping[str, str] | None = None) -> Person | None:
        return None


@functools.cache
def _test_persons() -> dict[str, Person]:
    with DATA.open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle)
        return {
            row["burgerservicenummer"]: Person(
                bsn=row["burgerservicenummer"],
                given_names=row["voornamen"],
                prefix=row["voorvoegsel"],
                surname=row["geslachtsnaam"],
                street=row["straat"],
                house_number=row["huisnummer"],
                postcode=_postcode(row["postcode"]),
                municipality=row["gemeenteVanInschrijving_omschrijving"],
            )
            for row in rows
        }


def _postcode(value: str) -> str:
    value = value.replace(" ", "")
    return f"{value[:4]} {value[4:]}" if len(value) == 6 else value


def get_brp_client() -> BrpClient:
    return import_string(settings.PLUS1_BRP_CLIENT)()


def lookup_person(
    *, tenant: Organisation, bsn: str, actor: Actor, activity: Activity, channel: str
) -> Person | None:
    """Ask the BRP about ``bsn`` for ``activity``: logged (Logboek dataverwerkingen) and traced."""
    if not bsn:
        return None
    with tracing.span(name="brp.get_person"):
        record_read(
            tenant=tenant,
            actor=actor,
            activity=activity,
            action=ProcessingAction.READ,
            channel=channel,
            obj=ObjectRef("brp.persoon", "", "Persoonsgegevens uit de BRP"),
            subject=subject_for(bsn=bsn),
        )
        return get_brp_client().get_person(bsn, headers=tracing.outgoing_headers())
