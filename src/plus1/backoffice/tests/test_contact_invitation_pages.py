"""After a contact at the counter or on the phone: the employee makes a short link and QR code."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from plus1.accounts.constants import Role
from plus1.accounts.models import Team
from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype
from plus1.core import clock
from plus1.feedback.constants import Source
from plus1.feedback.models import Invitation

from .conftest import log_in, make_employee

pytestmark = pytest.mark.django_db

FORM = reverse("backoffice:contact-invitation")


@pytest.fixture
def adoption_a(gemeente_a):
    return adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype(), team_name="Burgerzaken")


@pytest.fixture
def adoption_b(gemeente_b):
    return adopt_with_team(gemeente=gemeente_b, zaaktype=handling_zaaktype())


@pytest.fixture
def employee(gemeente_a, adoption_a, actor):
    return make_employee("balie", gemeente=gemeente_a, team=adoption_a.team, actor=actor)


def _detail(invitation):
    return reverse("backoffice:contact-invitation-detail", kwargs={"invitation_id": invitation.pk})


def test_the_werkvoorraad_links_to_the_invitation_form(client, employee):
    assert f'href="{FORM}"' in log_in(client, employee).get(reverse("backoffice:inbox")).content.decode()


def test_the_form_offers_the_gemeentes_own_products_and_starts_with_the_employees_team(
    client, adoption_a, adoption_b, employee
):
    body = log_in(client, employee).get(FORM).content.decode()
    assert adoption_a.zaaktype.omschrijving in body
    assert adoption_b.process_id != adoption_a.process_id
    assert f'value="{adoption_b.process_id}"' not in body
    assert re.search(rf'<option value="{adoption_a.team_id}" selected>', body)
    assert 'value="balie"' in body and 'value="telefoon"' in body


def test_making_an_invitation_gives_the_short_link_qr_code_and_code_to_read_out(
    client, gemeente_a, adoption_a, employee
):
    client = log_in(client, employee)
    response = client.post(
        FORM, {"kanaal": "balie", "product": adoption_a.process_id, "team": adoption_a.team_id}
    )

    invitation = Invitation.objects.get(tenant=gemeente_a)
    assert response.status_code == 302 and response["Location"] == _detail(invitation)
    assert invitation.source == Source.CONTACT and invitation.channel == "balie"
    assert invitation.process == adoption_a.process and invitation.team == adoption_a.team
    assert invitation.created_by == employee and invitation.code and invitation.used_at is None

    body = client.get(_detail(invitation)).content.decode()
    link = f"http://testserver/{gemeente_a.slug}/w/{invitation.code}/"
    assert f'href="{link}"' in body
    code = invitation.code.upper()
    assert f"{code[:4]} {code[4:8]}" in body
    assert '<figure class="qr-code" role="img"' in body and "<svg " in body and "<path" in body
    assert adoption_a.zaaktype.omschrijving in body


def test_the_short_link_opens_the_survey(client, gemeente_a, adoption_a, employee):
    log_in(client, employee).post(FORM, {"kanaal": "telefoon"})
    invitation = Invitation.objects.get(tenant=gemeente_a)
    client.logout()
    response = client.get(f"/{gemeente_a.slug}/w/{invitation.code}/", follow=True)
    assert response.status_code == 200


def test_product_and_team_may_be_left_open(client, gemeente_a, employee):
    response = log_in(client, employee).post(FORM, {"kanaal": "telefoon", "product": "", "team": ""})
    invitation = Invitation.objects.get(tenant=gemeente_a)
    assert response.status_code == 302
    assert invitation.process is None and invitation.team is None and invitation.channel == "telefoon"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Kies hoe het contact was."),
        ({"kanaal": "duif"}, "Kies een van de soorten contact uit de lijst."),
        ({"kanaal": "balie", "product": "abc"}, "Kies een product uit de lijst."),
        ({"kanaal": "balie", "product": "999999"}, "Kies een product uit de lijst."),
        ({"kanaal": "balie", "team": "999999"}, "Kies een team uit de lijst."),
    ],
    ids=["no-channel", "unknown-channel", "product-not-a-number", "unknown-product", "unknown-team"],
)
def test_bad_input_gets_a_dutch_message_and_makes_no_invitation(client, gemeente_a, employee, data, message):
    response = log_in(client, employee).post(FORM, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Invitation.objects.exists()


def test_another_gemeentes_product_or_team_is_refused(client, adoption_b, employee):
    client = log_in(client, employee)
    team_b = Team.objects.get(tenant=adoption_b.tenant)
    assert client.post(FORM, {"kanaal": "balie", "team": team_b.pk}).status_code == 400
    # A process only gemeente B adopted.
    assert client.post(FORM, {"kanaal": "balie", "product": adoption_b.process_id}).status_code == 400
    assert not Invitation.objects.exists()


def test_the_link_page_is_only_for_whoever_made_it(
    client, gemeente_a, gemeente_b, adoption_a, employee, actor
):
    log_in(client, employee).post(FORM, {"kanaal": "balie"})
    invitation = Invitation.objects.get(tenant=gemeente_a)
    colleague = make_employee("collega", gemeente=gemeente_a, team=adoption_a.team, actor=actor)
    stranger = make_employee("b", gemeente=gemeente_b, role=Role.TEAMLEIDER, actor=actor)
    assert log_in(client, colleague).get(_detail(invitation)).status_code == 404
    assert log_in(client, stranger).get(_detail(invitation)).status_code == 404
    assert invitation.code not in log_in(client, stranger).get(FORM).content.decode()


def test_an_invitation_after_a_zaak_is_never_shown_in_the_back_office(client, gemeente_a, employee):
    invitation = Invitation.objects.create(
        tenant=gemeente_a,
        source=Source.ZAAK,
        channel="online",
        created_by=employee,
        created_at=clock.now(),
        expires_at=clock.now(),
    )
    assert log_in(client, employee).get(_detail(invitation)).status_code == 404


def test_a_used_link_says_so(client, gemeente_a, employee):
    client = log_in(client, employee)
    client.post(FORM, {"kanaal": "balie"})
    Invitation.objects.filter(tenant=gemeente_a).update(used_at=clock.now())
    body = client.get(_detail(Invitation.objects.get(tenant=gemeente_a))).content.decode()
    assert "Deze link is al gebruikt" in body


@pytest.mark.parametrize("role", [Role.PRIVACY_OFFICER, Role.KWALITEITSMEDEWERKER])
def test_roles_without_contact_with_residents_get_no_access(client, gemeente_a, actor, role):
    person = make_employee(f"p-{role}", gemeente=gemeente_a, role=role, actor=actor)
    client = log_in(client, person)
    assert client.get(FORM).status_code == 403
    assert client.post(FORM, {"kanaal": "balie"}).status_code == 403
    assert not Invitation.objects.exists()
