"""plus1.core.prefetch reaches into Django's prefetch cache: these tests fail if Django changes it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plus1.cases.models import Zaak
from plus1.core.prefetch import is_prefetched, mark_empty, mark_no_related_object, prefetched

from .factories import adopt_with_team, handling_zaaktype, new_zaak

pytestmark = pytest.mark.django_db


@pytest.fixture
def zaak(gemeente_a):
    return new_zaak(adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype()), bsn="999993653")


def test_the_rows_prefetch_related_loaded_are_read_without_a_query(zaak):
    loaded = Zaak.objects.prefetch_related("rollen").get(pk=zaak.pk)

    with CaptureQueriesContext(connection) as queries:
        rollen = prefetched(loaded, "rollen")

    assert [rol.bsn for rol in rollen] == ["999993653"]
    assert is_prefetched(loaded, "rollen")
    assert len(queries) == 0


def test_an_instance_without_prefetch_says_so(zaak):
    plain = Zaak.objects.get(pk=zaak.pk)

    assert prefetched(plain, "rollen") is None
    assert not is_prefetched(plain, "rollen")


def test_a_new_object_marked_empty_renders_its_relations_without_queries(zaak):
    plain = Zaak.objects.get(pk=zaak.pk)
    mark_empty(plain, "rollen", "eigenschappen")
    mark_no_related_object(plain, "resultaat")

    with CaptureQueriesContext(connection) as queries:
        assert list(plain.rollen.all()) == []
        assert plain.eigenschappen.count() == 0
        assert getattr(plain, "resultaat", None) is None

    assert len(queries) == 0
    assert prefetched(plain, "rollen") == []
