from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from plus1.audit.services import Actor, record_change
from plus1.tenants.models import Organisation

from .constants import TOTP_DEVICE_NAME, Role
from .exceptions import AccountError
from .models import Membership, Team


@transaction.atomic
def grant_role(*, tenant: Organisation, user: AbstractBaseUser, role: Role, actor: Actor) -> Membership:
    """Give ``user`` a role in ``tenant``; granting a role twice changes nothing."""
    membership, created = Membership.objects.get_or_create(tenant=tenant, user=user, role=role)
    if created:
        record_change(tenant=tenant, actor=actor, action="grant_role", obj=membership, after={"role": role})
    return membership


@transaction.atomic
def create_employee(
    *, username: str, password: str, email: str = "", first_name: str = "", last_name: str = ""
) -> AbstractBaseUser:
    """Create a person who can sign in to the back office (staff) with a password."""
    user_model = get_user_model()
    user = user_model(
        username=username, email=email, first_name=first_name, last_name=last_name, is_staff=True
    )
    user.set_password(password)
    user.full_clean()
    user.save()
    return user


@transaction.atomic
def create_team(*, tenant: Organisation, name: str, actor: Actor) -> Team:
    """Create a team of a gemeente; a team name is unique within the gemeente."""
    team, created = Team.objects.get_or_create(tenant=tenant, name=name)
    if created:
        record_change(tenant=tenant, actor=actor, action="create_team", obj=team, after={"name": name})
    return team


@transaction.atomic
def add_team_member(*, team: Team, user: AbstractBaseUser, actor: Actor) -> Team:
    """Make ``user`` a member of ``team``; they must work for the team's gemeente."""
    if not Membership.objects.filter(tenant_id=team.tenant_id, user=user).exists():
        raise AccountError("Deze persoon werkt niet voor de gemeente van dit team.")
    if not team.members.filter(pk=user.pk).exists():
        team.members.add(user)
        record_change(
            tenant=team.tenant, actor=actor, action="add_team_member", obj=team, after={"user": user.pk}
        )
    return team


def start_totp_setup(*, user: AbstractBaseUser) -> TOTPDevice:
    """Return the unconfirmed authenticator-app device of ``user``, made on first call.

    The device only counts as a second factor once the employee has typed a code from it
    (``confirm_totp_device``), so a QR code that was never scanned cannot lock anyone out.
    """
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


@transaction.atomic
def confirm_totp_device(*, device: TOTPDevice, token: str) -> bool:
    """Confirm the device when ``token`` is a valid code from it; False otherwise."""
    if not device.verify_token(token):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True


@transaction.atomic
def register_totp_device(*, user: AbstractBaseUser, key: str) -> TOTPDevice:
    """Give ``user`` a confirmed authenticator-app device with a known hex ``key`` (demo only)."""
    device, _created = TOTPDevice.objects.update_or_create(
        user=user, name=TOTP_DEVICE_NAME, defaults={"key": key, "confirmed": True}
    )
    return device


@transaction.atomic
def create_partner_employee(
    *,
    partner: Organisation,
    username: str,
    password: str,
    actor: Actor,
    email: str = "",
    first_name: str = "",
    last_name: str = "",
) -> AbstractBaseUser:
    """Create a person of a chain partner who signs in to the back office for shared zaken only.

    They get the role ``partner_medewerker`` in the partner organisation and no role in any
    gemeente, so the gemeente's inbox, dashboard and zaken stay closed to them.
    """
    if not partner.is_partner:
        raise AccountError("Alleen een ketenpartner kan partnermedewerkers hebben.")
    user = create_employee(
        username=username, password=password, email=email, first_name=first_name, last_name=last_name
    )
    grant_role(tenant=partner, user=user, role=Role.PARTNER_MEDEWERKER, actor=actor)
    return user
