"""Klantwaardering in the admin: each gemeente's beheerder edits their own rows, with clear refusals."""

from __future__ import annotations

import pytest
from django.urls import reverse

from plus1.accounts.constants import Role
from plus1.audit.models import AuditEntry
from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype
from plus1.core.testing import log_in_to_admin
from plus1.feedback.constants import MAX_OWN_QUESTIONS, InvitationMode, QuestionKind
from plus1.feedback.models import FeedbackSettings, InvitationPolicy, OwnQuestion, SurveyVersion

from .followup_factories import make_employee

pytestmark = pytest.mark.django_db


def _url(model, view="changelist", *args):
    return reverse(f"admin:feedback_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def beheerder_a(gemeente_a):
    return make_employee("beheer-a", gemeente=gemeente_a, role=Role.BEHEERDER)


@pytest.fixture
def admin_a(client, beheerder_a):
    return log_in_to_admin(client, beheerder_a)


def _question(tenant, order, *, is_active=True):
    return OwnQuestion.objects.create(
        tenant=tenant, order=order, text=f"Vraag {order}", kind=QuestionKind.SCALE, is_active=is_active
    )


def test_a_beheerder_sets_their_gemeentes_settings_with_an_audit_row(admin_a, gemeente_a, gemeente_b):
    page = admin_a.get(_url(FeedbackSettings, "add")).content.decode()
    assert f'value="{gemeente_a.pk}"' in page and f'value="{gemeente_b.pk}"' not in page

    response = admin_a.post(
        _url(FeedbackSettings, "add"),
        {"tenant": gemeente_a.pk, "shows_public_score": "on", "link_retention_days": 60, "_save": "1"},
    )

    assert response.status_code == 302
    settings = FeedbackSettings.objects.get(tenant=gemeente_a)
    assert settings.shows_public_score and settings.link_retention_days == 60
    assert AuditEntry.objects.filter(tenant=gemeente_a, action="add_feedbacksettings").exists()


def test_a_beheerder_cannot_write_settings_for_another_gemeente(admin_a, gemeente_b):
    response = admin_a.post(
        _url(FeedbackSettings, "add"), {"tenant": gemeente_b.pk, "link_retention_days": 60, "_save": "1"}
    )
    assert response.status_code == 200 and not FeedbackSettings.objects.exists()


@pytest.mark.parametrize("days", [0, 366])
def test_a_retention_outside_one_to_365_days_is_refused(admin_a, gemeente_a, days):
    response = admin_a.post(
        _url(FeedbackSettings, "add"), {"tenant": gemeente_a.pk, "link_retention_days": days, "_save": "1"}
    )
    assert "Kies een bewaartermijn van 1 tot en met 365 dagen." in response.content.decode()
    assert not FeedbackSettings.objects.exists()


def test_second_settings_for_one_gemeente_are_refused_with_a_message(admin_a, gemeente_a):
    FeedbackSettings.objects.create(tenant=gemeente_a)
    response = admin_a.post(
        _url(FeedbackSettings, "add"), {"tenant": gemeente_a.pk, "link_retention_days": 30, "_save": "1"}
    )
    assert "heeft al instellingen voor klantwaardering" in response.content.decode()
    assert FeedbackSettings.objects.count() == 1


def test_a_fourth_active_question_is_refused_with_a_clear_message(admin_a, gemeente_a, gemeente_b):
    for order in range(1, MAX_OWN_QUESTIONS + 1):
        _question(gemeente_a, order)
    _question(gemeente_b, 9)  # another gemeente's questions do not count

    data = {"tenant": gemeente_a.pk, "order": 4, "text": "Nog een vraag?", "kind": "yes_no", "_save": "1"}
    response = admin_a.post(_url(OwnQuestion, "add"), {**data, "is_active": "on"})

    assert "hoogstens 3 eigen vragen tegelijk" in response.content.decode()
    assert OwnQuestion.objects.filter(tenant=gemeente_a).count() == 3

    # Kept aside (not active), it may be stored; switched on later, it is refused again.
    assert admin_a.post(_url(OwnQuestion, "add"), data).status_code == 302
    fourth = OwnQuestion.objects.get(tenant=gemeente_a, order=4)
    response = admin_a.post(_url(OwnQuestion, "change", fourth.pk), {**data, "is_active": "on"})
    assert "hoogstens 3 eigen vragen tegelijk" in response.content.decode()
    fourth.refresh_from_db()
    assert not fourth.is_active


def test_changing_one_of_three_active_questions_is_allowed(admin_a, gemeente_a):
    questions = [_question(gemeente_a, order) for order in (1, 2, 3)]
    response = admin_a.post(
        _url(OwnQuestion, "change", questions[0].pk),
        {"order": 1, "text": "Kon u ons goed bereiken?", "kind": "yes_no", "is_active": "on", "_save": "1"},
    )
    assert response.status_code == 302
    questions[0].refresh_from_db()
    assert questions[0].text == "Kon u ons goed bereiken?"
    entry = AuditEntry.objects.get(action="change_ownquestion")
    assert entry.before["text"] == "Vraag 1" and entry.after["text"] == "Kon u ons goed bereiken?"


def test_a_taken_order_number_is_refused(admin_a, gemeente_a):
    _question(gemeente_a, 1)
    response = admin_a.post(
        _url(OwnQuestion, "add"),
        {
            "tenant": gemeente_a.pk,
            "order": 1,
            "text": "Dubbel?",
            "kind": "text",
            "is_active": "on",
            "_save": "1",
        },
    )
    assert "Er is al een vraag met dit volgnummer" in response.content.decode()


def test_one_in_n_needs_n_of_at_least_two(admin_a, gemeente_a):
    adoption = adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype())
    data = {
        "tenant": gemeente_a.pk,
        "process": adoption.process_id,
        "mode": InvitationMode.ONE_IN_N,
        "_save": "1",
    }

    response = admin_a.post(_url(InvitationPolicy, "add"), {**data, "every_n": 1})
    assert "moet N minstens 2 zijn" in response.content.decode()
    assert not InvitationPolicy.objects.exists()

    assert admin_a.post(_url(InvitationPolicy, "add"), {**data, "every_n": 3}).status_code == 302
    policy = InvitationPolicy.objects.get(tenant=gemeente_a)
    assert policy.mode == InvitationMode.ONE_IN_N and policy.every_n == 3


