"""The collective's standard survey: which version residents answer and what a gemeente adds.

Version 1 is created by a data migration (0002), so it exists in every database from the
start: the admin and the API can show it before anybody answers. ``current_survey`` creates it
as well when it is missing (a test database that was flushed, a demo built from scratch), so an
answer never fails for want of a survey.
"""

from __future__ import annotations

import datetime

from plus1.tenants.models import Organisation
from plus1.tenants.selectors import get_collective

from .constants import MAX_OWN_QUESTIONS
from .models import OwnQuestion, SurveyVersion

# The wording of version 1 (Dutch, B1). Migration 0002 holds a copy: a migration must not
# change when this module does.
STANDARD_SURVEY_V1 = {
    "version": 1,
    "intro": (
        "Wij willen graag weten hoe het ging. Wilt u een paar korte vragen beantwoorden? "
        "Het kost ongeveer 1 minuut. Uw naam staat niet bij uw antwoorden."
    ),
    "score_label": "Welk rapportcijfer geeft u onze dienstverlening?",
    "effort_label": "Het was makkelijk om dit bij de gemeente te regelen.",
    "improvement_label": "Wat kan beter?",
    "published_on": datetime.date(2026, 1, 1),
}


def current_survey() -> SurveyVersion:
    """Return the collective's latest published survey version (version 1 when none exists).

    Answers point to the version they answered, so a new wording later keeps old answers
    comparable with their own questions.
    """
    collective = get_collective()
    survey = (
        SurveyVersion.objects.filter(tenant=collective, published_on__isnull=False)
        .order_by("-version")
        .first()
    )
    if survey is not None:
        return survey
    values = dict(STANDARD_SURVEY_V1)
    survey, _created = SurveyVersion.objects.get_or_create(
        tenant=collective, version=values.pop("version"), defaults=values
    )
    return survey


def own_questions(tenant: Organisation) -> list[OwnQuestion]:
    """Return the gemeente's active own questions in their order, at most three."""
    return list(
        OwnQuestion.objects.filter(tenant=tenant, is_active=True).order_by("order")[:MAX_OWN_QUESTIONS]
    )
