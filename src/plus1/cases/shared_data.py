"""What a chain partner sees of the request form: only the data classes its share grants.

Every request field has a data class (``Eigenschap.data_class``): a share with "gegevens van de
aanvraag" opens the case data, one with "contactgegevens van de aanvrager" the contact data
(a phone number on the form is contact data, even though it is a field of the form). Personal
data from the form (BSN, birth date, names) no share opens: a partner gets the initiator's name
with the contact data, never a BSN (docs/chain-partners.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from plus1.catalog.constants import DataClass

from .models import ZaakEigenschap, ZaakShare


def classes_granted(share: ZaakShare) -> set[str]:
    """The data classes of request fields this share opens."""
    granted = set()
    if share.shares_request_data:
        granted.add(DataClass.CASE)
    if share.shares_contact_data:
        granted.add(DataClass.CONTACT)
    return granted


@dataclass
class SharedAnswers:
    """The answers of the request form a partner may see, per section of its page."""

    case: list[ZaakEigenschap] = field(default_factory=list)
    contact: list[ZaakEigenschap] = field(default_factory=list)


def answers_for_share(share: ZaakShare) -> SharedAnswers:
    """The zaak's answers whose field class the share grants, in the order of the form."""
    granted = classes_granted(share)
    shown = SharedAnswers()
    if not granted:
        return shown
    answers = share.zaak.eigenschappen.select_related("eigenschap").order_by("eigenschap__order", "pk")
    for answer in answers:
        data_class = answer.eigenschap.effective_data_class
        if data_class not in granted:
            continue
        (shown.contact if data_class == DataClass.CONTACT else shown.case).append(answer)
    return shown
