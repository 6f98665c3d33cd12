"""Hostile input on the resident's answer pages (red team, issue 19).

Whatever arrives (a wrong score, a body of megabytes, thousands of fields, bytes that are not
UTF-8, script in the text, no CSRF token, a guessed code), the resident gets a Dutch page that is
not a 500, nothing wrong is stored, and the page never tells whether a code exists elsewhere.
"""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.test import Client, override_settings
from django.urls import reverse

from plus1.feedback import services
from plus1.feedback.constants import Channel
from plus1.feedback.models import Answer, CallBack

from .core_factories import answer_url, invitation_for

pytestmark = pytest.mark.django_db

GOOD = {"score": "8", "effort": "4", "improvement": "Snel geholpen.", "channel": "online"}


@pytest.fixture
def invitation(gemeente_a):
    return invitation_for(gemeente_a)


def _text(response) -> str:
    return response.content.decode()


@pytest.mark.parametrize("score", ["7.5", "-1", "0", "11", "1e3", "", " ", "acht", "\uff18"])
def test_a_score_out_of_range_or_not_a_whole_number_is_refused(client, invitation, score):
    response = client.post(answer_url(invitation), {**GOOD, "score": score})

    assert response.status_code == 400
    assert "Kies een rapportcijfer van 1 tot en met 10." in _text(response)
    assert not Answer.objects.exists()


def test_a_post_without_any_field_is_refused_without_a_500(client, invitation):
    response = client.post(answer_url(invitation), {})

    assert response.status_code == 400 and "Kies een rapportcijfer" in _text(response)
    assert not Answer.objects.exists()


@pytest.mark.parametrize("field,value", [("effort", "6"), ("effort", "2.0"), ("channel", "fax")])
def test_other_choices_out_of_range_are_refused(client, invitation, field, value):
    response = client.post(answer_url(invitation), {**GOOD, field: value})

    assert response.status_code == 400
    assert not Answer.objects.exists()


def test_a_text_of_megabytes_is_refused_before_it_is_read(client, invitation):
    response = client.post(answer_url(invitation), {**GOOD, "improvement": "a" * 3_000_000})

    assert response.status_code in (400, 413)
    assert not Answer.objects.exists()


def test_thousands_of_fields_are_refused(client, invitation):
    body = {**GOOD, **{f"veld{n}": "x" for n in range(5_000)}}

    response = client.post(answer_url(invitation), body)

    assert response.status_code in (400, 413)
    assert not Answer.objects.exists()


