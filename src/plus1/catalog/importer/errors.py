"""Pydantic's validation errors, told in plain Dutch for the people who write library files."""

from typing import Any

_MESSAGES = {
    "missing": "dit veld is verplicht maar ontbreekt",
    "extra_forbidden": "dit veld bestaat niet (een typefout?)",
    "string_type": "hier hoort tekst",
    "string_too_short": "dit veld mag niet leeg zijn",
    "string_too_long": "de tekst is te lang (hoogstens {max_length} tekens)",
    "string_pattern_mismatch": "de waarde heeft niet de juiste vorm",
    "bool_type": "hier hoort true of false",
    "bool_parsing": "hier hoort true of false",
    "int_type": "hier hoort een geheel getal",
    "int_parsing": "hier hoort een geheel getal",
    "int_from_float": "hier hoort een geheel getal",
    "decimal_parsing": "hier hoort een getal",
    "decimal_type": "hier hoort een getal",
    "date_type": "hier hoort een datum (JJJJ-MM-DD)",
    "date_parsing": "hier hoort een datum (JJJJ-MM-DD)",
    "date_from_datetime_parsing": "hier hoort een datum (JJJJ-MM-DD)",
    "greater_than_equal": "de waarde moet minstens {ge} zijn",
    "less_than_equal": "de waarde mag hoogstens {le} zijn",
    "too_short": "hier horen minstens {min_length} onderdelen",
    "list_type": "hier hoort een lijst",
    "model_type": "hier hoort een blok met velden",
    "dict_type": "hier hoort een blok met velden",
    "enum": "kies uit: {expected}",
    "literal_error": "kies uit: {expected}",
}


def dutch_message(error: dict[str, Any]) -> str:
    kind = error["type"]
    if kind == "value_error":
        # Our own validators already speak Dutch; drop pydantic's English prefix.
        return str(error["ctx"]["error"]) if "ctx" in error else error["msg"]
    template = _MESSAGES.get(kind)
    if template is None:
        return error["msg"]
    try:
        return template.format(**error.get("ctx", {}))
    except KeyError:
        return error["msg"]
