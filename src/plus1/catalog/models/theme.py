from django.db import models
from django.utils.translation import gettext_lazy as _

from .reference import Product


class Theme(models.Model):
    """An SDG information area (Single Digital Gateway, EU 2018/1724 annex I), e.g. "Belastingen".

    A national reference list like the UPL: loaded from ``catalog/data/`` by a data migration,
    names are data and stay Dutch. Residents browse products by theme in the portal.
    """

    name = models.CharField(_("naam"), max_length=120, unique=True)
    slug = models.SlugField(_("korte naam"), max_length=120, unique=True)
    uri = models.URLField(_("URI"), max_length=300, unique=True)
    sdg_codes = models.JSONField(_("SDG-codes"), default=list)
    products = models.ManyToManyField(Product, related_name="themes", blank=True, verbose_name=_("producten"))

    class Meta:
        verbose_name = _("thema (SDG-informatiegebied)")
        verbose_name_plural = _("thema's (SDG-informatiegebieden)")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
