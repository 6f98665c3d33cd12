"""Form fields several delivery layers share."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

# The largest id a database column holds (bigint); Django's own ids are never larger.
LARGEST_ID = 2**63 - 1


class ModelIdsField(forms.ModelMultipleChoiceField):
    """A ModelMultipleChoiceField that refuses an id too large for the database as a form error.

    Django checks each value alone (a word is ``invalid_pk_value``) but passes a number such as
    ``?product=99999999999999999999`` on to ``pk__in``, where SQLite raises OverflowError (a 500).
    """

    def clean(self, value):
        for item in value if isinstance(value, (list, tuple)) else ():
            try:
                number = int(str(item))
            except ValueError:
                continue  # not a number at all: Django's own check refuses it
            if not -LARGEST_ID <= number <= LARGEST_ID:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": item}
                )
        return super().clean(value)
