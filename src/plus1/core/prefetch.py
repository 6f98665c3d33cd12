"""The one place that reads and fills Django's prefetch cache on a model instance.

``prefetch_related`` keeps the related rows it loaded in ``_prefetched_objects_cache``, a private
attribute of Django's. Reading it lets a helper use rows the page already loaded instead of
asking again; filling it tells Django (and our helpers) that a new object has no related rows
yet, so rendering it costs no query. Both reach into Django internals, so they live here, with
a test (core/tests/test_prefetch.py) that fails if a Django upgrade changes the attribute.
"""

from __future__ import annotations

from django.db import models


def prefetched(instance: models.Model, relation: str) -> list | None:
    """The rows of ``relation`` that ``prefetch_related`` loaded on ``instance``, or None if it did not."""
    rows = getattr(instance, "_prefetched_objects_cache", {}).get(relation)
    if rows is None:
        return None
    if isinstance(rows, models.QuerySet) and rows.query.is_empty():
        # ``mark_empty``'s none(): evaluating it builds a query only to learn it is empty.
        return []
    return list(rows)


def is_prefetched(instance: models.Model, relation: str) -> bool:
    return relation in getattr(instance, "_prefetched_objects_cache", {})


def mark_empty(instance: models.Model, *relations: str) -> None:
    """Tell Django that ``instance`` has no rows yet for ``relations`` (a just-created object)."""
    cache = instance.__dict__.setdefault("_prefetched_objects_cache", {})
    for relation in relations:
        cache[relation] = instance._meta.get_field(relation).related_model.objects.none()


def mark_no_related_object(instance: models.Model, relation: str) -> None:
    """Tell Django that ``instance`` has no object at the reverse one-to-one ``relation`` yet."""
    instance._state.fields_cache[relation] = None
