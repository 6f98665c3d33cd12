"""Privacy: the link between an answer and a person goes after the retention period (issue 19)."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.utils import timezone

from plus1.audit.models import ProcessingRecord
from plus1.audit.services import Actor, hash_subject
from plus1.core import clock
from plus1.feedback import services, tasks
from plus1.feedback.answers import answer_for_follow_up
from plus1.feedback.models import Answer, CallBack, FeedbackSettings, Invitation

from .core_factories import SUZANNE, invitation_for

pytestmark = pytest.mark.django_db


def _answer(invitation, *, score=8, may_call=False, phone=""):
    return services.submit_answer(
        invitation=invitation,
        score=score,
        effort=3,
        improvement="Het duurde lang.",
        own_answers={},
        may_call=may_call,
        call_phone=phone,
    )


def _later(days):
    return time_machine.travel(clock.now() + datetime.timedelta(days=days), tick=False)


def test_the_zaak_link_and_phone_go_after_90_days_by_default(gemeente_a):
    answer = _answer(invitation_for(gemeente_a), score=2, may_call=True, phone="0612345678")
    CallBack.objects.filter(answer=answer).update(handled_at=timezone.now())

    with _later(89):
        tasks.remove_answer_links.call()
    answer.refresh_from_db()
    assert answer.zaak_id is not None

    with _later(91):
        result = tasks.remove_answer_links.call()
    answer.refresh_from_db()
    assert answer.zaak_id is None and answer.call_phone == ""
    # What the benchmark needs stays; it names nobody.
    assert answer.score == 2 and answer.lead_time_days is not None and answer.within_norm is not None
    assert result["unlinked"] == 1


def test_an_open_call_back_keeps_the_link_until_it_is_handled(gemeente_a):
    answer = _answer(invitation_for(gemeente_a), score=3, may_call=True, phone="0612345678")

    with _later(200):
        tasks.remove_answer_links.call()
    answer.refresh_from_db()
    assert answer.zaak_id is not None and answer.call_phone == "0612345678"

    CallBack.objects.filter(answer=answer).update(handled_at=timezone.now())
    with _later(201):
        tasks.remove_answer_links.call()
    answer.refresh_from_db()
    assert answer.zaak_id is None and answer.call_phone == ""


def test_a_gemeente_sets_its_own_retention(gemeente_a, gemeente_b):
    FeedbackSettings.objects.create(tenant=gemeente_a, link_retention_days=14)
    answer_a = _answer(invitation_for(gemeente_a))
    answer_b = _answer(invitation_for(gemeente_b))

    with _later(15):
        tasks.remove_answer_links.call()

    answer_a.refresh_from_db()
    answer_b.refresh_from_db()
    assert answer_a.zaak_id is None and answer_b.zaak_id is not None


def test_invitations_go_after_expiry_plus_retention_and_answers_stay(gemeente_a):
    answered = invitation_for(gemeente_a)
    _answer(answered)
    unanswered = invitation_for(gemeente_a)

    with _later(30 + 89):
        tasks.remove_answer_links.call()
    assert Invitation.objects.count() == 2

    with _later(30 + 91):
        result = tasks.remove_answer_links.call()
    assert not Invitation.objects.filter(pk__in=[answered.pk, unanswered.pk]).exists()
    assert result["invitations_deleted"] == 2
    assert Answer.objects.get().invitation is None


def test_a_removed_invitation_link_says_it_expired(client, gemeente_a):
    from .core_factories import answer_url

    invitation = invitation_for(gemeente_a)
    url = answer_url(invitation)
    with _later(30 + 91):
        tasks.remove_answer_links.call()
        response = client.get(url)

    assert response.status_code == 410 and "Deze uitnodiging is verlopen" in response.content.decode()


def test_reading_an_answer_that_names_a_zaak_is_in_the_processing_log(gemeente_a):
    answer = _answer(invitation_for(gemeente_a), score=2, may_call=True, phone="0612345678")
    viewer = Actor(type="employee", id="7", label="kwaliteit-a", unit="Team Kwaliteit")

    read = answer_for_follow_up(answer=answer, viewer=viewer, purpose="terugbelverzoek bekijken")

    assert read.zaak == answer.zaak
    record = ProcessingRecord.objects.for_tenant(gemeente_a).get(actor_label="kwaliteit-a")
    assert record.object_type == "cases.zaak" and record.object_id == str(answer.zaak_id)
    assert record.subject_type == "bsn" and record.subject_hash == hash_subject(SUZANNE)
    assert "terugbelverzoek" in record.operation and SUZANNE not in str(record.__dict__)


def test_reading_an_answer_without_a_zaak_link_is_not_logged(gemeente_a):
    answer = _answer(invitation_for(gemeente_a))
    Answer.objects.filter(pk=answer.pk).update(zaak=None)

    answer_for_follow_up(answer=answer, viewer=Actor.system("x"), purpose="bekijken")

    assert not ProcessingRecord.objects.filter(object_type="cases.zaak", actor_label="x").exists()
