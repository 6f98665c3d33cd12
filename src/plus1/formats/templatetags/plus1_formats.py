from django import template

from plus1.formats.display import display_value

register = template.Library()


@register.filter
def answer(value: str, data_type: str = "") -> str:
    """``{{ item.value|answer:item.eigenschap.data_type }}``: a date answer as "21 december 2026"."""
    return display_value(value, data_type)
