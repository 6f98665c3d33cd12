"""Klantwaardering API (``/klantwaardering/api/v1/``): a gemeente's own answers and figures, read-only.

Not a ZGW standard, but built like the ZGW APIs of Plus1 so a client needs nothing new: the
same JWT (HS256, the application's client id and secret), the same applications and
autorisaties, pagination (``count``/``next``/``previous``/``results``, pages of 100) and error
bodies (``Fout``, ``ValidatieFout``). Access: an application with ``heeftAlleAutorisaties``,
or one with the scope ``klantwaardering.lezen`` on component ``zrc`` (answers are about zaken;
scopes are free labels in the Autorisaties API, so no new component is needed). An
application only ever sees its own gemeente's answers.

An answer here carries no zaak, no phone number and no BSN (the model holds no name or BSN
at all), so reading it is not a processing of personal data that the log must record.
"""

from __future__ import annotations

import contextvars
import datetime
import re
from typing import Any

from django.http import HttpRequest, HttpResponse

from plus1.apiclients.access import ClientAccess
from plus1.apiclients.constants import Component
from plus1.catalog.models import Process
from plus1.feedback import selectors
from plus1.feedback.constants import Channel
from plus1.feedback.models import Answer
from plus1.tenants.selectors import get_collective

from ..common import errors
from ..common.api import ZgwNinjaAPI
from ..common.auth import ZgwJwtAuth, require_scope
from ..common.errors import invalid
from ..common.http import json_response
from ..common.pagination import paginate
from ..common.params import reject_unknown_params
from ..common.schemas import LIST_ERRORS
from .schemas import AntwoordenPage, Samenvatting

MOUNT = "/klantwaardering/api/v1"
VERSION = "1.0.0"
COMPONENT = Component.ZRC
SCOPE = "klantwaardering.lezen"
# The longest period one summary covers.
MAX_MONTHS = 60
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MONTH = re.compile(r"^\d{4}-\d{2}$")
# The months a summary may name: no answer is older, and the last month needs a month after it.
FIRST_YEAR, LAST_YEAR = 2000, 2999

DESCRIPTION = (
    "De antwoorden van inwoners op de klantwaardering van de eigen gemeente, en de cijfers "
    "daarover: alleen lezen. Zonder zaak, telefoonnummer of BSN. Toegang met een JWT zoals bij "
    "de ZGW API's: een applicatie met heeftAlleAutorisaties, of met de scope "
    f"{SCOPE} op component zrc. Een applicatie ziet alleen de antwoorden van haar eigen gemeente."
)


class KlantwaarderingAuth(ZgwJwtAuth):
    """The ZGW JWT check, with the API-call mark for audit rows kept inside the check.

    ``ZgwJwtAuth`` marks the rest of the context as an API call; the ZGW middleware gives each
    request of the standard APIs a context of its own. This read-only API writes no audit rows
    and runs outside that middleware, so the mark must not outlive the check.
    """

    def authenticate(self, request: HttpRequest, token: str) -> ClientAccess:
        return contextvars.copy_context().run(super().authenticate, request, token)


class KlantwaarderingApi(ZgwNinjaAPI):
    """The ZGW error answers in the document; no standard document to take headers from."""

    def _standard_headers(self, method: str, path: str) -> list[dict]:
        return []


api = KlantwaarderingApi(
    title="Klantwaardering API",
    version=VERSION,
    description=DESCRIPTION,
    urls_namespace="klantwaardering",
    auth=KlantwaarderingAuth(),
    docs_url=None,
    openapi_url="/schema/openapi.json",
    servers=[{"url": MOUNT}],
)
api.zgw_name = "klantwaardering"
errors.install(api)


@api.get("/schema/openapi.yaml", auth=None, include_in_schema=False)
def openapi_yaml(request: HttpRequest) -> HttpResponse:
    """The committed document (``openapi.py``), as the ZGW APIs keep theirs."""
    from .openapi import OPENAPI_PATH

    return HttpResponse(
        OPENAPI_PATH.read_text(encoding="utf-8"), content_type="application/yaml; charset=utf-8"
    )


