"""Whatever an eigenschap's input accepts fits the column it is stored in: never a 500 on PostgreSQL.

The standard allows a definitie of 255 and a toelichting of 1000 characters; Plus1 stores them in
200 and 500 (the question and help text of the form). A longer value was accepted and then failed
on PostgreSQL with "value too long for type character varying".
"""

from __future__ import annotations

import pytest
from django.db import models

from plus1.api.catalogi import schemas
from plus1.api.catalogi.eigenschappen import EIGENSCHAP_FIELDS
from plus1.catalog.models import Eigenschap


def _max_length(schema: type, dotted: str) -> int | None:
    *parents, name = dotted.split(".")
    for parent in parents:
        annotation = schema.model_fields[parent].annotation
        schema = next(arg for arg in getattr(annotation, "__args__", (annotation,)) if arg is not type(None))
    for meta in schema.model_fields[name].metadata:
        if getattr(meta, "max_length", None) is not None:
            return meta.max_length
    return None


@pytest.mark.parametrize(
    "schema", [schemas.EigenschapIn, schemas.PatchedEigenschap], ids=lambda s: s.__name__
)
def test_every_text_an_eigenschap_accepts_fits_its_column(schema):
    for attribute, column in EIGENSCHAP_FIELDS.items():
        field = Eigenschap._meta.get_field(column)
        if isinstance(field, models.CharField):
            accepted = _max_length(schema, attribute)
            assert accepted is not None and accepted <= field.max_length, (
                attribute,
                accepted,
                field.max_length,
            )
