import base64

import pytest
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from plus1.accounts.models import Membership, Team
from plus1.accounts.selectors import current_totp_code
from plus1.cases.models import Zaak, ZaakShare
from plus1.cases.selectors import zaken_shared_with_partner
from plus1.catalog.models import Adoption, ZaakType
from plus1.catalog.selectors import adoptions_with_pending_upgrade
from plus1.demo.loader import load_demo
from plus1.tenants.models import Organisation

pytestmark = pytest.mark.django_db

# A few past zaken per gemeente keep these tests quick; test_history checks the history itself.
SMALL_HISTORY = 3


def _counts():
    return [
        m.objects.count()
        for m in (ZaakType, Adoption, Zaak, Membership, Team, TOTPDevice, ZaakShare, Organisation)
    ]


def test_the_demo_is_ready_to_click_and_loading_it_twice_changes_nothing():
    summary = load_demo(history_zaken=SMALL_HISTORY)
    first = _counts()

    load_demo(history_zaken=SMALL_HISTORY)

    assert _counts() == first
    assert summary.processes >= 25
    assert len(summary.gemeenten) == 3
    assert summary.zaken > 0
    assert ("catalogus", "catalogusbeheerder van Plus1 Collectief") in summary.logins
    utrecht, groningen, _zwolle = summary.gemeenten
    assert not adoptions_with_pending_upgrade(utrecht).exists(), "Utrecht accepted parkeervergunning v2"
    assert [a.process.identificatie for a in adoptions_with_pending_upgrade(groningen)] == [
        "parkeervergunning"
    ]


def test_every_demo_gemeente_has_a_team_that_owns_its_processes_with_a_behandelaar_and_a_teamleider():
    summary = load_demo(history_zaken=SMALL_HISTORY)

    for gemeente in summary.gemeenten:
        team = Team.objects.for_tenant(gemeente).get()
        members = {u.username for u in team.members.all()}
        assert {f"behandelaar-{gemeente.slug}", f"teamleider-{gemeente.slug}"} <= members
        # The rest are the colleagues of the medewerkers demo (a team view needs five pulse answers).
        assert {name for name in members if not name.startswith(("behandelaar-", "teamleider-"))} == {
            f"medewerker{n}-{gemeente.slug}" for n in range(1, 6)
        }
        assert not Adoption.objects.for_tenant(gemeente).filter(team__isnull=True).exists()
        zaken = Zaak.objects.for_tenant(gemeente)
        assert zaken.filter(team=team).count() == zaken.count()
        assert zaken.filter(assignee__username=f"behandelaar-{gemeente.slug}").exists()
        assert zaken.filter(ended_on__isnull=False).exists()


def test_demo_employees_log_in_with_the_printed_totp_secret(capsys):
    from plus1.demo.loader import DEMO_TOTP_SECRET

    load_demo(history_zaken=SMALL_HISTORY)
    device = TOTPDevice.objects.get(user__username="teamleider-utrecht")
    assert base64.b32encode(device.bin_key).decode() == DEMO_TOTP_SECRET

    call_command("totp", "teamleider-utrecht")

    assert capsys.readouterr().out.strip() == current_totp_code(device.user)


def test_the_demo_has_two_chain_partners_and_utrecht_shares_a_zaak_with_the_ggd():
    summary = load_demo(history_zaken=SMALL_HISTORY)

    partners = Organisation.objects.partners()
    assert sorted(p.name for p in partners) == ["GGD regio Utrecht", "Schuldhulp Utrecht"]
    ggd = partners.get(slug="ggd-regio-utrecht")
    shares = list(zaken_shared_with_partner(partner=ggd))
    assert len(shares) == 1 and shares[0].tenant == summary.gemeenten[0]
    assert not zaken_shared_with_partner(partner=partners.get(slug="schuldhulp-utrecht")).exists()
    assert Membership.objects.filter(user__username="ggd-utrecht", tenant=ggd).exists()
    assert any(username == "ggd-utrecht" for username, _what in summary.employees)


def test_the_demo_has_a_privacy_officer_for_utrecht_with_a_finding_to_look_into():
    from plus1.accounts.constants import Role
    from plus1.cases.access_review import unusual_access
    from plus1.core import clock

    summary = load_demo(history_zaken=SMALL_HISTORY)
    utrecht = summary.gemeenten[0]

    roles = Membership.objects.filter(user__username="privacy-utrecht").values_list("tenant", "role")
    assert list(roles) == [(utrecht.pk, Role.PRIVACY_OFFICER)]
    assert TOTPDevice.objects.filter(user__username="privacy-utrecht", confirmed=True).exists()
    assert any(username == "privacy-utrecht" for username, _what in summary.employees)
    report = unusual_access(tenant=utrecht, since=clock.today(), until=clock.today())
    assert [f.actor_label for f in report.other_team] == ["beheer-utrecht"]


def test_the_demo_api_application_of_utrecht_signs_in_with_the_printed_secret(capsys):
    from plus1.apiclients.access import access_for_client_id
    from plus1.demo.loader import DEMO_API_CLIENT_ID, DEMO_API_SECRET

    call_command("demo", history_zaken=SMALL_HISTORY)
    load_demo(history_zaken=SMALL_HISTORY)  # a second run makes no second application
    printed = capsys.readouterr().out
    assert DEMO_API_CLIENT_ID in printed and DEMO_API_SECRET in printed
    access, secret = access_for_client_id(DEMO_API_CLIENT_ID)
    assert secret == DEMO_API_SECRET
    assert access.tenant.cbs_code == "GM0344"
    assert access.has_all


def test_every_printed_admin_log_in_reaches_the_admin_with_password_and_code(client):
    from django.contrib.auth import get_user_model

    from plus1.demo.loader import DEMO_PASSWORD

    summary = load_demo(history_zaken=SMALL_HISTORY)

    for username, _what in summary.logins:
        client.logout()
        credentials = {"username": username, "password": DEMO_PASSWORD, "next": "/admin/"}
        step_one = client.post("/backoffice/inloggen/", credentials)
        assert step_one.url.startswith("/backoffice/inloggen/code/"), f"{username} has no authenticator app"
        code = current_totp_code(get_user_model().objects.get(username=username))
        step_two = client.post(step_one.url, {"code": code})
        assert step_two.url == "/admin/"
        assert client.get("/admin/").status_code == 200, username
