"""A resident answers an invitation in the portal: every bad input of issue 19 gets a clear page."""

from __future__ import annotations

import datetime
import re

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse

from plus1.accounts.services import create_team
from plus1.audit.models import AuditEntry
from plus1.core import clock
from plus1.feedback import services
from plus1.feedback.constants import MAX_TEXT_LENGTH, Channel, QuestionKind
from plus1.feedback.models import Answer, CallBack, Invitation, MonthlyScore, OwnQuestion

from .core_factories import adoption_for, answer_url, closed_zaak, invitation_for

pytestmark = pytest.mark.django_db

GOOD = {"score": "8", "effort": "4", "improvement": "Snel geholpen.", "channel": "online"}


@pytest.fixture
def invitation(gemeente_a):
    return invitation_for(gemeente_a)


def _text(response) -> str:
    return response.content.decode()


def test_the_link_opens_the_survey_without_logging_in(client, invitation):
    response = client.get(answer_url(invitation))

    page = _text(response)
    assert response.status_code == 200
    assert "Welk rapportcijfer geeft u onze dienstverlening?" in page
    assert "Het was makkelijk" in page and "Wat kan beter?" in page
    # Scales as radio buttons in a fieldset with a legend (WCAG 2.2: 1.3.1, 3.3.2).
    assert page.count("<fieldset>") >= 3 and page.count('type="radio"') >= 10 + 5
    assert "<legend" in page and 'type="tel"' in page


def test_an_answer_is_stored_once_with_its_process_team_and_lead_time(client, invitation):
    response = client.post(answer_url(invitation), GOOD)

    assert response.status_code == 302
    assert response["Location"] == reverse("portal:feedback-thanks", args=[invitation.tenant.slug])
    assert "Dank u wel" in _text(client.get(response["Location"]))
    answer = Answer.objects.get()
    zaak = invitation.zaak
    assert (answer.score, answer.effort, answer.improvement, answer.channel) == (
        8,
        4,
        "Snel geholpen.",
        "online",
    )
    assert answer.process == zaak.zaaktype.process and answer.team_id == zaak.team_id
    assert answer.zaak == zaak and answer.lead_time_days == (zaak.ended_on - zaak.started_on).days
    assert answer.within_norm is True
    invitation.refresh_from_db()
    assert invitation.used_at is not None
    assert not CallBack.objects.exists()


def test_a_second_answer_to_the_same_invitation_gets_the_already_answered_page(client, invitation):
    client.post(answer_url(invitation), GOOD)

    again = client.get(answer_url(invitation))
    posted = client.post(answer_url(invitation), {**GOOD, "score": "2"})

    assert again.status_code == 409 and posted.status_code == 409
    assert "U heeft deze vragen al beantwoord. Dank u wel." in _text(posted)
    assert Answer.objects.get().score == 8


def test_an_expired_link_says_so(client, invitation):
    with time_machine.travel(clock.now() + datetime.timedelta(days=31)):
        response = client.get(answer_url(invitation))
        posted = client.post(answer_url(invitation), GOOD)

    assert response.status_code == 410 and posted.status_code == 410
    assert "Deze uitnodiging is verlopen" in _text(response)
    assert not Answer.objects.exists()


def test_an_altered_link_gets_a_clear_dutch_page(client, invitation):
    url = answer_url(invitation)
    token = url.rstrip("/").rsplit("/", 1)[1]
    altered = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    other_uuid = "0" * 32 + token[32:]

    for bad in (altered, other_uuid, "zomaar-iets", token + "x"):
        response = client.get(reverse("portal:feedback-answer", args=[invitation.tenant.slug, bad]))
        assert response.status_code == 404
        assert "Deze link klopt niet" in _text(response)
    assert client.post(reverse("portal:feedback-answer", args=["utrecht", altered]), GOOD).status_code == 404
    assert not Answer.objects.exists()


def test_a_link_of_another_gemeente_is_refused(client, gemeente_a, gemeente_b):
    invitation_b = invitation_for(gemeente_b)

    response = client.get(answer_url(invitation_b, slug=gemeente_a.slug))
    posted = client.post(answer_url(invitation_b, slug=gemeente_a.slug), GOOD)

    assert response.status_code == 404 and posted.status_code == 404
    assert "hoort bij een andere gemeente" in _text(response)
    assert not Answer.objects.exists()
    assert client.get(answer_url(invitation_b)).status_code == 200


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("score", "11", "Kies een rapportcijfer van 1 tot en met 10."),
        ("score", "0", "Kies een rapportcijfer van 1 tot en met 10."),
        ("score", "acht", "Kies een rapportcijfer van 1 tot en met 10."),
        ("score", "", "Kies een rapportcijfer van 1 tot en met 10."),
        ("effort", "6", "Kies een antwoord van 1 tot en met 5."),
        ("channel", "fax", "Kies hoe u contact met ons had."),
    ],
)
def test_an_answer_out_of_range_is_a_form_error_linked_to_its_field(
    client, invitation, field, value, message
):
    response = client.post(answer_url(invitation), {**GOOD, field: value})

    page = _text(response)
    assert response.status_code == 400
    assert message in page
    assert f'href="#id_{field}_0"' in page and f'id="id_{field}_0"' in page
    assert f'id="{field}-error"' in page and "aria-invalid" in page
    assert not Answer.objects.exists()
    assert Invitation.objects.get().used_at is None