# --- parameters ---------------------------------------------------------------------------------


def _date(request: HttpRequest, name: str) -> datetime.date | None:
    value = request.GET.get(name)
    if value is None:
        return None
    try:
        if not DATE.match(value):
            raise ValueError(value)
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise invalid(name, "invalid", "Dit is geen geldige datum (JJJJ-MM-DD).") from None


def _month(request: HttpRequest, name: str) -> datetime.date | None:
    value = request.GET.get(name)
    if value is None:
        return None
    try:
        if not MONTH.match(value):
            raise ValueError(value)
        month = datetime.date.fromisoformat(f"{value}-01")
    except ValueError:
        raise invalid(name, "invalid", "Dit is geen geldige maand (JJJJ-MM).") from None
    if not FIRST_YEAR <= month.year <= LAST_YEAR:
        # The period's end is a month further on: 9999-12 would have no end date at all.
        raise invalid(name, "invalid", f"Kies een maand tussen {FIRST_YEAR}-01 en {LAST_YEAR}-12.")
    return month


def _process(request: HttpRequest) -> Process | None:
    value = request.GET.get("proces")
    if value is None:
        return None
    process = (
        Process.objects.filter(
            identificatie=value[:80], tenant_id__in=[request.tenant.pk, get_collective().pk]
        )
        .order_by("pk")
        .first()
    )
    if process is None:
        raise invalid(
            "proces", "invalid", "Dit proces kennen wij niet. Geef de identificatie van een basisproces."
        )
    return process


def _channel(request: HttpRequest) -> str:
    value = request.GET.get("kanaal")
    if value is None:
        return ""
    if value not in Channel.values:
        raise invalid("kanaal", "invalid_choice", f"Kies een kanaal uit: {', '.join(Channel.values)}.")
    return value


# --- the answers --------------------------------------------------------------------------------


def serialize(answer: Answer) -> dict[str, Any]:
    return {
        "id": answer.pk,
        "proces": answer.process.identificatie if answer.process_id else None,
        "team": answer.team.name if answer.team_id else None,
        "kanaal": answer.channel,
        "aanleiding": answer.source,
        "rapportcijfer": answer.score,
        "gemak": answer.effort,
        "watKanBeter": answer.improvement,
        "beantwoordOp": answer.answered_on.isoformat(),
    }


# What an answer shows; the zaak link and the phone number are never even loaded.
FIELDS = (
    "pk",
    "process__identificatie",
    "team__name",
    "channel",
    "source",
    "score",
    "effort",
    "improvement",
    "answered_on",
)


@api.get(
    "/antwoorden",
    response={200: AntwoordenPage, **LIST_ERRORS},
    summary="Alle antwoorden van de eigen gemeente opvragen.",
    description=(
        "Nieuwste eerst, per pagina van 100. Filters: beantwoordOp__gte en beantwoordOp__lte "
        "(JJJJ-MM-DD, tot en met), proces (identificatie van het basisproces), kanaal."
    ),
    operation_id="antwoord_list",
    by_alias=True,
)
def antwoord_list(
    request: HttpRequest,
    beantwoordOp__gte: str | None = None,
    beantwoordOp__lte: str | None = None,
    proces: str | None = None,
    kanaal: str | None = None,
    page: int | None = None,
) -> HttpResponse:
    require_scope(request, COMPONENT, SCOPE)
    reject_unknown_params(request, {"beantwoordOp__gte", "beantwoordOp__lte", "proces", "kanaal", "page"})
    rows = Answer.objects.for_tenant(request.tenant).order_by("-answered_on", "-pk")
    if (since := _date(request, "beantwoordOp__gte")) is not None:
        rows = rows.filter(answered_on__gte=since)
    if (until := _date(request, "beantwoordOp__lte")) is not None:
        rows = rows.filter(answered_on__lte=until)
    if (process := _process(request)) is not None:
        rows = rows.filter(process=process)
    if channel := _channel(request):
        rows = rows.filter(channel=channel)
    return json_response(
        paginate(
            request,
            rows,
            lambda page_rows: [serialize(answer) for answer in page_rows],
            prepare=lambda queryset: queryset.select_related("process", "team").only(*FIELDS),
        )
    )


