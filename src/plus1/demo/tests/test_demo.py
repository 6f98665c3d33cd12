import pytest

from plus1.accounts.models import Membership
from plus1.cases.models import Zaak
from plus1.catalog.models import Adoption, ZaakType
from plus1.catalog.selectors import adoptions_with_pending_upgrade
from plus1.demo.loader import load_demo

pytestmark = pytest.mark.django_db


def _counts():
    return [m.objects.count() for m in (ZaakType, Adoption, Zaak, Membership)]


def test_the_demo_is_ready_to_click_and_loading_it_twice_changes_nothing():
    summary = load_demo()
    first = _counts()

    load_demo()

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
