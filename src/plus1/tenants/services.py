from django.db import transaction
from django.utils.text import slugify

from .constants import OrganisationKind
from .models import Organisation


@transaction.atomic
def create_partner_organisation(
    *, name: str, slug: str = "", contact_email: str = "", contact_phone: str = "", website: str = ""
) -> Organisation:
    """Create a chain partner (GGD, zorgaanbieder, UWV, woningcorporatie, schuldhulp ...).

    A partner is a tenant of its own: its employees sign in to the back office and see only
    the zaken a gemeente shared with it. Creating the same slug twice returns the existing
    partner. (The audit trail lives in a layer above this one; the callers are the admin,
    which logs its own changes, and the demo.)
    """
    slug = slug or slugify(name)
    existing = Organisation.objects.partners().filter(slug=slug).first()
    if existing is not None:
        return existing
    partner = Organisation(
        kind=OrganisationKind.PARTNER,
        name=name.strip(),
        slug=slug,
        contact_email=contact_email,
        contact_phone=contact_phone,
        website=website,
    )
    partner.full_clean()
    partner.save()
    return partner
