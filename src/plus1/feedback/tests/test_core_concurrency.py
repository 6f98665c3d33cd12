"""Two answers to one invitation at the same moment: one is stored, the other hears "al beantwoord".

Real concurrency needs two connections and row locks: PostgreSQL only (SQLite serialises writers
for the whole database, and its test database lives in memory).
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from plus1.feedback import services
from plus1.feedback.exceptions import InvitationError
from plus1.feedback.models import Answer, MonthlyScore

from .core_factories import invitation_for

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


def test_two_submits_at_once_store_one_answer(gemeente_a):
    invitation = invitation_for(gemeente_a)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def submit(score: int) -> None:
        try:
            barrier.wait(timeout=10)
            services.submit_answer(
                invitation=invitation,
                score=score,
                effort=None,
                improvement="",
                own_answers={},
                may_call=False,
                call_phone="",
            )
            outcomes.append("stored")
        except InvitationError as exc:
            outcomes.append(exc.reason)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(score,)) for score in (3, 9)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == ["stored", "used"]
    assert Answer.objects.count() == 1
    assert MonthlyScore.objects.get(process=invitation.process).answered == 1


def test_answers_to_different_invitations_at_once_all_count(gemeente_a):
    from .core_factories import adoption_for, closed_zaak

    adoption = adoption_for(gemeente_a)
    invitations = [services.invite_after_closing(zaak=closed_zaak(adoption=adoption)) for _ in range(6)]
    barrier = threading.Barrier(len(invitations))
    errors: list[Exception] = []

    def submit(invitation) -> None:
        try:
            barrier.wait(timeout=10)
            services.submit_answer(
                invitation=invitation,
                score=7,
                effort=2,
                improvement="",
                own_answers={},
                may_call=False,
                call_phone="",
            )
        except Exception as exc:  # the test reports whatever went wrong
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(invitation,)) for invitation in invitations]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    row = MonthlyScore.objects.get(process=adoption.process)
    assert (row.answered, row.score_sum, row.effort_sum) == (6, 42, 12)
