"""A year of demo zaken, so the team lead's dashboard has lead times, late zaken and results.

Every zaak is made, decided and closed through the real services (``create_zaak``,
``claim_zaak``, ``decide_zaak``, ``close_zaak``): roles, statuses, besluiten with their letter,
resultaten and the audit trail are what a real gemeente would have. Only the calendar is then
moved back in one bulk update per zaak (registration, deadlines, statuses, end date), because
the services date everything today; the audit log keeps the real moment the demo was loaded.

Random choices come from a ``random.Random`` seeded with the gemeente's CBS code: loading the
demo twice, or on another machine, gives the same zaken.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import F
from django.db.models.functions import TruncDate

from plus1.accounts.selectors import employee_actor
from plus1.audit.services import Actor
from plus1.cases.models import Besluit, Status, Zaak
from plus1.cases.services import Initiator, claim_zaak, close_zaak, create_zaak, decide_zaak
from plus1.catalog import selectors as catalog_selectors
from plus1.catalog.models import Adoption, ResultaatType, ZaakType
from plus1.core import clock
from plus1.tenants.models import Organisation

# Zaken per gemeente for ``plus1 demo``: enough for every chart, fast enough for ``make demo``.
ZAKEN_PER_GEMEENTE = 40
HISTORY_DAYS = 365


@dataclass(frozen=True)
class Profile:
    """How a process usually goes: days from request to end, and the share that is granted."""

    min_days: int
    max_days: int
    granted: float
    weight: int


# Realistic lead times (calendar days) and outcomes per process, from what gemeenten publish as
# their usual terms: a parkeervergunning in one to three weeks, bijstand in four to eight.
PROFILES = {
    "parkeervergunning": Profile(7, 21, 0.9, 6),
    "melding-openbare-ruimte": Profile(1, 14, 0.85, 6),
    "brp-uittreksel": Profile(1, 5, 0.97, 4),
    "bijzondere-bijstand": Profile(28, 56, 0.7, 3),
    "wmo-voorziening": Profile(28, 56, 0.75, 3),
    "evenementenvergunning": Profile(21, 56, 0.85, 2),
    "omgevingsvergunning-kap": Profile(28, 56, 0.7, 2),
    "klacht": Profile(14, 42, 0.4, 2),
}
# Of every ten zaken this many are still open; some of them past their legal end date.
OPEN_SHARE = 0.2
GRANTED_TEXT = "Verleend zoals aangevraagd."
REFUSED_TEXT = "Afgewezen: u voldoet niet aan de voorwaarden."
NEGATIVE_GENERICS = ("Geweigerd", "Afgewezen", "Ongegrond", "Niet nodig")
DEMO_APPLICANTS = [
    ("999993653", "Suzanne Moulin"),
    ("999990019", "Erebos Bultenaar"),
    ("999991723", "Lukas Klamer"),
    ("999993896", "Marianne de Vries"),
    ("999995789", "Ahmed el Amrani"),
]


def example_answers(zaaktype: ZaakType) -> dict[str, str]:
    """Plausible answers for the required fields, within each field's rules."""
    today = clock.today()
    examples = {
        "date": str(today),
        "bsn": "999993653",
        "postcode": "3511 AB",
        "email": "inwoner@example.org",
        "phone": "0612345678",
        "boolean": "ja",
    }
    answers = {}
    for eigenschap in zaaktype.eigenschappen.filter(is_required=True):
        if eigenschap.data_type == "choice":
            answers[eigenschap.name] = eigenschap.choices[0]
        elif eigenschap.data_type == "text":
            text = "Voorbeeldtekst voor de demo"
            if eigenschap.max_length:
                text = text[: eigenschap.max_length]
            answers[eigenschap.name] = text.ljust(eigenschap.min_length or 0, "x")
        elif eigenschap.data_type == "number":
            answers[eigenschap.name] = str(eigenschap.min_value if eigenschap.min_value is not None else 1)
        elif eigenschap.data_type == "date" and eigenschap.date_range == "future":
            answers[eigenschap.name] = str(today + datetime.timedelta(days=14))
        else:
            answers[eigenschap.name] = examples[eigenschap.data_type]
    return answers


def has_history(gemeente: Organisation) -> bool:
    """Whether the history was loaded: only its zaken are dated before the day they were made."""
    return Zaak.objects.for_tenant(gemeente).filter(registered_on__lt=TruncDate("created_at")).exists()