def test_a_very_long_text_is_refused_and_kept_for_correcting(client, invitation):
    response = client.post(answer_url(invitation), {**GOOD, "improvement": "x" * (MAX_TEXT_LENGTH + 1)})

    assert response.status_code == 400
    assert f"Gebruik hoogstens {MAX_TEXT_LENGTH} tekens" in _text(response)
    assert not Answer.objects.exists()


def test_script_in_the_text_is_stored_as_text_and_always_escaped(client, invitation):
    script = '<script>alert("x")</script>'
    shown = client.post(answer_url(invitation), {**GOOD, "score": "99", "improvement": script})

    assert script not in _text(shown) and "&lt;script&gt;" in _text(shown)

    client.post(answer_url(invitation), {**GOOD, "improvement": script})
    assert Answer.objects.get().improvement == script


def test_the_service_checks_the_ranges_too(invitation):
    from plus1.feedback.exceptions import AnswerInvalid

    with pytest.raises(AnswerInvalid) as problem:
        services.submit_answer(
            invitation=invitation,
            score=0,
            effort=9,
            improvement="y" * (MAX_TEXT_LENGTH + 1),
            own_answers={},
            may_call=True,
            call_phone="",
        )

    assert set(problem.value.errors) == {"score", "effort", "improvement", "call_phone"}
    assert not Answer.objects.exists()


@override_settings(PLUS1_RATELIMIT_FEEDBACK="3/h")
def test_many_answers_from_one_address_get_a_calm_dutch_429_page(client, gemeente_a):
    invitations = [invitation_for(gemeente_a) for _ in range(5)]

    statuses = [client.post(answer_url(invitation), GOOD).status_code for invitation in invitations]
    last = client.post(answer_url(invitations[-1]), GOOD)

    assert statuses[:3] == [302, 302, 302] and statuses[3:] == [429, 429]
    assert "Even wachten" in _text(last) and last["Retry-After"]
    assert Answer.objects.count() == 3
    # Looking at the form is never limited.
    assert client.get(answer_url(invitations[-1])).status_code == 200


def test_a_low_score_with_may_call_becomes_a_call_back_for_the_zaaks_team(client, invitation):
    response = client.post(
        answer_url(invitation), {**GOOD, "score": "4", "may_call": "on", "call_phone": "06 12345678"}
    )

    assert response["Location"].endswith("?bellen=1")
    assert "Een medewerker van de gemeente belt u binnenkort" in _text(client.get(response["Location"]))
    call_back = CallBack.objects.get()
    assert call_back.team_id == invitation.zaak.team_id and call_back.handled_at is None
    assert call_back.answer.call_phone == "06 12345678" and call_back.answer.may_call


def test_a_score_above_five_makes_no_call_back_and_keeps_no_phone_number(client, invitation):
    client.post(answer_url(invitation), {**GOOD, "score": "6", "may_call": "on", "call_phone": "06 12345678"})

    assert not CallBack.objects.exists()
    assert Answer.objects.get().call_phone == ""


def test_may_call_needs_a_phone_number(client, invitation):
    missing = client.post(answer_url(invitation), {**GOOD, "score": "3", "may_call": "on", "call_phone": ""})
    wrong = client.post(
        answer_url(invitation), {**GOOD, "score": "3", "may_call": "on", "call_phone": "bel me"}
    )

    assert missing.status_code == 400 and "Vul uw telefoonnummer in" in _text(missing)
    assert 'href="#id_call_phone"' in _text(missing)
    assert "alleen cijfers" in _text(wrong)
    assert not Answer.objects.exists()


def test_the_answer_is_in_the_audit_trail_without_personal_data(client, invitation):
    client.post(
        answer_url(invitation),
        {**GOOD, "score": "2", "may_call": "on", "call_phone": "0612345678", "improvement": "Mevrouw Jansen"},
    )

    entry = AuditEntry.objects.get(action="submit_feedback_answer")
    assert entry.after["score"] == 2 and entry.after["call_back"] is True
    assert "0612345678" not in str(entry.after) and "Jansen" not in str(entry.after)
    assert "Suzanne" not in entry.object_label


