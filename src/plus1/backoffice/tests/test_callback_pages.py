"""The call-back pages: the werkvoorraad's filter, the list, the answer with its zaak, the outcome form."""

from __future__ import annotations

import pytest
from django.urls import reverse

from plus1.accounts.constants import Role
from plus1.accounts.models import Team
from plus1.audit.selectors import records_for_subject
from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype, new_zaak
from plus1.feedback.constants import MAX_TEXT_LENGTH
from plus1.feedback.models import CallBack
from plus1.feedback.tests.followup_factories import PHONE, make_answer

from .conftest import log_in, make_employee

pytestmark = pytest.mark.django_db

BSN = "999993653"
IMPROVEMENT = "Niemand belde mij terug over mijn aanvraag."


@pytest.fixture
def zaak_a(gemeente_a):
    return new_zaak(adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype()), bsn=BSN)


@pytest.fixture
def call_back(gemeente_a, zaak_a):
    return make_answer(gemeente_a, zaak=zaak_a, score=3, effort=1, improvement=IMPROVEMENT).call_back


@pytest.fixture
def team_member(gemeente_a, zaak_a, actor):
    return make_employee("lid", gemeente=gemeente_a, team=zaak_a.team, actor=actor, first_name="Lotte")


def _detail(call_back):
    return reverse("backoffice:callback-detail", kwargs={"callback_id": call_back.pk})


def test_the_werkvoorraad_links_to_the_call_backs_with_their_number(client, call_back, team_member):
    response = log_in(client, team_member).get(reverse("backoffice:inbox"))
    body = response.content.decode()
    assert reverse("backoffice:callback-list") in body
    assert 'Terugbelverzoeken <span class="badge">1</span>' in body


def test_the_werkvoorraad_of_a_beheerder_has_no_call_back_filter(client, gemeente_a, call_back, actor):
    beheerder = make_employee("beheer", gemeente=gemeente_a, role=Role.BEHEERDER, actor=actor)
    response = log_in(client, beheerder).get(reverse("backoffice:inbox"))
    assert reverse("backoffice:callback-list") not in response.content.decode()
    assert reverse("backoffice:contact-invitation") in response.content.decode()


def test_the_list_shows_the_teams_call_backs_and_logs_the_read(
    client, gemeente_a, zaak_a, call_back, team_member
):
    before = records_for_subject(tenant=gemeente_a, identifier=BSN).count()
    response = log_in(client, team_member).get(reverse("backoffice:callback-list"))
    body = response.content.decode()
    assert response.status_code == 200
    assert zaak_a.identificatie in body and IMPROVEMENT in body and _detail(call_back) in body
    assert PHONE not in body  # the phone number only on the call-back's own page
    assert records_for_subject(tenant=gemeente_a, identifier=BSN).count() == before + 1


def test_the_detail_shows_score_effort_answer_phone_and_zaak_link_and_logs_the_read(
    client, gemeente_a, zaak_a, call_back, team_member
):
    before = records_for_subject(tenant=gemeente_a, identifier=BSN).count()
    response = log_in(client, team_member).get(_detail(call_back))
    body = response.content.decode()
    assert response.status_code == 200
    assert "3 van de 10" in body and "1 van de 5" in body and IMPROVEMENT in body
    assert f'href="tel:{PHONE}"' in body
    assert f'href="{reverse("backoffice:zaak-detail", args=[zaak_a.identificatie])}"' in body
    assert records_for_subject(tenant=gemeente_a, identifier=BSN).count() == before + 1


def test_recording_the_outcome_closes_the_call_back(client, gemeente_a, call_back, team_member):
    client = log_in(client, team_member)
    response = client.post(_detail(call_back), {"uitkomst": "Gebeld, excuses gemaakt."}, follow=True)
    assert "Het terugbelverzoek is afgehandeld" in response.content.decode()
    call_back.refresh_from_db()
    assert call_back.handled_by == team_member and call_back.outcome == "Gebeld, excuses gemaakt."
    assert (
        'Terugbelverzoeken <span class="badge">0</span>'
        in client.get(reverse("backoffice:inbox")).content.decode()
    )
    page = client.get(_detail(call_back)).content.decode()
    assert "Gebeld, excuses gemaakt." in page and "Lotte" in page and 'name="uitkomst"' not in page


