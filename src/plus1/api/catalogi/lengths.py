"""The lengths of the Catalogi attributes Plus1 stores longer than the standard documents them."""

from __future__ import annotations

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
