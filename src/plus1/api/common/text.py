"""Text that no field of ours can hold: NUL and lone surrogates.

PostgreSQL refuses NUL in text (a 500 when it reaches a query), and a lone UTF-16 surrogate
(``"\\ud800"`` in JSON) cannot be encoded as UTF-8, so it fails wherever it is written, sent
or logged. The request gate refuses both in every body, query parameter and path, and the
token check in every claim we read, so no view has to think of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

# NUL, or a UTF-16 surrogate on its own (json joins a valid pair into one code point).
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")

NUL_REASON = "Deze tekst bevat een NUL-teken (\\u0000); dat kunnen wij niet opslaan."
SURROGATE_REASON = "Deze tekst bevat een los surrogaatteken (\\ud800-\\udfff); dat is geen geldige Unicode."


def unstorable_reason(text: str) -> str | None:
    """Why ``text`` cannot be taken, or None when it can."""
    found = _UNSTORABLE.search(text)
    if found is None:
        return None
    return NUL_REASON if found.group() == "\x00" else SURROGATE_REASON


def unstorable_strings(data: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """(field path, reason) for each key or string in parsed JSON that cannot be taken.

    The path is dotted with list indexes (``rollen.0.naam``), as ``invalidParams`` names
    fields; an empty path is the body itself.
    """
    # An explicit stack: a deeply nested body must not exhaust the recursion limit.
    stack: list[tuple[str, Any]] = [(path, data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            reason = unstorable_reason(value)
            if reason:
                yield where or "nonFieldErrors", reason
        elif isinstance(value, dict):
            for key, item in value.items():
                child = f"{where}.{key}" if where else str(key)
                reason = unstorable_reason(key)
                if reason:
                    yield where or "nonFieldErrors", reason
                    continue
                stack.append((child, item))
        elif isinstance(value, list):
            stack.extend(
                (f"{where}.{index}" if where else str(index), item) for index, item in enumerate(value)
            )
