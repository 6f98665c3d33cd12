"""The kept counts of zaken stay equal to the zaken themselves, whatever changes them."""

from __future__ import annotations

import random
import uuid

import pytest
from django.db import connection
from django.db.models import Count

from plus1.cases import counts
from plus1.cases.models import Zaak, ZaakCount
from plus1.cases.models.counts import BLOCK_BITS
from plus1.cases.services.registration import delete_zaak

from .factories import SYSTEM, adopt_with_team, handling_zaaktype, new_zaak

BLOCK = 1 << BLOCK_BITS


def kept() -> dict[tuple, int]:
    rows = ZaakCount.objects.values_list("tenant_id", "zaaktype_id", "confidentiality", "block", "zaken")
    return {tuple(row[:4]): row[4] for row in rows if row[4]}


def counted() -> dict[tuple, int]:
    found: dict[tuple, int] = {}
    rows = Zaak.objects.values_list("tenant_id", "zaaktype_id", "confidentiality", "id")
    for tenant_id, zaaktype_id, confidentiality, pk in rows:
        key = (tenant_id, zaaktype_id, confidentiality, pk >> BLOCK_BITS)
        found[key] = found.get(key, 0) + 1
    return found


def copies(template: Zaak, ids: list[int], **values) -> list[Zaak]:
    """Zaken like ``template`` with these ids, inserted in one statement (as a bulk load does)."""
    made = []
    for pk in ids:
        zaak = Zaak.objects.get(pk=template.pk)
        zaak.pk, zaak.uuid, zaak.identificatie = pk, uuid.uuid4(), f"ZAAK-C-{pk}"
        for name, value in values.items():
            setattr(zaak, name, value)
        made.append(zaak)
    return Zaak.objects.bulk_create(made)


@pytest.mark.django_db
def test_the_counting_triggers_are_installed():
    # A later migration that rebuilds cases_zaak on SQLite drops its triggers: this says so.
    assert counts.installed_triggers(connection) >= set(counts.TRIGGERS)


@pytest.mark.django_db
def test_the_counts_follow_creates_deletes_and_changes(gemeente_a, gemeente_b):
    adoption = adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype())
    other_type = handling_zaaktype()
    first = new_zaak(adoption)
    second = new_zaak(adoption)
    assert kept() == counted()

    # A bulk insert over several blocks, in two gemeenten.
    base = 50 * BLOCK
    copies(first, [base + 1, base + 2, base + BLOCK + 5, base + 3 * BLOCK])
    copies(first, [base + 7], tenant=gemeente_b)
    copies(first, [base + 8, base + 9], zaaktype=other_type, confidentiality="geheim")
    assert kept() == counted()

    # Vertrouwelijkheid and zaaktype changed by a save and by an update of many rows.
    second.confidentiality = "zeer_geheim"
    second.save()
    Zaak.objects.filter(pk__in=[base + 1, base + BLOCK + 5]).update(zaaktype=other_type)
    Zaak.objects.filter(pk=base + 2).update(confidentiality="openbaar", omschrijving="Anders")
    # A change of something else moves no count.
    Zaak.objects.filter(pk=base + 3 * BLOCK).update(omschrijving="Alleen de omschrijving")
    assert kept() == counted()

    # Deleted one by one through the service, as a deelzaak with its hoofdzaak, and in bulk.
    delete_zaak(zaak=second, actor=SYSTEM)
    deel = Zaak.objects.get(pk=base + 8)
    deel.hoofdzaak_id = base + 9
    deel.save()
    Zaak.objects.filter(pk=base + 9).delete()
    Zaak.objects.filter(pk__in=[base + 1, base + 7]).delete()
    assert not Zaak.objects.filter(pk=base + 8).exists()
    assert kept() == counted()
    assert sum(kept().values()) == Zaak.objects.count()


def brute_force(sizes: list[tuple[int, int]], offset: int, size: int) -> tuple[int, list[int]]:
    """The count and the ids of the page, from every id (blocks newest first)."""
    ids = [(block << BLOCK_BITS) + index for block, zaken in sizes for index in range(zaken)]
    ids.sort(reverse=True)
    return len(ids), ids[offset : offset + size]


@pytest.mark.parametrize("seed", range(40))
def test_the_window_holds_exactly_the_rows_of_the_page(seed):
    rng = random.Random(seed)
    blocks = sorted(rng.sample(range(1, 60), rng.randint(1, 12)), reverse=True)
    sizes = [(block, rng.choice([1, 3, 40, 99, 100, 101, 250])) for block in blocks]
    size = rng.choice([1, 10, 100])
    total = sum(zaken for _, zaken in sizes)
    for offset in sorted({0, rng.randrange(total), total - 1, total, total + 5}):
        count, expected = brute_force(sizes, offset, size)
        found = counts.window(sizes, offset, size)
        assert found.count == count
        if not expected:
            assert found.high is None or found.skip >= 0
            continue
        # The ids of every block, each block filled from its start.
        ids = sorted(
            ((block << BLOCK_BITS) + index for block, zaken in sizes for index in range(zaken)), reverse=True
        )
        in_range = [pk for pk in ids if found.low <= pk < found.high]
        assert in_range[found.skip : found.skip + size] == expected


def test_an_empty_list_has_no_window():
    found = counts.window([], 0, 100)
    assert (found.count, found.high) == (0, None)


@pytest.mark.django_db
def test_counts_answer_only_the_gemeente_and_the_condition(gemeente_a, gemeente_b):
    from django.db.models import Q

    adoption = adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype())
    zaak = new_zaak(adoption)
    copies(zaak, [70 * BLOCK + 1, 71 * BLOCK + 1])
    copies(zaak, [71 * BLOCK + 2], tenant=gemeente_b)
    sums = counts.block_sums(gemeente_a.pk, Q(zaaktype_id__in=[zaak.zaaktype_id]))
    assert sums[:2] == [(71, 1), (70, 1)]
    assert sum(zaken for _, zaken in sums) == Zaak.objects.filter(tenant=gemeente_a).count()
    assert counts.block_sums(gemeente_a.pk, Q(pk__in=[])) == []
    by_level = Zaak.objects.filter(tenant=gemeente_a, confidentiality="geheim").aggregate(n=Count("id"))["n"]
    assert sum(n for _, n in counts.block_sums(gemeente_a.pk, Q(confidentiality__in=["geheim"]))) == by_level
