import isodate
from django.core.exceptions import ValidationError


def validate_iso_duration(value: str) -> None:
    """Accept an ISO 8601 duration such as P8W, P3M or P1Y6M (ZGW uses these for every term)."""
    try:
        isodate.parse_duration(value)
    except (isodate.ISO8601Error, ValueError) as exc:
        raise ValidationError(
            "Dit is geen geldige termijn. Schrijf de termijn als ISO 8601, bijvoorbeeld P8W voor acht weken.",
            code="invalid_duration",
        ) from exc
