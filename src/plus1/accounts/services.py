from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from plus1.audit.services import Actor, record_change
from plus1.tenants.models import Organisation

from .constants import Role
from .models import Membership


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
