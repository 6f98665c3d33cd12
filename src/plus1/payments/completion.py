"""After a paid request is sent: its PDF copy and the confirmation e-mail, by the worker.

The provider's notice (and the resident's return) only records the payment and registers the
zaak; the copy takes a tenth of a second and the mail may wait on the mail server, so both
are a task (``complete_paid_submission``), enqueued once the zaak is committed.
"""

from __future__ import annotations

from dataclasses import asdict

from django.db import transaction
from django_tasks import task

from plus1.audit.services import Actor
from plus1.cases.models import Zaak
from plus1.cases.services.intake import complete_submission


@task()
def complete_paid_submission(zaak_id: int, actor: dict, confirm_to: str = "") -> bool:
    """Store the PDF copy and send the confirmation of a paid request; False if the zaak is gone."""
    zaak = Zaak.objects.filter(pk=zaak_id).first()
    if zaak is None:
        return False
    complete_submission(zaak=zaak, actor=Actor(**actor), confirm_to=confirm_to)
    return True


def complete_on_commit(*, zaak: Zaak, actor: Actor, confirm_to: str) -> None:
    """Enqueue ``complete_paid_submission`` once the current transaction has committed."""
    transaction.on_commit(
        lambda: complete_paid_submission.enqueue(zaak_id=zaak.pk, actor=asdict(actor), confirm_to=confirm_to)
    )
