"""Every write of the query log: a question asked, a choice made, the old questions removed."""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.db import transaction

from plus1.catalog.models import Product
from plus1.catalog.routing import RouteAnswer
from plus1.core import clock
from plus1.tenants.models import Organisation

from .anonymise import anonymise_query, name_like_words
from .constants import SHOWN_KEYS, Outcome
from .models import SearchQuery


def outcome_of(answer: RouteAnswer) -> Outcome:
    """What the portal did with the question: no answer, a clarifying question, elsewhere, products."""
    if not answer.has_answer:
        return Outcome.NO_ANSWER
    if answer.clarify:
        return Outcome.CLARIFY
    if answer.is_elsewhere_first:
        return Outcome.ELSEWHERE
    return Outcome.PRODUCTS


def parse_token(value: str | None) -> uuid.UUID | None:
    """The token from a link, or None when it is missing or not a token at all."""
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError):
        return None


@transaction.atomic
def log_search(
    *,
    tenant: Organisation,
    answer: RouteAnswer,
    after_clarify: uuid.UUID | None = None,
    choice_key: str = "",
) -> SearchQuery | None:
    """Log one portal question, anonymised, with what was shown; None for an empty question.

    ``after_clarify`` is the token of the vague question whose clarifying choice
    ``choice_key`` the resident followed: that question is marked as answered by the choice.
    Stored are only the anonymised question (``anonymise.anonymise_query``), the day and the
    ranked keys shown; no person, session or address (AVG art. 5(1)(c)).
    """
    query = anonymise_query(answer.query)
    if not query:
        return None
    names = name_like_words(answer.query)
    if after_clarify is not None and choice_key:
        SearchQuery.objects.for_tenant(tenant).filter(
            token=after_clarify, outcome=Outcome.CLARIFY, clarify_choice=""
        ).update(clarify_choice=choice_key[:60])
    return SearchQuery.objects.create(
        tenant=tenant,
        query=query,
        understood=anonymise_query(answer.normalized_query, names=names),
        outcome=outcome_of(answer),
        shown=answer.ranked_keys()[:SHOWN_KEYS],
        is_from_clarify=after_clarify is not None,
    )


def record_choice(*, tenant: Organisation, token: uuid.UUID | None, product: Product) -> bool:
    """Note that the resident opened ``product`` from the results of question ``token``.

    Only the first choice counts, and only for a question asked in this gemeente's portal:
    a token from another gemeente changes nothing. Returns whether a row was updated.
    """
    if token is None:
        return False
    updated = (
        SearchQuery.objects.for_tenant(tenant)
        .filter(token=token, chosen_product__isnull=True)
        .update(chosen_product=product)
    )
    return updated > 0


def retention_days() -> int:
    return settings.PLUS1_SEARCH_LOG_RETENTION_DAYS


def purge_expired_queries(*, today: datetime.date | None = None) -> int:
    """Delete the questions older than the retention period; returns how many went.

    A question asked on day D is kept for ``PLUS1_SEARCH_LOG_RETENTION_DAYS`` days after D.
    """
    today = today or clock.today()
    oldest_kept = today - datetime.timedelta(days=retention_days())
    deleted, _per_model = SearchQuery.objects.filter(asked_on__lt=oldest_kept).delete()
    return deleted