def test_the_monthly_sums_follow_each_answer(client, gemeente_a):
    adoption = adoption_for(gemeente_a)
    first = services.invite_after_closing(zaak=closed_zaak(adoption=adoption))
    second = services.invite_after_closing(zaak=closed_zaak(adoption=adoption))

    client.post(answer_url(first), {**GOOD, "score": "8", "effort": "4"})
    client.post(answer_url(second), {**GOOD, "score": "5", "effort": ""})

    row = MonthlyScore.objects.get(process=adoption.process)
    assert (row.invited, row.answered, row.score_sum, row.effort_count, row.effort_sum) == (2, 2, 13, 1, 4)
    assert (row.lead_time_count, row.within_norm_count) == (2, 2)


def test_the_gemeentes_own_questions_are_asked_and_stored(client, gemeente_a, invitation):
    scale = OwnQuestion.objects.create(
        tenant=gemeente_a, order=1, text="Was de brief duidelijk?", kind=QuestionKind.SCALE
    )
    yes_no = OwnQuestion.objects.create(
        tenant=gemeente_a, order=2, text="Kwam u terug?", kind=QuestionKind.YES_NO
    )
    text = OwnQuestion.objects.create(tenant=gemeente_a, order=3, text="Nog iets?", kind=QuestionKind.TEXT)
    OwnQuestion.objects.create(
        tenant=gemeente_a, order=4, text="Uitgezet", kind=QuestionKind.TEXT, is_active=False
    )

    page = _text(client.get(answer_url(invitation)))
    bad = client.post(answer_url(invitation), {**GOOD, f"own_{scale.pk}": "7"})
    client.post(
        answer_url(invitation),
        {**GOOD, f"own_{scale.pk}": "4", f"own_{yes_no.pk}": "nee", f"own_{text.pk}": "Nee hoor"},
    )

    assert "Was de brief duidelijk?" in page and "Kwam u terug?" in page and "Uitgezet" not in page
    assert bad.status_code == 400
    assert Answer.objects.get().own_answers == {
        str(scale.pk): 4,
        str(yes_no.pk): False,
        str(text.pk): "Nee hoor",
    }


def test_the_short_link_of_a_contact_moment_leads_to_the_same_form(client, gemeente_a, actor):
    team = create_team(tenant=gemeente_a, name="Publiekszaken", actor=actor)
    contact = services.create_contact_invitation(
        tenant=gemeente_a, channel=Channel.BALIE, process=None, team=team, created_by=None
    )
    url = reverse("portal:feedback-short", args=[gemeente_a.slug, contact.code.lower()])

    page = _text(client.get(url))
    client.post(url, {"score": "3", "may_call": "on", "call_phone": "030 1234567"})

    assert "Welk rapportcijfer" in page and "Hoe had u vooral contact" not in page
    answer = Answer.objects.get()
    assert answer.channel == Channel.BALIE and answer.source == "contact" and answer.zaak is None
    assert CallBack.objects.get().team == team
    assert client.get(url).status_code == 409


def test_an_unknown_or_foreign_short_code_is_refused(client, gemeente_a, gemeente_b):
    contact_b = services.create_contact_invitation(
        tenant=gemeente_b, channel=Channel.TELEFOON, process=None, team=None, created_by=None
    )

    unknown = client.get(reverse("portal:feedback-short", args=[gemeente_a.slug, "ABCDEFGH"]))
    foreign = client.get(reverse("portal:feedback-short", args=[gemeente_a.slug, contact_b.code]))

    assert unknown.status_code == 404 and "Deze code kennen wij niet" in _text(unknown)
    assert foreign.status_code == 404 and "Deze code kennen wij niet" in _text(foreign)


def test_the_pages_link_every_error_to_its_field_and_have_one_h1(client, invitation):
    page = _text(client.post(answer_url(invitation), {**GOOD, "score": ""}))

    assert page.count("<h1") == 1 and 'role="alert"' in page
    anchors = re.findall(r'href="#([^"]+)"', page)
    assert all(f'id="{anchor}"' in page for anchor in anchors if anchor != "inhoud")


def test_on_the_gemeentes_own_host_the_link_has_no_slug_and_works(client, settings, gemeente_a):
    settings.ALLOWED_HOSTS = ["testserver", "loket.utrecht.nl"]
    settings.PLUS1_BASE_URL = "https://plus1.example.nl"
    gemeente_a.portal_host = "loket.utrecht.nl"
    gemeente_a.save()
    invitation = invitation_for(gemeente_a)

    url = services.invitation_url(invitation)
    path = url.removeprefix("https://loket.utrecht.nl")

    assert url.startswith("https://loket.utrecht.nl/waardering/") and "/utrecht/" not in url
    assert client.get(path, HTTP_HOST="loket.utrecht.nl").status_code == 200
    response = client.post(path, GOOD, HTTP_HOST="loket.utrecht.nl")
    assert response.status_code == 302 and response["Location"] == "/waardering/bedankt/"
