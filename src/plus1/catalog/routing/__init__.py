""" "Waar kan ik terecht?": route an everyday Dutch question to gemeente products or elsewhere.

Public interface (used by the portal, the evaluation command and the bench)::

    from plus1.catalog.routing import route
    answer = route("mijn moeder kan niet meer alleen wonen", gemeente=gemeente, limit=5)
    answer.products        # ranked ProductMatch: .product (catalog Product), .score, .reasons
    answer.clarify         # 0 or 2-3 ClarifyChoice: .label (Dutch), .query, .products
    answer.clarify_question  # Dutch question to show above the choices ("" when clear)
    answer.elsewhere       # Elsewhere: .key, .name, .explanation (Dutch), .url, .reasons
    answer.normalized_query  # what the engine understood: fillers dropped, typos corrected

See ``engine.route`` for the full contract.
"""

from .answer import ClarifyChoice, Elsewhere, ProductMatch, Reason, RouteAnswer
from .engine import route

__all__ = ["ClarifyChoice", "Elsewhere", "ProductMatch", "Reason", "RouteAnswer", "route"]
