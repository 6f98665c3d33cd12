"""Validators for Dutch identifiers that several apps share."""

from django.core.exceptions import ValidationError


def passes_eleven_test(number: str) -> bool:
    """Check a 9-digit BSN or RSIN with the eleven test (elfproef).

    Weights 9..2 for the first eight digits and -1 for the last; the sum must be a
    multiple of 11 (Besluit BSN, and the RSIN uses the same rule).
    """
    if len(number) != 9 or not number.isdigit():
        return False
    total = sum(int(digit) * weight for digit, weight in zip(number[:8], range(9, 1, -1), strict=True))
    total -= int(number[8])
    return total % 11 == 0 and number != "000000000"


def validate_rsin(value: str) -> None:
    if not passes_eleven_test(value):
        raise ValidationError(
            "Dit is geen geldig RSIN. Een RSIN heeft 9 cijfers en moet voldoen aan de elfproef.",
            code="invalid_rsin",
        )


def validate_bsn(value: str) -> None:
    if not passes_eleven_test(value):
        raise ValidationError(
            "Dit is geen geldig burgerservicenummer. Controleer of u 9 cijfers hebt ingevuld.",
            code="invalid_bsn",
        )
