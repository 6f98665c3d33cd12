from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    GEMEENTE = "gemeente", _("Gemeente")
    COLLECTIVE = "collective", _("Collectief")
    PARTNER = "partner", _("Ketenpartner")


COLLECTIVE_SLUG = "collectief"
DEFAULT_PRIMARY_COLOR = "#154273"
