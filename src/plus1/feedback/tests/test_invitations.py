"""Invitations after a closed zaak or melding, and after a contact moment (issue 19)."""

from __future__ import annotations

import datetime
import logging
from unittest import mock

import pytest
from django.urls import reverse

from plus1.accounts.services import create_team
from plus1.cases.services import Initiator, submit_anonymous_report
from plus1.catalog import services as catalog_services
from plus1.catalog.importer.loader import import_library
from plus1.catalog.models import ZaakType
from plus1.core import clock
from plus1.feedback import services, tasks
from plus1.feedback.constants import Channel, InvitationMode, Source
from plus1.feedback.models import Invitation, InvitationPolicy, MonthlyScore
from plus1.feedback.tokens import CODE_ALPHABET

from .core_factories import (
    SYSTEM,
    adoption_for,
    close,
    closed_zaak,
    employee_in,
    log_in_to_backoffice,
    new_zaak,
)

pytestmark = pytest.mark.django_db

# The back office's "I know, and go on" tick box (backoffice.next_step.CONFIRM_FIELD).
CONFIRM_FIELD = "bevestigd"


@pytest.fixture
def team(gemeente_a, actor):
    return create_team(tenant=gemeente_a, name="Vergunningen", actor=actor)


@pytest.fixture
def employee(gemeente_a, team, actor):
    return employee_in(team, actor=actor)


def _invited(process) -> int:
    return sum(MonthlyScore.objects.filter(process=process).values_list("invited", flat=True))


def test_a_closed_zaak_invites_its_resident_by_email_with_a_link_valid_30_days(
    gemeente_a, django_capture_on_commit_callbacks, mailoutbox
):
    zaak = closed_zaak(gemeente_a)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invite_after_closing(zaak=zaak)

    assert invitation.source == Source.ZAAK and invitation.zaak == zaak
    assert invitation.expires_at - invitation.created_at == datetime.timedelta(days=30)
    assert invitation.team_id == zaak.team_id and invitation.process == zaak.zaaktype.process
    [message] = mailoutbox
    assert message.to == ["suzanne@example.org"]
    assert message.subject == "Hoe waardeert u onze dienstverlening?"
    assert "Gemeente Utrecht" in message.from_email
    assert services.invitation_url(invitation) in message.body
    assert f"/{gemeente_a.slug}/waardering/" in message.body
    assert "Beste Suzanne Moulin" in message.body
    invitation.refresh_from_db()
    assert invitation.emailed_at is not None
    assert _invited(zaak.zaaktype.process) == 1


def test_one_invitation_per_zaak_however_often_it_is_asked(gemeente_a):
    zaak = closed_zaak(gemeente_a)

    first = services.invite_after_closing(zaak=zaak)
    second = services.invite_after_closing(zaak=zaak)

    assert first == second
    assert Invitation.objects.filter(zaak=zaak).count() == 1
    assert _invited(zaak.zaaktype.process) == 1


def test_an_open_zaak_gets_no_invitation(gemeente_a):
    zaak = new_zaak(adoption_for(gemeente_a))

    assert services.invite_after_closing(zaak=zaak) is None
    assert not Invitation.objects.exists()


def test_a_gemeente_can_switch_invitations_off_for_a_process(gemeente_a):
    adoption = adoption_for(gemeente_a)
    InvitationPolicy.objects.create(tenant=gemeente_a, process=adoption.process, mode=InvitationMode.NEVER)

    assert services.invite_after_closing(zaak=closed_zaak(adoption=adoption)) is None
    assert not Invitation.objects.exists()


def test_one_in_n_invites_every_nth_closed_zaak_and_counts_each_zaak_once(gemeente_a):
    adoption = adoption_for(gemeente_a)
    policy = InvitationPolicy.objects.create(
        tenant=gemeente_a, process=adoption.process, mode=InvitationMode.ONE_IN_N, every_n=3
    )
    zaken = [closed_zaak(adoption=adoption) for _ in range(6)]

    results = [services.invite_after_closing(zaak=zaak) for zaak in zaken]
    # The sweep sees the four left out again, and must not count them a second time.
    tasks.invite_for_closed_zaken.call()

    assert [result is not None for result in results] == [False, False, True, False, False, True]
    assert Invitation.objects.count() == 2
    policy.refresh_from_db()
    assert policy.counter == 0


def test_without_a_policy_every_closed_zaak_is_invited(gemeente_a):
    adoption = adoption_for(gemeente_a)

    invitations = [services.invite_after_closing(zaak=closed_zaak(adoption=adoption)) for _ in range(3)]

    assert all(invitations) and _invited(adoption.process) == 3


def test_a_resident_without_email_is_invited_in_mijn_zaken_only(gemeente_a, mailoutbox):
    zaak = closed_zaak(gemeente_a, email="")
    mailoutbox.clear()

    invitation = services.invite_after_closing(zaak=zaak)

    assert invitation is not None and invitation.emailed_at is None
    assert mailoutbox == []


@pytest.fixture
def melding(collective, gemeente_a, actor):
    import_library()
    zaaktype = ZaakType.objects.get(process__identificatie="melding-openbare-ruimte")
    return catalog_services.adopt_process(gemeente=gemeente_a, zaaktype=zaaktype, actor=actor)


def _report(gemeente, adoption, email):
    import uuid

    category = adoption.zaaktype.eigenschappen.get(name="categorie").choices[0]
    answers = {
        "categorie": category,
        "omschrijving": "De lantaarnpaal voor nummer 12 brandt al een week niet.",
        "locatie": "Oudegracht 12, Utrecht",
    }
    if email:
        answers["email"] = email
    return submit_anonymous_report(
        tenant=gemeente, adoption=adoption, token=uuid.uuid4(), answers=answers, email=email, actor=SYSTEM
    )


