"""The demo has a past: the team lead's dashboard shows lead times, late zaken and results."""

import datetime
import re
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY

from plus1.cases.models import Besluit, Status, Zaak
from plus1.core import clock
from plus1.demo.history import PROFILES, has_history
from plus1.demo.loader import load_demo

pytestmark = pytest.mark.django_db

HISTORY = 12


@pytest.fixture
def demo():
    return load_demo(history_zaken=HISTORY)


def _dashboard(client, username: str) -> str:
    user = get_user_model().objects.get(username=username)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = user.totpdevice_set.get(confirmed=True).persistent_id
    session.save()
    response = client.get(reverse("backoffice:dashboard"), HTTP_HOST="localhost")
    assert response.status_code == 200
    return " ".join(re.sub(r"<[^>]+>", " ", response.text).split())


def test_the_dashboard_of_every_demo_gemeente_has_lead_times_late_zaken_and_results(client, demo):
    for gemeente in demo.gemeenten:
        page = _dashboard(client, f"teamleider-{gemeente.slug}")

        late = re.search(r"Te laat (\d+) open zaa?k", page)
        assert late and int(late.group(1)) > 0, page[:400]
        # The lead-time table: process, closed zaken, median, 90% within (days).
        medians = re.findall(r"aanvragen (\d+) (\d+(?:,\d)?) (\d+)", page)
        assert medians and any(float(median.replace(",", ".")) > 0 for _n, median, _p90 in medians)

        closed = Zaak.objects.for_tenant(gemeente).filter(ended_on__isnull=False)
        results = Counter(closed.values_list("resultaat__resultaattype__generic__omschrijving", flat=True))
        assert results["Verleend"] + results["Toegekend"] + results["Afgehandeld"] > 0
        assert Besluit.objects.for_tenant(gemeente).exists()


def test_the_history_spans_the_past_year_with_realistic_lead_times(demo):
    today = clock.today()
    zaken = Zaak.objects.filter(tenant__in=demo.gemeenten, registered_on__lt=today)

    assert zaken.count() >= len(demo.gemeenten) * HISTORY
    assert min(zaken.values_list("registered_on", flat=True)) >= today - datetime.timedelta(days=366)
    for zaak in zaken.filter(ended_on__isnull=False).select_related("zaaktype__process"):
        profile = PROFILES[zaak.zaaktype.process.identificatie]
        days = (zaak.ended_on - zaak.registered_on).days
        # Within the process's usual range, or (one in eight) weeks past its legal term.
        assert profile.min_days <= days <= profile.max_days or days >= profile.min_days + 8 * 7
        first = Status.objects.filter(zaak=zaak).order_by("set_at").first()
        assert first.set_at.date() == zaak.registered_on
    # Open and late: registered long ago, past the legal end date, not ended.
    assert zaken.filter(ended_on__isnull=True, planned_end_on__lt=today).exists()


def test_loading_the_demo_again_adds_no_second_history(demo):
    before = Zaak.objects.count()

    load_demo(history_zaken=HISTORY)

    assert Zaak.objects.count() == before
    assert all(has_history(gemeente) for gemeente in demo.gemeenten)


def test_the_demo_without_history_has_only_todays_zaken_and_a_later_run_adds_the_history():
    summary = load_demo(history_zaken=0)
    assert not any(has_history(gemeente) for gemeente in summary.gemeenten)

    load_demo(history_zaken=2)

    assert all(has_history(gemeente) for gemeente in summary.gemeenten)
