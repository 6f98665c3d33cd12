"""What the search page shows for one routed question: built here, only displayed by the template.

The router (``catalog.routing``) answers with ranked products and the reasons they came up,
clarifying choices for a vague question, and other organisations when the question is not
the gemeente's. This module turns that answer into the page's parts: each product with its
title in this gemeente and a short "waarom", each choice as a link to the refined answer,
each organisation with its link.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.http import HttpRequest
from django.utils.translation import gettext as _

from plus1.catalog import selectors
from plus1.catalog.routing import ProductMatch, RouteAnswer
from plus1.tenants.models import Organisation

from .product_pages import contact_ways, product_title
from .routing import portal_reverse

# The query parameters of the search page's own links.
QUERY = "q"
AFTER_CLARIFY = "na"
CHOICE = "keuze"
QUESTION = "zoekvraag"
PRODUCT = "product"
MAX_REASONS = 2


@dataclass(frozen=True)
class ResultItem:
    upl_name: str
    upl_uri: str
    title: str
    path: str
    url: str
    choose_path: str
    is_online: bool
    why: str


@dataclass(frozen=True)
class ChoiceItem:
    label: str
    path: str


@dataclass(frozen=True)
class ElsewhereItem:
    name: str
    explanation: str
    url: str


@dataclass
class SearchPage:
    query: str = ""
    results: list[ResultItem] = field(default_factory=list)
    clarify_question: str = ""
    choices: list[ChoiceItem] = field(default_factory=list)
    elsewhere: list[ElsewhereItem] = field(default_factory=list)
    is_elsewhere_first: bool = False
    has_answer: bool = False
    contact: list = field(default_factory=list)


def why(match: ProductMatch) -> str:
    """One short Dutch sentence from the router's reasons: "Waarom: u zocht op 'kliko'."."""
    # A reason without the words it matched ("u zocht op ''") explains nothing: leave it out.
    labels = [reason.label for reason in match.reasons if reason.label and "''" not in reason.label]
    labels = list(dict.fromkeys(labels))[:MAX_REASONS]
    if not labels:
        return ""
    return _("Waarom: %(reasons)s.") % {"reasons": "; ".join(labels)}


def _search_path(request: HttpRequest, params: dict[str, str]) -> str:
    return f"{portal_reverse(request, 'portal:search')}?{urlencode(params)}"


def build_search_page(
    request: HttpRequest, *, gemeente: Organisation, answer: RouteAnswer, token: uuid.UUID | None
) -> SearchPage:
    """The parts of the search page for ``answer``; ``token`` ties clicks to the logged question."""
    online = selectors.online_titles_by_product(gemeente)
    results = []
    for match in answer.products:
        product = match.product
        path = portal_reverse(request, "portal:product-detail", product.slug)
        choose_path = path
        if token is not None:
            choose_params = urlencode({QUESTION: str(token), PRODUCT: product.slug})
            choose_path = f"{portal_reverse(request, 'portal:search-choice')}?{choose_params}"
        results.append(
            ResultItem(
                upl_name=product.upl_name,
                upl_uri=product.upl_uri,
                title=product_title(product, online.get(product.id)),
                path=path,
                url=request.build_absolute_uri(path),
                choose_path=choose_path,
                is_online=product.id in online,
                why=why(match),
            )
        )
    choices = []
    for choice in answer.clarify:
        params = {QUERY: choice.query, CHOICE: choice.key}
        if token is not None:
            params[AFTER_CLARIFY] = str(token)
        choices.append(ChoiceItem(label=choice.label, path=_search_path(request, params)))
    return SearchPage(
        query=answer.query,
        results=results,
        clarify_question=answer.clarify_question if choices else "",
        choices=choices,
        elsewhere=[
            ElsewhereItem(name=e.name, explanation=e.explanation, url=e.url) for e in answer.elsewhere
        ],
        is_elsewhere_first=answer.is_elsewhere_first,
        has_answer=answer.has_answer,
        contact=[] if answer.has_answer else contact_ways(gemeente),
    )
