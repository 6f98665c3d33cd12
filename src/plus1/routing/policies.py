"""Who may read the query log. Views ask here only."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from plus1.accounts.constants import Role
from plus1.accounts.selectors import organisations_for_user
from plus1.tenants.models import Organisation

# The collective maintains the situations and synonyms the router uses, so its catalog
# managers and functional admins read which questions fail, for every gemeente.
COLLECTIVE_ROLES = (Role.CATALOG_MANAGER, Role.BEHEERDER)


def collective_of(user: AbstractBaseUser | AnonymousUser) -> Organisation | None:
    """The collective this person works for with a role that reads the query log; else None.

    Gemeente staff get None, whatever their role: the overview spans all gemeenten.
    """
    for organisation in organisations_for_user(user, roles=COLLECTIVE_ROLES):
        if organisation.is_collective:
            return organisation
    return None


def can_view_search_insights(user: AbstractBaseUser | AnonymousUser) -> bool:
    return collective_of(user) is not None