def test_a_policy_only_for_a_process_the_gemeente_runs(admin_a, gemeente_a, gemeente_b):
    adoption_a = adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype())
    adoption_b = adopt_with_team(gemeente=gemeente_b, zaaktype=handling_zaaktype())
    page = admin_a.get(_url(InvitationPolicy, "add")).content.decode()
    assert adoption_a.zaaktype.omschrijving in page and adoption_b.zaaktype.omschrijving not in page

    response = admin_a.post(
        _url(InvitationPolicy, "add"),
        {
            "tenant": gemeente_a.pk,
            "process": adoption_b.process_id,
            "mode": "never",
            "every_n": 1,
            "_save": "1",
        },
    )
    assert response.status_code == 200 and not InvitationPolicy.objects.exists()


def test_gemeente_b_sees_and_opens_nothing_of_gemeente_a(client, gemeente_a, gemeente_b):
    adoption = adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype())
    rows = [
        FeedbackSettings.objects.create(tenant=gemeente_a),
        _question(gemeente_a, 1),
        InvitationPolicy.objects.create(tenant=gemeente_a, process=adoption.process, mode="never"),
    ]
    admin_b = log_in_to_admin(client, make_employee("beheer-b", gemeente=gemeente_b, role=Role.BEHEERDER))
    for row in rows:
        listing = admin_b.get(_url(type(row)))
        assert listing.status_code == 200
        assert row not in list(listing.context["cl"].result_list)
        for view in ("change", "history", "delete"):
            assert admin_b.get(_url(type(row), view, row.pk)).status_code in (302, 403, 404)
        assert admin_b.post(_url(type(row), "delete", row.pk), {"post": "yes"}).status_code in (302, 403, 404)
        assert type(row).objects.filter(pk=row.pk).exists()


@pytest.mark.parametrize("role", [Role.BEHANDELAAR, Role.TEAMLEIDER, Role.KWALITEITSMEDEWERKER])
def test_roles_other_than_beheerder_do_not_manage_klantwaardering(client, gemeente_a, role):
    person = make_employee(f"p-{role}", gemeente=gemeente_a, role=role)
    person.is_staff = True
    person.save()
    admin = log_in_to_admin(client, person)
    for model in (FeedbackSettings, OwnQuestion, InvitationPolicy, SurveyVersion):
        assert admin.get(_url(model)).status_code in (302, 403)


def test_the_survey_is_the_collectives_and_a_published_version_is_read_only(client, collective, admin_a):
    assert admin_a.get(_url(SurveyVersion)).status_code == 403

    manager = make_employee("catalogus", gemeente=collective, role=Role.CATALOG_MANAGER)
    manager.is_staff = True
    manager.save()
    admin = log_in_to_admin(client, manager)
    data = {
        "version": 7,
        "intro": "Hoe ging het?",
        "score_label": "Welk cijfer?",
        "effort_label": "Was het makkelijk?",
        "improvement_label": "Wat kan beter?",
        "_save": "1",
    }
    assert admin.post(_url(SurveyVersion, "add"), data).status_code == 302
    concept = SurveyVersion.objects.get(version=7)
    assert concept.tenant == collective

    response = admin.post(_url(SurveyVersion, "add"), data)
    assert "Versie 7 bestaat al." in response.content.decode()

    SurveyVersion.objects.filter(pk=concept.pk).update(published_on="2026-06-01")
    admin.post(_url(SurveyVersion, "change", concept.pk), {**data, "intro": "Anders"})
    concept.refresh_from_db()
    assert concept.intro == "Hoe ging het?"
    assert admin.post(_url(SurveyVersion, "delete", concept.pk), {"post": "yes"}).status_code == 403
    assert SurveyVersion.objects.filter(pk=concept.pk).exists()
