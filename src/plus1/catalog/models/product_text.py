from django.db import models
from django.utils.translation import gettext_lazy as _

from plus1.core.models import TenantOwned

from .reference import Product


class ProductText(TenantOwned):
    """A gemeente's own words on a product page, also for a product it does not run itself.

    For example: "Dit regelt u bij het Omgevingsloket", with a link. One text per product
    and gemeente; the tenant is the gemeente.
    """

    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="local_texts", verbose_name=_("product")
    )
    text = models.TextField(_("tekst"), help_text=_("Getoond op de productpagina van uw gemeente."))
    url = models.URLField(_("link"), max_length=500, blank=True)
    url_label = models.CharField(
        _("tekst van de link"),
        max_length=120,
        blank=True,
        help_text=_("Bijvoorbeeld: Naar het Omgevingsloket"),
    )
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("eigen producttekst")
        verbose_name_plural = _("eigen productteksten")
        ordering = ["product__upl_name"]
        constraints = [
            models.UniqueConstraint(fields=["tenant", "product"], name="product_text_unique_product"),
        ]

    def __str__(self) -> str:
        return f"{self.product} · {self.tenant}"
