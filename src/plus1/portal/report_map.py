"""The map on the melding form: on only when a tile server is configured (PLUS1_MAP_TILE_URL)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class MapConfig:
    tile_url: str
    attribution: str
    # The only host the page's Content-Security-Policy adds (img-src), e.g. https://service.pdok.nl.
    origin: str


def map_config() -> MapConfig | None:
    """The configured map, or None: then the form has the address field only and loads no map code."""
    url = settings.PLUS1_MAP_TILE_URL.strip()
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.netloc or "{z}" not in url:
        # A typo must not break reporting: the form works without the map.
        logger.warning("PLUS1_MAP_TILE_URL is no http(s) URL with {z}/{x}/{y}; the melding form shows no map")
        return None
    return MapConfig(
        tile_url=url, attribution=settings.PLUS1_MAP_ATTRIBUTION, origin=f"{parts.scheme}://{parts.netloc}"
    )
