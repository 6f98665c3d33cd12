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