# --- the figures --------------------------------------------------------------------------------


def _figures(figures: selectors.Figures, key: str = "") -> dict[str, Any]:
    return {
        "label": str(figures.label),
        "sleutel": key,
        "aantalAntwoorden": figures.answers,
        "gemiddeldRapportcijfer": figures.average,
        "aantalMetGemak": figures.effort_answers,
        "gemiddeldGemak": figures.effort_average,
        "percentageMakkelijk": figures.easy_share,
    }


def _period(request: HttpRequest) -> selectors.Period:
    default = selectors.period_of()
    since = _month(request, "maandVan") or default.since
    last = _month(request, "maandTot") or default.last_month
    months = (last.year - since.year) * 12 + last.month - since.month + 1
    if months < 1:
        raise invalid("maandTot", "invalid", "maandTot mag niet voor maandVan liggen.")
    if months > MAX_MONTHS:
        raise invalid("maandVan", "invalid", f"Vraag hoogstens {MAX_MONTHS} maanden tegelijk op.")
    until = selectors.add_months(last, 1) - datetime.timedelta(days=1)
    return selectors.Period(since=since, until=until, months=months)


@api.get(
    "/samenvatting",
    response={200: Samenvatting, **LIST_ERRORS},
    summary="De cijfers van de eigen gemeente over een periode.",
    description=(
        "Aantal antwoorden, gemiddeld rapportcijfer en verdeling 1-10, gemak (customer-effort "
        "score), respons, en dezelfde cijfers per basisproces, kanaal en team. Periode in hele "
        "maanden: maandVan en maandTot (JJJJ-MM, tot en met; standaard de laatste 12 maanden). "
        "Filters: proces (identificatie van het basisproces), kanaal."
    ),
    operation_id="samenvatting",
    by_alias=True,
)
def samenvatting(
    request: HttpRequest,
    maandVan: str | None = None,
    maandTot: str | None = None,
    proces: str | None = None,
    kanaal: str | None = None,
) -> HttpResponse:
    require_scope(request, COMPONENT, SCOPE)
    reject_unknown_params(request, {"maandVan", "maandTot", "proces", "kanaal"})
    period = _period(request)
    scope = selectors.Scope(
        tenant=request.tenant, period=period, process=_process(request), channel=_channel(request)
    )
    # The dashboard's figures (F2's selectors): totals, distribution, response, and the
    # breakdowns per process, channel and team, in a few aggregate queries.
    figures = selectors.dashboard(scope)
    summary, processes = figures.summary, figures.processes
    codes = dict(
        Process.objects.filter(pk__in=[int(f.key) for f in processes if f.key]).values_list(
            "pk", "identificatie"
        )
    )
    return json_response(
        {
            "maandVan": period.since.strftime("%Y-%m"),
            "maandTot": period.last_month.strftime("%Y-%m"),
            "totaal": _figures(summary.totals),
            "verdeling": [
                {"rapportcijfer": score, "aantal": count, "percentage": share}
                for score, count, share in summary.distribution
            ],
            "respons": {
                "uitgenodigd": summary.response.invited,
                "beantwoord": summary.response.answered,
                "percentage": summary.response.rate,
            },
            "perProces": [_figures(f, codes.get(int(f.key), "") if f.key else "") for f in processes],
            "perKanaal": [_figures(f, f.key) for f in figures.channels],
            "perTeam": [_figures(f, str(f.label) if f.key else "") for f in figures.teams],
        }
    )
