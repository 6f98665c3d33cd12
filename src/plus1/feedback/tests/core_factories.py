"""Closed zaken and invitations made through the services, for the feedback core's tests."""

from __future__ import annotations

from django.urls import reverse

from plus1.cases.models import Zaak
from plus1.cases.services import close_zaak
from plus1.cases.tests.factories import SYSTEM, adopt_with_team, handling_zaaktype, new_zaak
from plus1.catalog.models import Adoption
from plus1.feedback.models import Invitation
from plus1.feedback.services import invitation_token, invite_after_closing
from plus1.tenants.models import Organisation

SUZANNE = "999993653"


def adoption_for(gemeente: Organisation, *, team_name: str = "Vergunningen") -> Adoption:
    return adopt_with_team(gemeente=gemeente, zaaktype=handling_zaaktype(), team_name=team_name)


def close(zaak: Zaak) -> Zaak:
    resultaattype = zaak.zaaktype.resultaattypen.order_by("pk").first()
    return close_zaak(zaak=zaak, resultaattype=resultaattype, actor=SYSTEM, expected_version=None)


def closed_zaak(
    gemeente: Organisation | None = None,
    *,
    adoption: Adoption | None = None,
    email: str = "suzanne@example.org",
    bsn: str = SUZANNE,
) -> Zaak:
    adoption = adoption or adoption_for(gemeente)
    return close(new_zaak(adoption, email=email, bsn=bsn))


def invitation_for(gemeente: Organisation, **kwargs) -> Invitation:
    invitation = invite_after_closing(zaak=closed_zaak(gemeente, **kwargs))
    assert invitation is not None
    return invitation


def answer_url(invitation: Invitation, *, slug: str | None = None) -> str:
    return reverse(
        "portal:feedback-answer", args=[slug or invitation.tenant.slug, invitation_token(invitation)]
    )


def employee_in(team, *, actor, username: str = "behandelaar-a"):
    """A case handler of the team's gemeente with a confirmed second factor."""
    from plus1.accounts.constants import Role
    from plus1.accounts.services import add_team_member, create_employee, grant_role, register_totp_device

    user = create_employee(username=username, password="een-lang-wachtwoord", email=f"{username}@example.org")
    grant_role(tenant=team.tenant, user=user, role=Role.BEHANDELAAR, actor=actor)
    add_team_member(team=team, user=user, actor=actor)
    register_totp_device(user=user, key="3132333435363738393031323334353637383930")
    return user


def log_in_to_backoffice(client, user):
    """Log ``user`` in as the back office would after password and code."""
    from django_otp import DEVICE_ID_SESSION_KEY

    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = user.totpdevice_set.get(confirmed=True).persistent_id
    session.save()
    return client
