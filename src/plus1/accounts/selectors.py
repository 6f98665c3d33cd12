from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from plus1.audit.services import Actor
from plus1.tenants.models import Organisation

from .constants import Role
from .models import Membership, Team


def organisations_for_user(
    user: AbstractBaseUser | AnonymousUser, *, roles: Iterable[Role]
) -> list[Organisation]:
    """Return the organisations in which ``user`` holds one of ``roles``.

    All of the user's memberships are read once and kept on the user object for the rest of
    the request: a back-office page asks about several roles (team lead, HR, coordinator, ...)
    and each used to cost its own query.
    """
    if not user.is_authenticated:
        return []
    memberships = user.__dict__.get("_plus1_memberships")
    if memberships is None:
        memberships = [
            (membership.role, membership.tenant)
            for membership in Membership.objects.filter(user=user).select_related("tenant")
        ]
        user.__dict__["_plus1_memberships"] = memberships
    wanted = {str(role) for role in roles}
    return sorted({tenant for role, tenant in memberships if role in wanted}, key=lambda o: o.name)


def has_role(user: AbstractBaseUser | AnonymousUser, *, tenant: Organisation, role: Role) -> bool:
    return tenant in organisations_for_user(user, roles=[role])


def current_totp_code(user: AbstractBaseUser) -> str | None:
    """The code ``user``'s authenticator app shows right now (demo command and tests only)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        return None
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def employee_actor(user: AbstractBaseUser, *, tenant: Organisation) -> Actor:
    """The employee as the logs name them: user name for the gemeente, team for the resident."""
    teams = sorted(Team.objects.for_tenant(tenant).filter(members=user).values_list("name", flat=True))
    unit = ", ".join(teams) if teams else tenant.name
    return Actor.from_user(user, unit=f"{unit} ({tenant.name})" if teams else unit)
