from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """What a person may do inside one organisation."""

    CATALOG_MANAGER = "catalog_manager", _("Catalogusbeheerder")
    BEHEERDER = "beheerder", _("Functioneel beheerder")
    TEAMLEIDER = "teamleider", _("Teamleider")
    BEHANDELAAR = "behandelaar", _("Behandelaar")
