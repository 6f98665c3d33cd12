"""W3C Trace Context (https://www.w3.org/TR/trace-context/): one trace per request or task.

The current span lives in a context variable, so every layer can ask for it without passing it
around: the processing log stores its trace and span id, and outgoing calls (BRP, KvK, ...)
send ``outgoing_headers()`` so a trace continues into the systems Plus1 calls.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace

TRACEPARENT = re.compile(r"^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$")
INVALID_TRACE_ID = "0" * 32
INVALID_SPAN_ID = "0" * 16


@dataclass(frozen=True)
class Span:
    """One unit of work: its trace, its own id, and the span (of the caller) it continues."""

    trace_id: str
    span_id: str
    parent_span_id: str = ""
    flags: str = "01"
    name: str = ""

    @property
    def traceparent(self) -> str:
        return f"00-{self.trace_id}-{self.span_id}-{self.flags}"

    def child(self, name: str = "") -> Span:
        return Span(self.trace_id, new_span_id(), self.span_id, self.flags, name or self.name)


_current: ContextVar[Span | None] = ContextVar("plus1_current_span", default=None)


def new_trace_id() -> str:
    return secrets.token_hex(16)


def new_span_id() -> str:
    return secrets.token_hex(8)


def parse_traceparent(header: str | None) -> tuple[str, str, str] | None:
    """(trace id, parent span id, flags) of a valid ``traceparent`` header, else None.

    Version ``ff`` and all-zero ids are invalid (Trace Context section 3.2); a later version
    is read as version 00 as long as the first four fields have the 00 shape.
    """
    if not header:
        return None
    value = header.strip().lower()
    match = TRACEPARENT.match(value[:55])
    if match is None or (len(value) > 55 and (match.group(1) == "00" or value[55] != "-")):
        return None
    version, trace_id, parent_id, flags = match.groups()
    if version == "ff" or trace_id == INVALID_TRACE_ID or parent_id == INVALID_SPAN_ID:
        return None
    return trace_id, parent_id, flags


def start_span(traceparent: str | None = None, *, name: str = "") -> Span:
    """A new span: continuing the caller's trace when ``traceparent`` is valid, else a new trace."""
    parsed = parse_traceparent(traceparent)
    if parsed is None:
        return Span(new_trace_id(), new_span_id(), "", "01", name)
    trace_id, parent_id, flags = parsed
    return Span(trace_id, new_span_id(), parent_id, flags, name)


@contextmanager
def span(traceparent: str | None = None, *, name: str = "", new_trace: bool = False) -> Iterator[Span]:
    """Run the block in a span: a child of the current one, or the start of a (continued) trace.

    Background tasks pass ``new_trace=True``: they start their own trace.
    """
    parent = _current.get()
    if parent is not None and traceparent is None and not new_trace:
        current = parent.child(name)
    else:
        current = start_span(traceparent, name=name)
    token = _current.set(current)
    try:
        yield current
    finally:
        _current.reset(token)


def name_current_span(name: str) -> None:
    """Give the running span its operation name once it is known (e.g. the URL name)."""
    current = _current.get()
    if current is not None:
        _current.set(replace(current, name=name))


def current_span() -> Span | None:
    return _current.get()


def current_traceparent() -> str:
    """The ``traceparent`` value of the current span; starts a throw-away trace when none runs."""
    current = _current.get() or start_span()
    return current.traceparent


def outgoing_headers() -> dict[str, str]:
    """The headers an outgoing HTTP call sends so the called system joins this trace."""
    return {"traceparent": current_traceparent()}