def test_bytes_that_are_not_utf8_give_a_page_not_a_500(client, invitation):
    response = client.post(
        answer_url(invitation),
        b"score=8&improvement=%FF%FE%C3%28caf\xe9",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code in (302, 400)
    if response.status_code == 302:
        assert Answer.objects.get().score == 8


def test_a_nul_character_in_the_text_is_refused(client, invitation):
    response = client.post(answer_url(invitation), {**GOOD, "improvement": "slecht\x00geholpen"})

    assert response.status_code == 400
    assert not Answer.objects.exists()


@pytest.mark.parametrize(
    "token_change",
    [
        lambda token: token[:-3],
        lambda token: token[:10],
        lambda token: token.replace(":", ""),
        lambda token: token + "%00",
        lambda token: "a" * 5000,
        lambda token: token.split(":")[0] + ":" + "A" * 27,
    ],
)
def test_an_altered_or_truncated_token_gets_the_wrong_link_page(client, invitation, token_change):
    token = services.invitation_token(invitation)
    url = reverse("portal:feedback-answer", args=[invitation.tenant.slug, token_change(token)])

    shown, posted = client.get(url), client.post(url, GOOD)

    assert shown.status_code == 404 and posted.status_code == 404
    assert "Deze link klopt niet" in _text(shown)
    assert not Answer.objects.exists()


def test_replaying_the_answer_after_it_was_stored_changes_nothing(client, invitation):
    assert client.post(answer_url(invitation), {**GOOD, "score": "3"}).status_code == 302

    replay = client.post(answer_url(invitation), {**GOOD, "score": "10"})

    assert replay.status_code == 409 and "al beantwoord" in _text(replay)
    assert list(Answer.objects.values_list("score", flat=True)) == [3]


def test_a_post_without_csrf_token_gets_a_dutch_page_and_stores_nothing(invitation):
    client = Client(enforce_csrf_checks=True)

    response = client.post(answer_url(invitation), GOOD)

    assert response.status_code == 403
    page = _text(response)
    assert "<html" in page and 'lang="nl"' in page
    assert not Answer.objects.exists()


@override_settings(PLUS1_RATELIMIT_FEEDBACK="3/h")
def test_many_answers_from_one_address_are_slowed_down(client, gemeente_a):
    caches["default"].clear()
    invitations = [invitation_for(gemeente_a, bsn="999993653") for _n in range(4)]

    statuses = [client.post(answer_url(each), GOOD).status_code for each in invitations]

    assert statuses[:3] == [302, 302, 302] and statuses[3] == 429
    assert Answer.objects.count() == 3
    caches["default"].clear()


def test_a_short_code_of_another_gemeente_looks_exactly_like_an_unknown_code(client, gemeente_a, gemeente_b):
    """Guessing codes on one gemeente's portal must not tell which codes exist in another one."""
    contact_b = services.create_contact_invitation(
        tenant=gemeente_b, channel=Channel.TELEFOON, process=None, team=None, created_by=None
    )

    unknown = client.get(reverse("portal:feedback-short", args=[gemeente_a.slug, "ABCDEFGH"]))
    foreign = client.get(reverse("portal:feedback-short", args=[gemeente_a.slug, contact_b.code]))
    foreign_post = client.post(reverse("portal:feedback-short", args=[gemeente_a.slug, contact_b.code]), GOOD)

    assert unknown.status_code == foreign.status_code == foreign_post.status_code == 404
    assert "andere gemeente" not in _text(foreign)
    assert "Deze code kennen wij niet" in _text(foreign) and "Deze code kennen wij niet" in _text(unknown)
    assert not Answer.objects.exists()


@override_settings(PLUS1_RATELIMIT_FEEDBACK="5/h")
def test_guessing_short_codes_is_slowed_down(client, gemeente_a):
    caches["default"].clear()

    statuses = [
        client.get(reverse("portal:feedback-short", args=[gemeente_a.slug, f"ABCDEF{n}{n}"])).status_code
        for n in range(2, 9)
    ]

    assert statuses[:5] == [404] * 5 and set(statuses[5:]) == {429}
    caches["default"].clear()


@pytest.mark.parametrize("code", ["a" * 5000, "%00", "../../etc", "ÄÖÜ", "<script>"])
def test_a_strange_short_code_gives_the_unknown_code_page(client, gemeente_a, code):
    response = client.get(f"/{gemeente_a.slug}/w/{code}/")

    assert response.status_code in (400, 404)
    assert "<script>" not in _text(response)


SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_script_in_the_answer_is_stored_as_text_and_the_phone_must_be_digits(client, invitation):
    response = client.post(
        answer_url(invitation),
        {**GOOD, "score": "2", "improvement": SCRIPT, "may_call": "on", "call_phone": "<b>06</b>"},
    )

    assert response.status_code == 400 and "<b>06</b>" not in _text(response)
    assert "&lt;b&gt;06&lt;/b&gt;" in _text(response)
    assert SCRIPT not in _text(response)
    response = client.post(
        answer_url(invitation),
        {**GOOD, "score": "2", "improvement": SCRIPT, "may_call": "on", "call_phone": "06 12345678"},
    )
    assert response.status_code == 302
    assert Answer.objects.get().improvement == SCRIPT
    assert CallBack.objects.count() == 1


# --- the back office: another gemeente, bad filters, exports -----------------------------------


def _quality_officer(gemeente):
    from plus1.accounts.constants import Role
    from plus1.accounts.services import register_totp_device

    from .followup_factories import make_employee

    user = make_employee("kwaliteit-hostile", gemeente=gemeente, role=Role.KWALITEITSMEDEWERKER)
    register_totp_device(user=user, key="3132333435363738393031323334353637383930")
    return user


def test_a_call_back_of_another_gemeente_is_not_found(client, gemeente_a, gemeente_b, actor):
    from plus1.accounts.services import create_team

    from .core_factories import employee_in, log_in_to_backoffice
    from .followup_factories import make_answer

    make_answer(gemeente_a, score=2, improvement=SCRIPT)
    call_back_a = CallBack.objects.get()
    team_b = create_team(tenant=gemeente_b, name="Burgerzaken", actor=actor)
    employee_b = employee_in(team_b, actor=actor, username="behandelaar-b")
    log_in_to_backoffice(client, employee_b)

    response = client.get(reverse("backoffice:callback-detail", args=[call_back_a.pk]))
    posted = client.post(reverse("backoffice:callback-detail", args=[call_back_a.pk]), {"uitkomst": "x"})

    assert response.status_code == 404 and posted.status_code == 404
    assert SCRIPT not in response.content.decode()
    call_back_a.refresh_from_db()
    assert call_back_a.handled_at is None
    huge = client.get(reverse("backoffice:callback-detail", args=[10**20]))
    assert huge.status_code == 404


@pytest.mark.parametrize(
    "params",
    [
        {"periode": "-1"},
        {"periode": "999999"},
        {"proces": "abc"},
        {"proces": str(10**20)},
        {"team": "-5"},
        {"kanaal": "<script>"},
        {"format": "xlsx"},
    ],
)
def test_bad_dashboard_filters_are_a_page_not_a_500(client, gemeente_a, params):
    from .core_factories import log_in_to_backoffice

    log_in_to_backoffice(client, _quality_officer(gemeente_a))

    for name in ("feedback-dashboard", "feedback-themes", "feedback-benchmark", "feedback-export"):
        response = client.get(reverse(f"backoffice:{name}"), params)
        assert response.status_code < 500, (name, response.status_code)
        assert "<script>" not in response.content.decode()


def test_the_csv_export_never_starts_a_cell_with_a_formula(client, gemeente_a, actor):
    from plus1.accounts.services import create_team

    from .core_factories import log_in_to_backoffice
    from .followup_factories import make_answer

    team = create_team(tenant=gemeente_a, name='=HYPERLINK("http://x","klik")', actor=actor)
    make_answer(gemeente_a, team=team, score=2, improvement="=1+1 slecht")
    log_in_to_backoffice(client, _quality_officer(gemeente_a))

    response = client.get(reverse("backoffice:feedback-export"), {"format": "csv"})

    assert response.status_code == 200
    cells = [cell for line in response.content.decode().splitlines() for cell in line.split(";")]
    assert not [cell for cell in cells if cell.strip('"')[:1] in ("=", "+", "@")]
