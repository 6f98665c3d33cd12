"""Who may do what in the catalog. Views and the admin ask here only."""

from plus1.accounts.constants import Role
from plus1.accounts.selectors import has_role, organisations_for_user
from plus1.tenants.constants import OrganisationKind
from plus1.tenants.models import Organisation

from .models import Adoption, ProductText, ZaakType


def catalog_organisations(user) -> list[Organisation]:
    """Organisations whose catalog ``user`` manages (in practice: the collective)."""
    if user.is_superuser:
        return list(Organisation.objects.filter(kind=OrganisationKind.COLLECTIVE))
    return organisations_for_user(user, roles=[Role.CATALOG_MANAGER])


def adopting_gemeenten(user) -> list[Organisation]:
    """Gemeenten whose adoptions ``user`` manages as functional admin (beheerder)."""
    if user.is_superuser:
        return list(Organisation.objects.gemeenten())
    return [o for o in organisations_for_user(user, roles=[Role.BEHEERDER]) if o.is_gemeente]


def can_edit_zaaktype(user, zaaktype: ZaakType) -> bool:
    """Only catalog managers of the owning organisation, and only while it is a concept."""
    if zaaktype.is_published:
        return False
    return user.is_superuser or has_role(user, tenant=zaaktype.tenant, role=Role.CATALOG_MANAGER)


def can_publish_zaaktype(user, zaaktype: ZaakType) -> bool:
    return can_edit_zaaktype(user, zaaktype)


def can_manage_adoption(user, adoption: Adoption) -> bool:
    return user.is_superuser or has_role(user, tenant=adoption.tenant, role=Role.BEHEERDER)


def can_manage_product_text(user, product_text: ProductText) -> bool:
    return user.is_superuser or has_role(user, tenant=product_text.tenant, role=Role.BEHEERDER)