def load_history(gemeente: Organisation, *, zaken: int = ZAKEN_PER_GEMEENTE) -> int:
    """Give ``gemeente`` a year of zaken (once); return how many were made."""
    if has_history(gemeente):
        return 0
    rng = random.Random(gemeente.cbs_code)
    adoptions = {
        a.process.identificatie: a
        for a in catalog_selectors.adoptions_for_gemeente(gemeente).filter(
            process__identificatie__in=list(PROFILES)
        )
    }
    names = [name for name in PROFILES if name in adoptions]
    if not names:
        return 0
    weights = [PROFILES[name].weight for name in names]
    staff = list(
        get_user_model().objects.filter(
            username__in=[f"behandelaar-{gemeente.slug}", f"teamleider-{gemeente.slug}"]
        )
    )
    today = clock.today()
    for index in range(zaken):
        name = rng.choices(names, weights)[0]
        _one_zaak(
            gemeente,
            adoptions[name],
            PROFILES[name],
            rng,
            staff=staff,
            # The first zaken stay open; a few of them long enough to be past their term.
            still_open=index < max(2, round(zaken * OPEN_SHARE)),
            today=today,
        )
    return zaken


def _one_zaak(
    gemeente: Organisation,
    adoption: Adoption,
    profile: Profile,
    rng: random.Random,
    *,
    staff: list,
    still_open: bool,
    today: datetime.date,
) -> None:
    bsn, name = rng.choice(DEMO_APPLICANTS)
    zaak = create_zaak(
        tenant=gemeente,
        adoption=adoption,
        initiator=Initiator(name=name, bsn=bsn),
        data=example_answers(adoption.zaaktype),
        actor=Actor.system("plus1 demo"),
    )
    handler = rng.choice(staff) if staff else None
    actor = employee_actor(handler, tenant=gemeente) if handler else Actor.system("plus1 demo")
    if handler is not None and (not still_open or rng.random() < 0.6):
        zaak = claim_zaak(zaak=zaak, user=handler, actor=actor, expected_version=None)
    if still_open:
        # Half of the open zaken came in long ago: past their legal end date (te laat).
        age = rng.randint(70, 120) if rng.random() < 0.5 else rng.randint(1, 20)
        _move_back(zaak, registered=today - datetime.timedelta(days=age), ended=None)
        return
    duration = rng.randint(profile.min_days, profile.max_days)
    # One in eight closed zaken took longer than the law allows, as happens.
    if rng.random() < 0.125:
        duration += 7 * rng.randint(8, 12)
    ended = today - datetime.timedelta(days=rng.randint(1, HISTORY_DAYS - duration))
    registered = ended - datetime.timedelta(days=duration)
    granted = rng.random() < profile.granted
    resultaattype = _result(zaak.zaaktype, granted=granted)
    besluittype = zaak.zaaktype.besluittypen.order_by("pk").first()
    if besluittype is not None:
        decide_zaak(
            zaak=zaak,
            besluittype=besluittype,
            decided_on=ended,
            effective_on=ended,
            toelichting=GRANTED_TEXT if granted else REFUSED_TEXT,
            actor=actor,
            expected_version=None,
        )
    zaak = close_zaak(zaak=zaak, resultaattype=resultaattype, actor=actor, expected_version=None)
    _move_back(zaak, registered=registered, ended=ended)


def _result(zaaktype: ZaakType, *, granted: bool) -> ResultaatType:
    results = list(zaaktype.resultaattypen.select_related("generic").order_by("pk"))
    if not granted:
        negative = [r for r in results if r.generic.omschrijving in NEGATIVE_GENERICS]
        if negative:
            return negative[0]
    return results[0]


def _move_back(zaak: Zaak, *, registered: datetime.date, ended: datetime.date | None) -> None:
    """Date the zaak as if it came in on ``registered`` (and ended on ``ended``)."""
    shift = zaak.registered_on - registered
    Zaak.objects.filter(pk=zaak.pk).update(
        registered_on=registered,
        started_on=F("started_on") - shift,
        planned_end_on=F("planned_end_on") - shift,
        service_norm_on=F("service_norm_on") - shift,
        ended_on=ended,
    )
    statuses = list(Status.objects.filter(zaak=zaak).order_by("set_at", "pk"))
    first_moment = datetime.datetime.combine(registered, datetime.time(9, 0), tzinfo=datetime.UTC)
    end_moment = datetime.datetime.combine(ended or registered, datetime.time(15, 0), tzinfo=datetime.UTC)
    for index, status in enumerate(statuses):
        status.set_at = first_moment if index == 0 else end_moment
    Status.objects.bulk_update(statuses, ["set_at"])
    if ended is not None:
        Besluit.objects.filter(zaak=zaak).update(decided_on=ended, effective_on=ended)
