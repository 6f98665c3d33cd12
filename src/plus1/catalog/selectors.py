from django.db.models import Count, F, Max, OuterRef, QuerySet, Subquery

from plus1.tenants.constants import OrganisationKind
from plus1.tenants.models import Organisation

from .constants import PublicationStatus
from .models import Adoption, Product, ProductText, Theme, ZaakType


def published_zaaktypen() -> QuerySet[ZaakType]:
    """Published zaaktype versions any gemeente may adopt: the collective's shared catalog."""
    return (
        ZaakType.objects.published()
        .filter(tenant__kind=OrganisationKind.COLLECTIVE)
        .select_related("process", "product")
    )


def latest_published_version(*, process_id: int) -> ZaakType | None:
    return ZaakType.objects.published().filter(process_id=process_id).order_by("-version").first()


def pending_upgrade(adoption: Adoption) -> ZaakType | None:
    """Return the newest published version that is newer than the one the gemeente runs, if any."""
    latest = latest_published_version(process_id=adoption.process_id)
    if latest is None or latest.version <= adoption.zaaktype.version:
        return None
    return latest


def latest_version_subquery(of: str = "process") -> Subquery:
    """The newest published version number of the process in the outer query's ``of`` field."""
    latest = (
        ZaakType.objects.filter(process=OuterRef(of), status=PublicationStatus.PUBLISHED)
        .values("process")
        .annotate(latest=Max("version"))
        .values("latest")
    )
    return Subquery(latest)


def adoptions_for_gemeente(gemeente: Organisation) -> QuerySet[Adoption]:
    """The gemeente's adopted processes, each annotated with ``latest_version`` for upgrade hints."""
    return (
        Adoption.objects.for_tenant(gemeente)
        .select_related("zaaktype", "process", "zaaktype__product")
        .annotate(latest_version=latest_version_subquery())
    )


def offered_adoptions(gemeente: Organisation) -> QuerySet[Adoption]:
    """The adoptions the portal offers residents: a UPL product Plus1 knows, on a runnable version.

    A gemeente may adopt a zaaktype without a known UPL product (an internal process such as
    bezwaar handling or inkoop); it runs in the back office and through the API, but the portal,
    which is organised by UPL product, does not show it (catalog.runnable).
    """
    return adoptions_for_gemeente(gemeente).filter(
        zaaktype__product__isnull=False, zaaktype__in=ZaakType.objects.runnable()
    )


def adoptions_with_pending_upgrade(gemeente: Organisation) -> QuerySet[Adoption]:
    return adoptions_for_gemeente(gemeente).filter(latest_version__gt=F("zaaktype__version"))


def adoptions_by_product(gemeente: Organisation) -> dict[int, Adoption]:
    """The gemeente's adoptions keyed by the UPL product their version in use serves."""
    return {a.zaaktype.product_id: a for a in offered_adoptions(gemeente)}


def online_titles_by_product(gemeente: Organisation) -> dict[int, str]:
    """Product id -> the name of the process the gemeente runs for it; a light read for search."""
    return dict(offered_adoptions(gemeente).values_list("zaaktype__product_id", "zaaktype__omschrijving"))


def get_product_for_portal(*, gemeente: Organisation, slug: str) -> tuple[Product, Adoption | None]:
    """A UPL product and, when the gemeente runs a process for it, that adoption.

    Raises Product.DoesNotExist for an unknown slug.
    """
    product = Product.objects.get(slug=slug)
    adoption = offered_adoptions(gemeente).filter(zaaktype__product=product).first()
    return product, adoption


def get_product_text(*, gemeente: Organisation, product: Product) -> ProductText | None:
    """The gemeente's own text for this product page, if it wrote one."""
    return ProductText.objects.for_tenant(gemeente).filter(product=product).first()


def themes_with_counts(gemeente: Organisation) -> list[Theme]:
    """The themes that hold products, each with ``product_count`` and this gemeente's ``online_count``."""
    online = set(online_titles_by_product(gemeente))
    themes = list(Theme.objects.annotate(product_count=Count("products")).filter(product_count__gt=0))
    links = Theme.products.through.objects.values_list("theme_id", "product_id")
    online_per_theme: dict[int, int] = {}
    for theme_id, product_id in links:
        if product_id in online:
            online_per_theme[theme_id] = online_per_theme.get(theme_id, 0) + 1
    for theme in themes:
        theme.online_count = online_per_theme.get(theme.id, 0)
    return themes


def catalog_tenant_ids(tenant: Organisation) -> list[int]:
    """The tenants whose catalog content ``tenant`` may read: its own and the collective's.

    The collective's shared catalog is public to every gemeente; another gemeente's own
    types are not (ZGW tenancy: a 404, never data).
    """
    collective_ids = Organisation.objects.filter(kind=OrganisationKind.COLLECTIVE).values_list(
        "pk", flat=True
    )
    return sorted({tenant.pk, *collective_ids})
