"""Requests per client IP address, counted in the cache by django-ratelimit (docs/security.md).

Over the limit a visitor gets a calm Dutch page with status 429 and ``Retry-After``, the seconds
until the current window ends. The rate is read from settings on every request, so an installation
sets it in the environment and a test can lower it with ``override_settings``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage


def too_many_requests(request: HttpRequest, retry_after: int, *, as_json: bool = False) -> HttpResponse:
    retry_after = max(1, retry_after)
    if as_json:
        response: HttpResponse = JsonResponse(
            {
                "detail": _("Te veel verzoeken. Probeer het over %(seconds)s seconden opnieuw.")
                % {"seconds": retry_after}
            },
            status=429,
        )
    else:
        response = render(request, "429.html", {"retry_minutes": -(-retry_after // 60)}, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def limit_per_ip(
    group: str, *, rate_setting: str, methods: Iterable[str] = ("POST",), as_json: bool = False
) -> Callable:
    """Limit a view to ``settings.<rate_setting>`` requests per client IP address.

    Only the given methods count, so looking at a form is free and sending it is limited.
    """
    counted = frozenset(methods)

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method in counted:
                usage = get_usage(
                    request,
                    group=f"plus1.{group}",
                    key="ip",
                    rate=getattr(settings, rate_setting),
                    increment=True,
                )
                if usage is not None and usage["should_limit"]:
                    return too_many_requests(request, usage["time_left"], as_json=as_json)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
