from django.http.request import split_domain_port

from .constants import OrganisationKind
from .models import Organisation


def get_collective() -> Organisation:
    """Return the one collective organisation that publishes the shared base processes."""
    return Organisation.objects.get(kind=OrganisationKind.COLLECTIVE)


def get_gemeente(*, cbs_code: str) -> Organisation:
    """Return the gemeente with this CBS code (GM0363); raises Organisation.DoesNotExist."""
    return Organisation.objects.gemeenten().get(cbs_code=cbs_code.upper())


def gemeente_for_host(host: str) -> Organisation | None:
    """Return the gemeente whose portal answers on this host name (port ignored), if any."""
    domain, _port = split_domain_port(host)
    if not domain:
        return None
    return Organisation.objects.gemeenten().filter(portal_host=domain).first()
