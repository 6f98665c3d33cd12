"""The team that runs a zaaktype's process at a gemeente: a new zaak lands in its inbox."""

from __future__ import annotations

from plus1.catalog.models import Adoption, ZaakType
from plus1.core.prepared import PreparedQuery
from plus1.tenants.models import Organisation

# Every API create without a known team asks this: compiled once per process. One adoption per
# gemeente and process.
_ADOPTION_TEAM = PreparedQuery(
    lambda tenant_id, process_id: (
        Adoption.objects.filter(tenant_id=tenant_id, process_id=process_id).only("team_id").order_by()
    ),
    -1,
    -2,
)

_KNOWN_TEAM = "_plus1_adoption_team"


def remember_adoption_team(zaaktype: ZaakType, tenant_id: int, team_id: int | None) -> None:
    """Keep on ``zaaktype`` the team of ``tenant_id``'s adoption of its process, as the caller
    read it along with the zaaktype (the Zaken API does): ``adoption_team`` then asks nothing."""
    zaaktype.__dict__[_KNOWN_TEAM] = (tenant_id, team_id)


def adoption_team(tenant: Organisation, zaaktype: ZaakType) -> int | None:
    """The id of the team of ``tenant`` that handles zaken of ``zaaktype`` (None: no team)."""
    known = zaaktype.__dict__.get(_KNOWN_TEAM)
    if known is not None and known[0] == tenant.pk:
        return known[1]
    adoption = _ADOPTION_TEAM.first(tenant.pk, zaaktype.process_id)
    return adoption.team_id if adoption else None
