from django.core.cache import cache
from django.http.request import split_domain_port

from .constants import OrganisationKind
from .models import Mandate, Organisation


def get_collective() -> Organisation:
    """Return the one collective organisation that publishes the shared base processes."""
    return Organisation.objects.get(kind=OrganisationKind.COLLECTIVE)


def get_gemeente(*, cbs_code: str) -> Organisation:
    """Return the gemeente with this CBS code (GM0363); raises Organisation.DoesNotExist."""
    return Organisation.objects.gemeenten().get(cbs_code=cbs_code.upper())


# Every request asks (PortalHostMiddleware), and host names change rarely: an answer is kept
# this long. The admin forgets it at once when it changes a host name (``forget_portal_host``).
HOST_KEPT_SECONDS = 30


def _host_key(domain: str) -> str:
    return f"portal-host:{domain}"


def gemeente_for_host(host: str) -> Organisation | None:
    """Return the gemeente whose portal answers on this host name (port ignored), if any."""
    domain, _port = split_domain_port(host)
    if not domain:
        return None
    kept = cache.get(_host_key(domain))
    if kept is not None:
        # False: no gemeente has this host name.
        return kept or None
    gemeente = Organisation.objects.gemeenten().filter(portal_host=domain).first()
    cache.set(_host_key(domain), gemeente or False, HOST_KEPT_SECONDS)
    return gemeente


def forget_portal_host(*domains: str) -> None:
    """Look these host names up afresh on the next request (after a change to a gemeente)."""
    cache.delete_many([_host_key(domain) for domain in domains if domain])


def may_register_for(tenant: Organisation, rsin: str) -> bool:
    """Whether ``tenant`` may register zaken, documents and besluiten as organisation ``rsin``.

    Its own RSIN, or one it holds a ``Mandate`` for (a samenwerkingsverband for its gemeenten).
    A gemeente cannot register in another gemeente's name: the bronorganisatie says whose
    record it is, and other systems trust it.
    """
    if not rsin:
        return False
    if tenant.rsin and rsin == tenant.rsin:
        return True
    return Mandate.objects.filter(organisation=tenant, rsin=rsin).exists()
