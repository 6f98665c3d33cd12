"""Query parameters: a parameter the OAS does not list is an error, not silently ignored."""

from __future__ import annotations

from collections.abc import Iterable

from django.http import HttpRequest

from .errors import ApiError


def reject_unknown_params(request: HttpRequest, allowed: Iterable[str]) -> None:
    """400 ``unknown-parameters`` for query parameters outside ``allowed`` (Autorisaties page)."""
    unknown = sorted(set(request.GET) - set(allowed))
    if unknown:
        raise ApiError(
            400,
            "invalid",
            "Onbekende query-parameters: " + ", ".join(unknown) + ".",
            invalid_params=[
                ("nonFieldErrors", "unknown-parameters", f"Deze parameter kennen wij niet: {name}.")
                for name in unknown
            ],
        )
