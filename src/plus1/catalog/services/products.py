"""A zaaktype's products or services: what a client sent, and the UPL product Plus1 knows among them.

The ZGW standard's ``productenOfDiensten`` holds any URLs (or none): an internal process such as
bezwaar handling or inkoop is a zaaktype too. The portal offers only zaaktypen linked to a UPL
product it knows, so the catalog keeps both: the list as sent and that product (``product``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..models import Product, ZaakType


def known_upl_product(urls: Sequence[str]) -> Product | None:
    """The first of ``urls`` that is a product of the Uniforme Productnamenlijst, if any."""
    if not urls:
        return None
    by_uri = {product.upl_uri: product for product in Product.objects.filter(upl_uri__in=list(urls))}
    return next((by_uri[url] for url in urls if url in by_uri), None)


def link_products(values: dict[str, Any], current: ZaakType | None = None) -> dict[str, Any]:
    """``values`` with ``product`` and ``producten_of_diensten`` agreeing with each other.

    A new list (the API) decides the product; a new product alone (the library, the admin)
    replaces the old product's URI in the list and keeps the other URLs.
    """
    if "producten_of_diensten" in values:
        values["product"] = known_upl_product(values["producten_of_diensten"])
    elif "product" in values:
        product = values["product"]
        kept = list(current.producten_of_diensten or []) if current is not None else []
        if current is not None and current.product_id is not None:
            kept = [url for url in kept if url != current.product.upl_uri]
        values["producten_of_diensten"] = ([product.upl_uri] if product else []) + kept
    return values
