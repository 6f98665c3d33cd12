"""The public score on a product page: only when switched on and from ten answers."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from plus1.catalog.services import adopt_process
from plus1.feedback.public import public_score

from .factories import base_process, monthly, settings_for


@pytest.fixture
def paspoort(db):
    return base_process("Paspoort aanvragen")


def test_the_score_shows_when_switched_on_and_ten_residents_answered(gemeente_a, paspoort):
    settings_for(gemeente_a, shows_public_score=True)
    with time_machine.travel(datetime.datetime(2026, 6, 17, 12, 0), tick=False):
        monthly(gemeente_a, paspoort, answered=6, average=8, month=datetime.date(2026, 6, 1))
        monthly(gemeente_a, paspoort, answered=4, average=7, month=datetime.date(2025, 7, 1))
        # Thirteen months ago: outside the twelve months shown.
        monthly(gemeente_a, paspoort, answered=40, average=2, month=datetime.date(2025, 6, 1))

        score = public_score(tenant=gemeente_a, process=paspoort)

    # (6 x 8 + 4 x 7) / 10
    assert score["average"] == 7.6
    assert score["answers"] == 10
    assert (score["since"], score["until"]) == (datetime.date(2025, 7, 1), datetime.date(2026, 6, 17))


def test_no_score_when_the_gemeente_did_not_switch_it_on(gemeente_a, paspoort):
    monthly(gemeente_a, paspoort, answered=50, average=8)
    assert public_score(tenant=gemeente_a, process=paspoort) is None
    settings_for(gemeente_a, shows_public_score=False, is_named_in_benchmark=True)
    assert public_score(tenant=gemeente_a, process=paspoort) is None


def test_no_score_below_ten_answers(gemeente_a, paspoort):
    settings_for(gemeente_a, shows_public_score=True)
    monthly(gemeente_a, paspoort, answered=9, average=8)
    assert public_score(tenant=gemeente_a, process=paspoort) is None


def test_another_gemeentes_answers_do_not_make_a_score(gemeente_a, gemeente_b, paspoort):
    settings_for(gemeente_a, shows_public_score=True)
    monthly(gemeente_b, paspoort, answered=50, average=8)
    assert public_score(tenant=gemeente_a, process=paspoort) is None


def test_the_product_page_shows_zo_waarderen_inwoners_ons(client, gemeente_a, gemeente_b, paspoort, actor):
    for gemeente in (gemeente_a, gemeente_b):
        adopt_process(gemeente=gemeente, zaaktype=paspoort.versions.get(), actor=actor)
        monthly(gemeente, paspoort, answered=12, average=8)
    settings_for(gemeente_a, shows_public_score=True)
    slug = paspoort.versions.get().product.slug

    page = client.get(reverse("portal:product-detail", args=[gemeente_a.slug, slug])).text
    assert "Zo waarderen inwoners ons" in page
    assert "Inwoners gaven gemiddeld een 8,0 (12 antwoorden" in page
    # Gemeente B did not switch it on.
    page = client.get(reverse("portal:product-detail", args=[gemeente_b.slug, slug])).text
    assert "Zo waarderen inwoners ons" not in page
