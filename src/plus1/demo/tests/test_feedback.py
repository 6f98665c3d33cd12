"""The demo's klantwaardering: answers to look at, call-backs to handle, an invitation to answer."""

import pytest

from plus1.accounts.constants import Role
from plus1.accounts.models import Membership
from plus1.catalog.models import Adoption
from plus1.demo.loader import load_demo
from plus1.feedback.models import Answer, CallBack, Invitation, MonthlyScore

pytestmark = pytest.mark.django_db

SMALL_HISTORY = 3


def test_the_demo_has_answers_call_backs_a_quality_officer_and_an_open_invitation_for_suzanne():
    summary = load_demo(history_zaken=SMALL_HISTORY)
    utrecht = summary.gemeenten[0]

    for gemeente in summary.gemeenten:
        assert Answer.objects.for_tenant(gemeente).count() >= 10
        assert MonthlyScore.objects.for_tenant(gemeente).exists()
    team_ids = set(Adoption.objects.for_tenant(utrecht).values_list("team_id", flat=True))
    open_call_backs = CallBack.objects.for_tenant(utrecht).filter(
        handled_at__isnull=True, team_id__in=team_ids
    )
    assert open_call_backs.count() >= 3
    roles = Membership.objects.filter(user__username="kwaliteit-utrecht").values_list("tenant", "role")
    assert list(roles) == [(utrecht.pk, Role.KWALITEITSMEDEWERKER)]
    assert any(username == "kwaliteit-utrecht" for username, _what in summary.employees)
    invitation = Invitation.objects.for_tenant(utrecht).get(zaak__rollen__bsn="999993653")
    assert invitation.used_at is None and invitation.zaak.ended_on is not None

    counts = (Answer.objects.count(), CallBack.objects.count(), Invitation.objects.count())
    load_demo(history_zaken=SMALL_HISTORY)
    assert (Answer.objects.count(), CallBack.objects.count(), Invitation.objects.count()) == counts
