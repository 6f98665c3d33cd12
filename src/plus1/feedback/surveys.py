"""The collective's standard survey: which version residents answer and what a gemeente adds."""

from __future__ import annotations

from .models import OwnQuestion, SurveyVersion


def current_survey() -> SurveyVersion:
    """Return the collective's latest published survey version."""
    raise NotImplementedError


def own_questions(tenant) -> list[OwnQuestion]:
    """Return the gemeente's active own questions (at most three), in their order."""
    raise NotImplementedError
