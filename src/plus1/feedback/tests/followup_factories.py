"""Answers and call-backs written straight into the tables, for the follow-up and API tests.

They stand in for ``services.submit_answer`` (the feedback core), so these tests say what the
follow-up does with an answer, whatever path the answer came by.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from plus1.accounts.constants import Role
from plus1.accounts.models import Team
from plus1.accounts.services import add_team_member, create_employee, grant_role
from plus1.audit.services import Actor
from plus1.cases.models import Zaak
from plus1.catalog.models import Process
from plus1.core import clock
from plus1.feedback.constants import Channel, Source
from plus1.feedback.models import Answer, CallBack, Invitation, SurveyVersion
from plus1.feedback.tallies import count_answer_in_tally
from plus1.tenants.models import Organisation
from plus1.tenants.selectors import get_collective

PHONE = "0612345678"
SYSTEM = Actor.system("test")


def make_employee(
    username: str, *, gemeente: Organisation, role: Role = Role.BEHANDELAAR, team: Team | None = None, **names
):
    """An employee with a role at ``gemeente`` (and in ``team``); no second factor: for service tests."""
    user = create_employee(username=username, password="een-lang-wachtwoord", **names)
    grant_role(tenant=gemeente, user=user, role=role, actor=SYSTEM)
    if team is not None:
        add_team_member(team=team, user=user, actor=SYSTEM)
    return user


def survey() -> SurveyVersion:
    version, _created = SurveyVersion.objects.get_or_create(
        tenant=get_collective(),
        version=1,
        defaults={
            "intro": "Hoe ging het?",
            "score_label": "Welk rapportcijfer geeft u?",
            "effort_label": "Het was makkelijk.",
            "improvement_label": "Wat kan beter?",
            "published_on": datetime.date(2026, 1, 1),
        },
    )
    return version


def make_answer(
    tenant: Organisation,
    *,
    zaak: Zaak | None = None,
    team: Team | None = None,
    process: Process | None = None,
    score: int = 4,
    effort: int | None = 2,
    improvement: str = "Ik moest drie keer bellen voor ik iemand sprak.",
    channel: str = Channel.ONLINE,
    may_call: bool = True,
    call_phone: str = PHONE,
    answered_at: datetime.datetime | None = None,
    call_back: bool | None = None,
) -> Answer:
    """One answer of ``tenant`` with its invitation; a call-back when it qualifies (or when told)."""
    answered_at = answered_at or clock.now()
    if zaak is not None:
        team = team or zaak.team
        process = process or zaak.zaaktype.process
    invitation = Invitation.objects.create(
        tenant=tenant,
        source=Source.ZAAK if zaak else Source.CONTACT,
        zaak=zaak,
        process=process,
        team=team,
        channel=channel,
        created_at=answered_at - datetime.timedelta(days=1),
        expires_at=answered_at + datetime.timedelta(days=29),
        used_at=answered_at,
    )
    answer = Answer.objects.create(
        tenant=tenant,
        invitation=invitation,
        survey=survey(),
        source=invitation.source,
        process=process,
        team=team,
        channel=channel,
        score=score,
        effort=effort,
        improvement=improvement,
        may_call=may_call,
        call_phone=call_phone if may_call else "",
        answered_at=answered_at,
        answered_on=timezone.localdate(answered_at),
        zaak=zaak,
    )
    count_answer_in_tally(answer)  # as every real answer is: the dashboard reads the tallies
    if call_back if call_back is not None else (may_call and score <= 5):
        CallBack.objects.create(tenant=tenant, answer=answer, team=team, created_at=answered_at)
    return answer