def test_a_closed_anonymous_melding_invites_the_reporter_who_left_an_email(
    gemeente_a, melding, django_capture_on_commit_callbacks, mailoutbox
):
    with_email = close(_report(gemeente_a, melding, "melder@example.org"))
    without_email = close(_report(gemeente_a, melding, ""))
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invite_after_closing(zaak=with_email)
    assert services.invite_after_closing(zaak=without_email) is None

    assert invitation.source == Source.MELDING
    assert mailoutbox[0].to == ["melder@example.org"] and "melding" in mailoutbox[0].body


def _close_form(zaak, resultaattype):
    # Closing without a besluit does not fit the status: the employee ticks "toch doorgaan".
    return {
        "afsluiten-version": zaak.version,
        "afsluiten-resultaattype": resultaattype.pk,
        f"afsluiten-{CONFIRM_FIELD}": "on",
    }


def test_closing_in_the_back_office_invites_the_resident(
    client, gemeente_a, team, employee, django_capture_on_commit_callbacks, mailoutbox
):
    zaak = new_zaak(adoption_for(gemeente_a, team_name=team.name))
    resultaattype = zaak.zaaktype.resultaattypen.order_by("pk").first()
    log_in_to_backoffice(client, employee)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("backoffice:zaak-action", args=[zaak.identificatie, "afsluiten"]),
            _close_form(zaak, resultaattype),
        )

    invitation = Invitation.objects.get(zaak=zaak)
    assert invitation.team == team
    assert [m.subject for m in mailoutbox][-1] == "Hoe waardeert u onze dienstverlening?"


def test_a_failing_invitation_never_fails_the_close_and_logs_no_bsn(
    client, gemeente_a, team, employee, django_capture_on_commit_callbacks, caplog
):
    zaak = new_zaak(adoption_for(gemeente_a, team_name=team.name))
    resultaattype = zaak.zaaktype.resultaattypen.order_by("pk").first()
    log_in_to_backoffice(client, employee)

    with (
        mock.patch("plus1.feedback.services.invitations.source_of", side_effect=RuntimeError("boom")),
        caplog.at_level(logging.ERROR),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(
            reverse("backoffice:zaak-action", args=[zaak.identificatie, "afsluiten"]),
            _close_form(zaak, resultaattype),
        )

    zaak.refresh_from_db()
    assert response.status_code == 302 and not zaak.is_open
    assert not Invitation.objects.exists()
    assert "Could not invite for feedback" in caplog.text and "999993653" not in caplog.text


def test_a_mail_that_cannot_be_sent_leaves_the_invitation_in_mijn_zaken(
    gemeente_a, django_capture_on_commit_callbacks
):
    zaak = closed_zaak(gemeente_a)

    with (
        mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("smtp down")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        invitation = services.invite_after_closing(zaak=zaak)

    invitation.refresh_from_db()
    assert invitation.emailed_at is None


def test_the_sweep_invites_for_zaken_closed_another_way(gemeente_a):
    zaken = [closed_zaak(gemeente_a) for _ in range(2)]
    services.invite_after_closing(zaak=zaken[0])

    assert tasks.invite_for_closed_zaken.call() == 1
    assert Invitation.objects.filter(zaak__in=zaken).count() == 2
    assert tasks.invite_for_closed_zaken.call() == 0


def test_a_contact_moment_gets_a_short_unambiguous_code(gemeente_a, team, employee):
    process = adoption_for(gemeente_a).process

    invitations = [
        services.create_contact_invitation(
            tenant=gemeente_a, channel=Channel.BALIE, process=process, team=team, created_by=employee
        )
        for _ in range(5)
    ]

    codes = {invitation.code for invitation in invitations}
    assert len(codes) == 5
    assert all(len(code) == 8 and set(code) <= set(CODE_ALPHABET) for code in codes)
    assert not set("01OIL") & set(CODE_ALPHABET)
    assert services.invitation_path(invitations[0]) == f"/{gemeente_a.slug}/w/{invitations[0].code}/"
    assert invitations[0].source == Source.CONTACT and invitations[0].created_by == employee
    assert _invited(process) == 5


def test_a_contact_invitation_refuses_a_team_of_another_gemeente(gemeente_a, gemeente_b, employee, actor):
    other_team = create_team(tenant=gemeente_b, name="Vergunningen", actor=actor)
    from plus1.feedback.exceptions import FeedbackError

    with pytest.raises(FeedbackError):
        services.create_contact_invitation(
            tenant=gemeente_a, channel=Channel.BALIE, process=None, team=other_team, created_by=employee
        )


def test_invitations_count_in_the_month_they_were_made(gemeente_a):
    invitation = services.invite_after_closing(zaak=closed_zaak(gemeente_a))

    row = MonthlyScore.objects.get(process=invitation.process)
    assert row.month == clock.today().replace(day=1) and row.invited == 1 and row.answered == 0


def test_the_initiator_may_be_a_business(gemeente_a):
    from plus1.cases.services import create_zaak

    adoption = adoption_for(gemeente_a)
    zaak = create_zaak(
        tenant=gemeente_a,
        adoption=adoption,
        initiator=Initiator(name="Bakkerij De Korst", kvk_number="12345678", email="info@korst.example"),
        data={},
        actor=SYSTEM,
    )

    assert services.invite_after_closing(zaak=close(zaak)).source == Source.ZAAK
