"""Unpaid payments that passed their date: expired, so the resident sees a clear message."""

from __future__ import annotations


def expire_unpaid() -> int:
    raise NotImplementedError
