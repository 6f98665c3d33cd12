"""MonthlyScore: sums per gemeente, base process and month, kept up to date as work happens."""

from __future__ import annotations

from .models import Answer, Invitation


def count_invitation(invitation: Invitation) -> None:
    """Add one to ``invited`` of the invitation's gemeente, process and month."""
    raise NotImplementedError


def count_answer(answer: Answer) -> None:
    """Add the answer to the sums of its gemeente, process and month."""
    raise NotImplementedError


def rebuild_monthly_scores(tenant=None) -> int:
    """Recompute every MonthlyScore (of one gemeente, or all) from invitations and answers."""
    raise NotImplementedError
