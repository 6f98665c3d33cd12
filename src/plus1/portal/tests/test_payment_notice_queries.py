"""The provider's first "paid" notice stays cheap: a fixed, small number of queries.

The notice registers the zaak in the same transaction as "paid" (exactly once); the PDF copy and
the confirmation go to the worker after the commit. Repeated lookups of the same rows would
make every paid request slower under load, so the count is pinned here.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plus1.cases.models import Zaak
from plus1.payments.models import Payment

from .test_payment_pages import _feedback, _start, parkeervergunning, resident, worldline  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("parkeervergunning", "worldline", "resident")
def test_a_first_paid_notice_takes_a_fixed_number_of_queries(client, gemeente_a):
    _page, payment = _start(client, gemeente_a)
    notice = reverse("portal:payment-notice", args=[gemeente_a.slug])
    client.logout()

    with CaptureQueriesContext(connection) as queries:
        response = client.post(notice, _feedback(payment))

    assert response.status_code == 200 and response.text == "OK"
    assert Zaak.objects.count() == 1
    assert Payment.objects.get().zaak_id == Zaak.objects.get().pk
    # 43 before issue 21's perf pass: the gemeente read three times, the draft twice, and the
    # draft's (absent) uploads moved and re-read. 4 of the 38 are once a year / once per gemeente
    # (the first case number of the year, the first change stamp).
    assert len(queries) == 38, "\n".join(q["sql"][:200] for q in queries.captured_queries)
