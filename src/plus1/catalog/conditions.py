"""Fields and documents that become required by an earlier answer ("required_when").

A base process says, for example, that the employer's statement is required when the
resident answered "Van mijn werkgever" to "Van wie is de auto?". The condition is stored
on the eigenschap or the zaaktype's document type as ``{"field": name, "values": [...]}``;
an empty dict means "no condition". The importer checks a condition against the process's
own fields (``condition_problem``); the request form and the submit check ask here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.utils.translation import gettext

from .constants import DataType

# Answers a yes/no field stores (catalog.answers); a condition on it names one of these.
BOOLEAN_VALUES = ("ja", "nee")


def condition_values(condition: Mapping[str, Any]) -> list[str]:
    values = condition.get("values") or []
    return [str(v) for v in values]


def condition_problem(condition: Mapping[str, Any], fields: Sequence[Any], *, before: int | None) -> str:
    """Why ``condition`` cannot work with these request fields ("" when it can).

    ``fields`` are the process's eigenschappen (anything with ``name``, ``data_type`` and
    ``choices``); ``before`` limits the field to the ones asked earlier (an eigenschap can
    only depend on a question before it). The field must be a choice or yes/no question and
    every value one of its answers, so a typo never makes a document silently optional.
    """
    name = condition.get("field", "")
    candidates = list(fields if before is None else fields[:before])
    field = next((f for f in candidates if f.name == name), None)
    if field is None:
        if any(f.name == name for f in fields):
            return (
                f"'{name}' komt pas later in het formulier; "
                "een veld kan alleen afhangen van een eerdere vraag"
            )
        known = ", ".join(f.name for f in candidates) or "geen"
        return f"'{name}' is geen veld van dit proces (velden: {known})"
    if field.data_type == DataType.CHOICE:
        answers = [str(c) for c in field.choices]
    elif field.data_type == DataType.BOOLEAN:
        answers = list(BOOLEAN_VALUES)
    else:
        return (
            f"'{name}' is geen keuzeveld of ja/nee-veld; "
            "een voorwaarde kan alleen een gekozen antwoord noemen"
        )
    unknown = [v for v in condition_values(condition) if v not in answers]
    if unknown:
        return f"'{unknown[0]}' is geen antwoord van '{name}'; kies uit: " + ", ".join(
            f"'{a}'" for a in answers
        )
    return ""


def is_required(item: Any, answers: Mapping[str, str]) -> bool:
    """Whether ``item`` (an eigenschap or a zaaktype's document type) must be filled in now."""
    if item.is_required:
        return True
    return bool(triggering_answer(item, answers))


def triggering_answer(item: Any, answers: Mapping[str, str]) -> str:
    """The answer that makes ``item`` required ("" when its condition is not met or absent)."""
    condition = item.required_when or {}
    if not condition:
        return ""
    answer = str(answers.get(condition.get("field", ""), ""))
    return answer if answer and answer in condition_values(condition) else ""


def requirement_hint(item: Any) -> str:
    """Plain Dutch for a form label: "verplicht als u 'Van mijn werkgever' koos"."""
    values = condition_values(item.required_when or {})
    if not values:
        return ""
    quoted = [f"'{v}'" for v in values]
    chosen = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + gettext(" of ") + quoted[-1]
    return gettext("verplicht als u %(chosen)s koos") % {"chosen": chosen}


def missing_document_label(link: Any, answers: Mapping[str, str]) -> str:
    """A missing document's name, with the answer that made it required when there is one."""
    name = link.informatieobjecttype.omschrijving
    chosen = triggering_answer(link, answers) if not link.is_required else ""
    return gettext("%(name)s (u koos '%(chosen)s')") % {"name": name, "chosen": chosen} if chosen else name


def requirement_note(item: Any, answers: Mapping[str, str]) -> str:
    """What a form label adds in brackets: "" (required), "niet verplicht", or why it is required.

    With the answers known so far: "verplicht: u koos 'Van mijn werkgever'" once the condition
    holds, otherwise "niet verplicht; verplicht als u ... koos".
    """
    if item.is_required:
        return ""
    if chosen := triggering_answer(item, answers):
        return gettext("verplicht: u koos '%(chosen)s'") % {"chosen": chosen}
    if hint := requirement_hint(item):
        return gettext("niet verplicht; %(hint)s") % {"hint": hint}
    return gettext("niet verplicht")
