"""The lengths of Catalogi attributes: those Plus1 stores longer than the standard, and list items."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from plus1.catalog import models as catalog


def _stored(model, field: str) -> int:
    return model._meta.get_field(field).max_length


# Plus1 stores these attributes longer than the standard documents them, and its own process
# library uses that room ("Aanvraag buiten behandeling gesteld" is a resultaattype of 35
# characters where the standard allows 30; "Identiteit controleren en doorsturen" a
# handelingBehandelaar of 36 where it allows 20). Cutting them off in answers would change
# their meaning, so the documents and the input checks both say the stored length: every
# answer conforms to its document, and what a client reads it can write back
# (docs/zgw-deviations.md). The same for a catalogus' contactpersoon (a name), a besluittype's
# category and an eigenschap's groep (the step of the form it is asked in).
ZAAKTYPE_IDENTIFICATIE = _stored(catalog.Process, "identificatie")
HANDELING = _stored(catalog.ZaakType, "handler_action")
ONDERWERP = _stored(catalog.ZaakType, "subject")
VERANTWOORDELIJKE = _stored(catalog.ZaakType, "responsible")
RESULTAATTYPE_OMSCHRIJVING = _stored(catalog.ResultaatType, "omschrijving")
EIGENSCHAP_NAAM = _stored(catalog.Eigenschap, "name")
CATALOGUS_CONTACTPERSOON = _stored(catalog.Catalogus, "contactpersoon")
BESLUITCATEGORIE = _stored(catalog.BesluitType, "category")
EIGENSCHAP_GROEP = _stored(catalog.Eigenschap, "step")
# An eigenschap's definitie (the question) and toelichting (its help text): the standard's 255 and
# 1000, never more than the column holds (a longer value would be a 500 on PostgreSQL).
EIGENSCHAP_DEFINITIE = min(255, _stored(catalog.Eigenschap, "label"))
EIGENSCHAP_TOELICHTING = min(1000, _stored(catalog.Eigenschap, "help_text"))

# List items exactly as long as the standard documents them in its answers: a longer item written
# would make every later read of the zaaktype or eigenschap break that document (Plus1 stores them
# in JSON, so there is no column limit to follow).
Verantwoordingsrelatie = Annotated[str, Field(max_length=40)]
ProductOfDienst = Annotated[str, Field(max_length=1000)]
Waarde = Annotated[str, Field(max_length=100)]
