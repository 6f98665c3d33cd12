"""An ORM query built and compiled once per process, then run again and again with other values.

On the hottest paths (a zaak by uuid on every detail request, the zaaktype of every create)
building and compiling the queryset costs more CPU than PostgreSQL spends running it. A
``PreparedQuery`` builds its queryset once, with placeholder values, and keeps the SQL and
the compiler that knows how to turn rows into model instances; each run only swaps the
values in. The result is exactly what the queryset itself would give (converters, annotations
and ``select_related`` included), and the SQL text stays the same, so PostgreSQL's prepared
statement is reused too.

Placeholders are ints, strings or UUIDs, each distinct and each used once in the query.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from django.db import connections, models
from django.db.models import Model, QuerySet
from django.db.models.query import get_related_populators

M = TypeVar("M", bound=Model)


class PreparedQuery(Generic[M]):
    def __init__(self, build: Callable[..., QuerySet[M]], *placeholders: Any) -> None:
        self._build = build
        self._placeholders = placeholders
        self._compiled: dict[str, _Compiled] = {}
        self._lock = threading.Lock()

    def all(self, *values: Any, using: str = "default") -> list[M]:
        compiled = self._compiled.get(using)
        if compiled is None:
            with self._lock:
                compiled = self._compiled.get(using) or self._compile(using)
        return compiled.run(values)

    def first(self, *values: Any, using: str = "default") -> M | None:
        """The row of a query on a unique key, or None (no ORDER BY: use it for one row only)."""
        found = self.all(*values, using=using)
        return found[0] if found else None

    def _compile(self, using: str) -> _Compiled:
        queryset = self._build(*self._placeholders)
        compiler = queryset.query.chain().get_compiler(using=using)
        sql, params = compiler.as_sql()
        slots = []
        for placeholder in self._placeholders:
            matches = [
                (index, transform)
                for index, param in enumerate(params)
                for transform in _TRANSFORMS
                if _same(transform(placeholder), param)
            ]
            if len(matches) != 1:
                raise ValueError(f"placeholder {placeholder!r} must appear exactly once in the query")
            slots.append(matches[0])
        compiled = _Compiled(using, sql, list(params), slots, compiler)
        self._compiled[using] = compiled
        return compiled


def _same(expected: Any, param: Any) -> bool:
    return expected is not None and type(expected) is type(param) and expected == param


# How a placeholder can show in the compiled parameters: as given, or (SQLite) a UUID as hex.
_TRANSFORMS: list[Callable[[Any], Any]] = [
    lambda value: value,
    lambda value: value.hex if isinstance(value, uuid.UUID) else None,
]


class _Compiled:
    def __init__(self, using, sql, params, slots, compiler) -> None:
        self.using, self.sql, self.params, self.slots = using, sql, params, slots
        self.columns = [column[0] for column in compiler.select[: compiler.col_count]]
        klass_info = compiler.klass_info
        self.model = klass_info["model"]
        start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
        self.model_slice = slice(start, end)
        self.init_list = [column[0].target.attname for column in compiler.select[start:end]]
        self.annotations = list(compiler.annotation_col_map.items())
        self.klass_info, self.select = klass_info, compiler.select
        self.has_related = bool(klass_info.get("related_klass_infos"))

    def run(self, values: tuple) -> list:
        params = list(self.params)
        for (index, transform), value in zip(self.slots, values, strict=True):
            params[index] = transform(value)
        # The connection of this thread: Django's connections are per thread.
        connection = connections[self.using]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        if not rows:
            return []
        converters = self._converters(connection)
        found = []
        populators = (
            get_related_populators(self.klass_info, self.select, self.using) if self.has_related else []
        )
        for fetched in rows:
            row = list(fetched)
            for position, functions, column in converters:
                value = row[position]
                for convert in functions:
                    value = convert(value, column, connection)
                row[position] = value
            obj = self.model.from_db(self.using, self.init_list, row[self.model_slice])
            for populator in populators:
                populator.populate(row, obj)
            for name, position in self.annotations:
                setattr(obj, name, row[position])
            found.append(obj)
        return found

    def _converters(self, connection) -> list:
        # As SQLCompiler.get_converters: the backend's, then the field's own.
        converters = []
        for position, column in enumerate(self.columns):
            if column is None:
                continue
            functions = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
            if functions:
                converters.append((position, functions, column))
        return converters


class PreparedInsert(Generic[M]):
    """``obj.save()`` of a new row of ``model``, with its INSERT built once per process.

    On the create paths (a zaak, its audit row and processing record) Django's insert compiler
    cost more CPU than PostgreSQL spends on the row. This writes what ``save()`` writes: every
    concrete column with its ``pre_save`` value (``auto_now_add`` included) prepared by the
    field, and reads the primary key back with ``RETURNING``. A model with save signals, a
    custom ``save()`` (unless ``trust_save``: its checks hold for every new row), database
    defaults, generated columns or placeholder casts is saved the ordinary way.
    """

    def __init__(self, model: type[M], *, trust_save: bool = False) -> None:
        self.model = model
        self._trust_save = trust_save
        self._compiled: dict[str, tuple[str, list] | None] = {}

    def save(self, obj: M, *, using: str = "default") -> M:
        compiled = self._compiled.get(using, False)
        if compiled is False:
            compiled = self._compiled[using] = self._compile(using)
        if compiled is None or obj.pk is not None:
            obj.save(using=using)
            return obj
        sql, fields = compiled
        connection = connections[using]
        # As save(): a related object assigned before it had its key gives its key now.
        obj._prepare_related_fields_for_save(operation_name="save")
        params = [field.get_db_prep_save(field.pre_save(obj, True), connection) for field in fields]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            (pk,) = cursor.fetchone()
        obj.pk = pk
        obj._state.adding = False
        obj._state.db = using
        return obj

    def _compile(self, using: str) -> tuple[str, list] | None:
        from django.db.models import Model as BaseModel
        from django.db.models import signals

        meta = self.model._meta
        connection = connections[using]
        custom_save = self.model.save is not BaseModel.save and not self._trust_save
        listeners = any(signal.has_listeners(self.model) for signal in (signals.pre_save, signals.post_save))
        fields = [field for field in meta.local_concrete_fields if field is not meta.auto_field]
        awkward = any(
            getattr(field, "generated", False)
            or getattr(field, "db_default", models.NOT_PROVIDED) is not models.NOT_PROVIDED
            or hasattr(field, "get_placeholder")
            for field in fields
        )
        if (
            custom_save
            or listeners
            or awkward
            or meta.auto_field is None
            or meta.parents
            or not connection.features.can_return_columns_from_insert
        ):
            return None
        quote = connection.ops.quote_name
        columns = ", ".join(quote(field.column) for field in fields)
        values = ", ".join(["%s"] * len(fields))
        sql = (
            f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({values}) "  # noqa: S608
            f"RETURNING {quote(meta.auto_field.column)}"
        )
        return sql, fields
