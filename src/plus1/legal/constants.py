from django.db import models
from django.utils.translation import gettext_lazy as _


class LegalPageKind(models.TextChoices):
    """The statements every gemeente's portal links to in its footer."""

    PRIVACY = "privacy", _("Privacyverklaring")
    ACCESSIBILITY = "toegankelijkheid", _("Toegankelijkheidsverklaring")
    COOKIES = "cookies", _("Cookieverklaring")
    COLOPHON = "colofon", _("Colofon")
