from django.db import models
from django.utils.translation import gettext_lazy as _


class SubjectType(models.TextChoices):
    """ZGW betrokkeneType for the people and organisations in a rol."""

    NATUURLIJK_PERSOON = "natuurlijk_persoon", _("Natuurlijk persoon")
    NIET_NATUURLIJK_PERSOON = "niet_natuurlijk_persoon", _("Niet-natuurlijk persoon")
    MEDEWERKER = "medewerker", _("Medewerker")


CASE_NUMBER_PREFIX = "ZAAK"


class ZaakRelation(models.TextChoices):
    """ZGW aardRelatie of a related zaak."""

    VERVOLG = "vervolg", _("Vervolg op deze zaak")
    ONDERWERP = "onderwerp", _("Onderwerp van deze zaak")
    BIJDRAGE = "bijdrage", _("Draagt bij aan deze zaak")


class SharePart(models.TextChoices):
    """What of a zaak a gemeente can share with a chain partner; the value is the ZaakShare field."""

    REQUEST_DATA = "shares_request_data", _("gegevens van de aanvraag")
    DOCUMENTS = "shares_documents", _("documenten")
    CONTACT_DATA = "shares_contact_data", _("contactgegevens van de aanvrager")
    STATUS = "shares_status", _("status en verloop")
    NOTES = "shares_notes", _("notities van de gemeente")


# A share ends by itself: at most this many days after the day it starts.
MAX_SHARE_DAYS = 365


class ObjectType(models.TextChoices):
    """What a document is related to (Documenten API objectinformatieobject.objectType)."""

    BESLUIT = "besluit", _("Besluit")
    ZAAK = "zaak", _("Zaak")
    VERZOEK = "verzoek", _("Verzoek")
