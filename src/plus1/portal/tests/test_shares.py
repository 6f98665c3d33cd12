"""In Mijn zaken the resident sees with which chain partner the gemeente shares the zaak, why,
what and until when; and that a share was stopped."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from plus1.audit.services import Actor
from plus1.cases.services import revoke_share
from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype, new_zaak
from plus1.cases.tests.sharing import ggd, schuldhulp, shared

from .test_mijn_zaken import SUZANNE, _digid_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def zaak(gemeente_a):
    return new_zaak(adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype()), bsn=SUZANNE)


def _page(client, gemeente, zaak):
    _digid_login(client, gemeente, SUZANNE)
    return client.get(reverse("portal:my-zaak-detail", args=[gemeente.slug, zaak.identificatie]))


def test_the_resident_sees_who_the_zaak_is_shared_with_why_what_and_until_when(client, gemeente_a, zaak):
    share = shared(zaak, ggd(), parts=["shares_status", "shares_documents"])

    page = _page(client, gemeente_a, zaak).text

    assert "Gedeeld met" in page and "GGD regio Utrecht" in page
    assert share.purpose in page
    assert "documenten, status en verloop" in page
    assert f"Tot en met {share.valid_until.day} " in page


def test_the_resident_sees_that_a_share_was_stopped_or_has_ended(client, gemeente_a, zaak):
    revoked = shared(zaak, ggd())
    revoke_share(share=revoked, actor=Actor.system("test"))
    ended = shared(zaak, schuldhulp(), days=3)

    later = datetime.datetime.combine(ended.valid_until + datetime.timedelta(days=2), datetime.time(9))
    with time_machine.travel(later.replace(tzinfo=datetime.UTC), tick=False):
        page = _page(client, gemeente_a, zaak).text

    assert "de gemeente heeft het delen op" in page
    assert "Niet meer: het delen liep tot en met" in page


def test_a_zaak_that_is_not_shared_has_no_shared_section(client, gemeente_a, zaak):
    assert "Gedeeld met" not in _page(client, gemeente_a, zaak).text


def test_the_shared_section_reads_in_english_too(client, gemeente_a, zaak):
    shared(zaak, ggd(), parts=["shares_status"])
    _digid_login(client, gemeente_a, SUZANNE)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})

    page = client.get(reverse("portal:my-zaak-detail", args=[gemeente_a.slug, zaak.identificatie])).text

    assert "Shared with" in page and "status and progress" in page and "Up to and including" in page
