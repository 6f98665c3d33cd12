"""The rules for an answer to one request field (eigenschap), in one place.

The portal form, the service that creates a zaak and later the API all check answers here,
so a rule cannot differ between channels. Answers are stored as text in a normal form:
dates as ISO (2026-03-01), postcodes as "1234 AB", yes/no as "ja"/"nee".
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from plus1.core import clock
from plus1.core.validators import passes_eleven_test

from .conditions import is_required, triggering_answer
from .constants import DataType, DateRange
from .models import Eigenschap

POSTCODE_RE = re.compile(r"^([1-9][0-9]{3})\s?([A-Za-z]{2})$")
PHONE_RE = re.compile(r"^\+?[0-9][0-9 \-]{8,16}$")
YES_NO = {"ja": "ja", "nee": "nee", "true": "ja", "false": "nee"}


def clean_answer(eigenschap: Eigenschap, raw: str) -> str:
    """Check and normalise one answer; raise ValidationError with a plain Dutch message.

    An empty answer is fine here; whether the field is required is the caller's question.
    """
    value = (raw or "").strip()
    if value == "":
        return ""
    cleaner = _CLEANERS[eigenschap.data_type]
    return cleaner(eigenschap, value)


def _text(eigenschap: Eigenschap, value: str) -> str:
    if eigenschap.min_length is not None and len(value) < eigenschap.min_length:
        raise ValidationError(f"Vul minstens {eigenschap.min_length} tekens in.")
    if eigenschap.max_length is not None and len(value) > eigenschap.max_length:
        raise ValidationError(f"Vul hoogstens {eigenschap.max_length} tekens in.")
    return value


def _number(eigenschap: Eigenschap, value: str) -> str:
    try:
        number = Decimal(value.replace(",", "."))
    except InvalidOperation as exc:
        raise ValidationError("Vul een getal in, bijvoorbeeld 12 of 12,5.") from exc
    if not number.is_finite():
        raise ValidationError("Vul een getal in, bijvoorbeeld 12 of 12,5.")
    if eigenschap.min_value is not None and number < eigenschap.min_value:
        raise ValidationError(f"Het getal moet minstens {eigenschap.min_value} zijn.")
    if eigenschap.max_value is not None and number > eigenschap.max_value:
        raise ValidationError(f"Het getal mag hoogstens {eigenschap.max_value} zijn.")
    return str(number)


def _date(eigenschap: Eigenschap, value: str) -> str:
    try:
        day = _parse_date(value)
    except ValueError as exc:
        raise ValidationError("Vul een bestaande datum in, bijvoorbeeld 31-12-2026.") from exc
    today = clock.today()
    if eigenschap.date_range == DateRange.PAST and day > today:
        raise ValidationError("Deze datum moet vandaag of eerder zijn.")
    if eigenschap.date_range == DateRange.FUTURE and day < today:
        raise ValidationError("Deze datum moet vandaag of later zijn.")
    return day.isoformat()


def _parse_date(value: str) -> datetime.date:
    for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise ValueError(value)


def _datetime(eigenschap: Eigenschap, value: str) -> str:
    """A moment: ZGW's JJJJMMDDuummss (ztc-015), ISO 8601 or 31-12-2026 14:30; stored as ISO."""
    for pattern in ("%Y%m%d%H%M%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%d-%m-%Y %H:%M"):
        try:
            moment = datetime.datetime.strptime(value, pattern)
        except ValueError:
            continue
        return moment.isoformat(timespec="seconds")
    raise ValidationError("Vul een bestaande datum en tijd in, bijvoorbeeld 31-12-2026 14:30.")


def _choice(eigenschap: Eigenschap, value: str) -> str:
    if value not in eigenschap.choices:
        raise ValidationError("Kies een van de mogelijkheden.")
    return value


def _bsn(eigenschap: Eigenschap, value: str) -> str:
    digits = value.replace(" ", "").replace(".", "")
    if not passes_eleven_test(digits):
        raise ValidationError("Dit is geen geldig burgerservicenummer. Controleer de 9 cijfers.")
    return digits


def _postcode(eigenschap: Eigenschap, value: str) -> str:
    match = POSTCODE_RE.match(value)
    if not match:
        raise ValidationError("Vul een postcode in met 4 cijfers en 2 letters, bijvoorbeeld 1234 AB.")
    return f"{match.group(1)} {match.group(2).upper()}"


def _email(eigenschap: Eigenschap, value: str) -> str:
    try:
        validate_email(value)
    except ValidationError as exc:
        raise ValidationError("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.") from exc
    return value


def _phone(eigenschap: Eigenschap, value: str) -> str:
    if not PHONE_RE.match(value):
        raise ValidationError("Vul een telefoonnummer in met 10 cijfers, bijvoorbeeld 06 12345678.")
    return re.sub(r"[ \-]", "", value)


def _boolean(eigenschap: Eigenschap, value: str) -> str:
    answer = YES_NO.get(value.lower())
    if answer is None:
        raise ValidationError("Kies ja of nee.")
    return answer


_CLEANERS = {
    DataType.TEXT: _text,
    DataType.NUMBER: _number,
    DataType.DATE: _date,
    DataType.DATETIME: _datetime,
    DataType.CHOICE: _choice,
    DataType.BSN: _bsn,
    DataType.POSTCODE: _postcode,
    DataType.EMAIL: _email,
    DataType.PHONE: _phone,
    DataType.BOOLEAN: _boolean,
}


def clean_answers(eigenschappen: list[Eigenschap], data: dict[str, str], *, complete: bool) -> dict[str, str]:
    """Check a set of answers; with ``complete=True`` every required field must be filled.

    Raises ValidationError with a dict {field name: message} for every problem at once.
    """
    known = {e.name: e for e in eigenschappen}
    errors: dict[str, str] = {
        name: "Dit veld hoort niet bij dit formulier." for name in data if name not in known
    }
    cleaned: dict[str, str] = {}
    for name, eigenschap in known.items():
        try:
            value = clean_answer(eigenschap, data.get(name, ""))
        except ValidationError as exc:
            errors[name] = exc.messages[0]
            continue
        if value == "" and complete and is_required(eigenschap, data):
            # A field an earlier answer made required says which answer (catalog.conditions).
            chosen = triggering_answer(eigenschap, data)
            errors[name] = (
                f"Dit veld is verplicht: u koos '{chosen}'." if chosen else "Dit veld is verplicht."
            )
        elif value != "":
            cleaned[name] = value
    if errors:
        raise ValidationError(errors)
    return cleaned
