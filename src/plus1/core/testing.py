"""Test helpers shared by apps: posting the admin's own forms back."""

from __future__ import annotations

from typing import Any

from django import forms


def admin_change_form_data(response: Any) -> dict[str, Any]:
    """What the admin's change form in ``response`` would post back unchanged, inlines included."""
    data: dict[str, Any] = {}
    form = response.context["adminform"].form
    for name, field in form.fields.items():
        value = form[name].value()
        # A file field left out keeps its file, as in the browser.
        if value is not None and not isinstance(field, forms.FileField):
            data[name] = value
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for name in formset.management_form.fields:
            value = formset.management_form[name].value()
            data[f"{formset.prefix}-{name}"] = "" if value is None else value
        for sub in formset.forms:
            for name in sub.fields:
                value = sub[name].value()
                if value not in (None, False):
                    data[sub.add_prefix(name)] = value
    return data