def test_a_second_outcome_is_refused_with_a_message_and_not_stored(
    client, gemeente_a, call_back, team_member, actor
):
    colleague = make_employee("collega", gemeente=gemeente_a, team=call_back.team, actor=actor)
    log_in(client, colleague).post(_detail(call_back), {"uitkomst": "Eerste."})

    response = log_in(client, team_member).post(_detail(call_back), {"uitkomst": "Tweede."})

    assert "al afgehandeld" in response.content.decode()
    call_back.refresh_from_db()
    assert call_back.outcome == "Eerste." and call_back.handled_by == colleague


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Schrijf op hoe het gesprek ging"),
        ({"uitkomst": "   "}, "Schrijf op hoe het gesprek ging"),
        ({"uitkomst": "x" * (MAX_TEXT_LENGTH + 1)}, "hoogstens"),
    ],
    ids=["missing", "blank", "too-long"],
)
def test_a_bad_outcome_gets_a_dutch_message_and_nothing_is_stored(
    client, call_back, team_member, data, message
):
    response = log_in(client, team_member).post(_detail(call_back), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    call_back.refresh_from_db()
    assert call_back.handled_at is None


def test_script_in_the_answer_is_shown_as_text(client, gemeente_a, zaak_a, team_member):
    call_back = make_answer(
        gemeente_a, zaak=zaak_a, score=1, improvement="<script>alert(1)</script>"
    ).call_back
    body = log_in(client, team_member).get(_detail(call_back)).content.decode()
    assert "<script>alert(1)</script>" not in body and "&lt;script&gt;" in body


def test_a_teamleider_of_the_gemeente_opens_any_teams_call_back(client, gemeente_a, call_back, actor):
    teamleider = make_employee(
        "leider",
        gemeente=gemeente_a,
        role=Role.TEAMLEIDER,
        team=Team.objects.create(tenant=gemeente_a, name="Wmo"),
        actor=actor,
    )
    assert log_in(client, teamleider).get(_detail(call_back)).status_code == 200


def test_a_behandelaar_of_another_team_gets_no_access(client, gemeente_a, call_back, actor):
    other = make_employee(
        "ander", gemeente=gemeente_a, team=Team.objects.create(tenant=gemeente_a, name="Wmo"), actor=actor
    )
    client = log_in(client, other)
    assert client.get(_detail(call_back)).status_code == 403
    assert client.post(_detail(call_back), {"uitkomst": "Niet van mij."}).status_code == 403
    assert IMPROVEMENT not in client.get(reverse("backoffice:callback-list")).content.decode()
    assert CallBack.objects.get(pk=call_back.pk).handled_at is None


@pytest.mark.parametrize("role", [Role.BEHEERDER, Role.PRIVACY_OFFICER, Role.KWALITEITSMEDEWERKER])
def test_roles_that_handle_no_zaken_get_no_access(client, gemeente_a, call_back, actor, role):
    person = make_employee(f"p-{role}", gemeente=gemeente_a, role=role, team=call_back.team, actor=actor)
    client = log_in(client, person)
    assert client.get(reverse("backoffice:callback-list")).status_code == 403
    assert client.get(_detail(call_back)).status_code == 403


def test_another_gemeente_gets_not_found(client, gemeente_b, call_back, actor):
    team_b = Team.objects.create(tenant=gemeente_b, name="Vergunningen")
    for role in (Role.BEHANDELAAR, Role.TEAMLEIDER):
        person = make_employee(f"b-{role}", gemeente=gemeente_b, role=role, team=team_b, actor=actor)
        client = log_in(client, person)
        assert client.get(_detail(call_back)).status_code == 404
        assert client.post(_detail(call_back), {"uitkomst": "Van B."}).status_code == 404
        assert IMPROVEMENT not in client.get(reverse("backoffice:callback-list")).content.decode()
    assert CallBack.objects.get(pk=call_back.pk).handled_at is None


def test_an_unknown_call_back_is_not_found(client, team_member):
    assert log_in(client, team_member).get("/backoffice/opvolging/terugbellen/999999/").status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, call_back):
    response = client.get(_detail(call_back))
    assert response.status_code == 302 and reverse("backoffice:login") in response["Location"]
