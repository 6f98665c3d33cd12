"""Search in the portal: "Waar kan ik terecht met ...?" Thin views over the router.

The HTML page answers with products and why they came up, clarifying choices for a vague
question, or the other organisation the question belongs to, and logs the question
anonymised (``plus1.routing``) so the collective sees which questions fail. The JSON answer
for chatbots and contact centres is not logged: nobody clicks there.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from plus1.catalog.models import Product
from plus1.catalog.routing import route
from plus1.core.ratelimit import limit_per_ip
from plus1.routing import services as query_log

from .routing import gemeente_for_request, portal_redirect
from .search_page import AFTER_CLARIFY, CHOICE, PRODUCT, QUERY, QUESTION, SearchPage, build_search_page

MAX_QUERY_LENGTH = 200
PAGE_RESULTS = 5
JSON_RESULTS = 10
CHOICE_KEY_LENGTH = 60


def _query(request: HttpRequest) -> str:
    return request.GET.get(QUERY, "").strip()[:MAX_QUERY_LENGTH]


@require_GET
@limit_per_ip("portal-search-page", rate_setting="PLUS1_RATELIMIT_SEARCH", methods=("GET",))
def search_page(request: HttpRequest, gemeente_slug: str | None = None) -> HttpResponse:
    gemeente = gemeente_for_request(request, gemeente_slug)
    query = _query(request)
    page = SearchPage()
    if query:
        answer = route(query, gemeente=gemeente, limit=PAGE_RESULTS)
        logged = query_log.log_search(
            tenant=gemeente,
            answer=answer,
            after_clarify=query_log.parse_token(request.GET.get(AFTER_CLARIFY)),
            choice_key=request.GET.get(CHOICE, "")[:CHOICE_KEY_LENGTH],
        )
        page = build_search_page(request, gemeente=gemeente, answer=answer, token=logged and logged.token)
    return render(request, "portal/search.html", {"gemeente": gemeente, "query": query, "page": page})


@require_GET
def search_choice(request: HttpRequest, gemeente_slug: str | None = None) -> HttpResponse:
    """The resident opens a product from the results: note the choice, then show the product."""
    gemeente = gemeente_for_request(request, gemeente_slug)
    product = Product.objects.filter(slug=request.GET.get(PRODUCT, "")[:200]).first()
    if product is None:
        raise Http404
    query_log.record_choice(
        tenant=gemeente, token=query_log.parse_token(request.GET.get(QUESTION)), product=product
    )
    return portal_redirect(request, "portal:product-detail", product.slug)


@require_GET
@limit_per_ip("portal-search", rate_setting="PLUS1_RATELIMIT_SEARCH", methods=("GET",), as_json=True)
def search_json(request: HttpRequest, gemeente_slug: str | None = None) -> JsonResponse:
    """The ranked search results for chatbots and contact centres, with clarifying choices
    and the other organisations the question may belong to."""
    gemeente = gemeente_for_request(request, gemeente_slug)
    query = _query(request)
    page = SearchPage()
    if query:
        answer = route(query, gemeente=gemeente, limit=JSON_RESULTS)
        page = build_search_page(request, gemeente=gemeente, answer=answer, token=None)
    return JsonResponse(
        {
            "gemeente": gemeente.name,
            "query": query,
            "results": [
                {"uniforme_productnaam": r.upl_name, "upl_uri": r.upl_uri, "title": r.title, "url": r.url}
                for r in page.results
            ],
            "keuzevraag": {
                "vraag": page.clarify_question,
                "keuzes": [
                    {"label": c.label, "url": request.build_absolute_uri(c.path)} for c in page.choices
                ],
            },
            "elders": [{"naam": e.name, "uitleg": e.explanation, "url": e.url} for e in page.elsewhere],
        },
        json_dumps_params={"ensure_ascii": False},
    )
