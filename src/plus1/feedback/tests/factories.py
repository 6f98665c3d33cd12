"""Answers, invitations and monthly sums written straight into the tables, for the figures' tests.

The dashboards and the benchmark only read; these factories give them rows with known values,
so every figure can be checked against a sum done by hand. An answer is also counted in its
MonthlyTally (as every real answer is), not in MonthlyScore: tests set those sums themselves.
Processes come from the collective with a published version (its omschrijving is the name the
pages show).
"""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from plus1.catalog.models import Process
from plus1.catalog.tests.factories import ZaakTypeFactory
from plus1.feedback.constants import Channel, Source
from plus1.feedback.models import Answer, FeedbackSettings, Invitation, MonthlyScore, SurveyVersion
from plus1.feedback.tallies import count_answer_in_tally
from plus1.tenants.models import Organisation
from plus1.tenants.selectors import get_collective


def survey() -> SurveyVersion:
    version, _created = SurveyVersion.objects.get_or_create(
        tenant=get_collective(),
        version=1,
        defaults={
            "intro": "Hoe ging het?",
            "score_label": "Welk rapportcijfer geeft u?",
            "effort_label": "Het was makkelijk.",
            "improvement_label": "Wat kan beter?",
            "published_on": datetime.date(2026, 1, 1),
        },
    )
    return version


def base_process(name: str) -> Process:
    """A base process of the collective whose published version is called ``name``."""
    return ZaakTypeFactory(omschrijving=name, published=True).process


def other_gemeenten(count: int, *, exclude: list[Organisation]) -> list[Organisation]:
    """``count`` gemeenten other than ``exclude``, by CBS code (the 342 gemeenten are loaded)."""
    return list(
        Organisation.objects.gemeenten().exclude(pk__in=[g.pk for g in exclude]).order_by("cbs_code")[:count]
    )


def settings_for(gemeente: Organisation, **values) -> FeedbackSettings:
    settings, _created = FeedbackSettings.objects.update_or_create(tenant=gemeente, defaults=values)
    return settings


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    survey = factory.LazyFunction(survey)
    source = Source.ZAAK
    channel = Channel.ONLINE
    score = 8
    answered_on = factory.LazyFunction(lambda: timezone.localdate())
    answered_at = factory.LazyAttribute(
        lambda o: timezone.make_aware(datetime.datetime.combine(o.answered_on, datetime.time(12)))
    )

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        answer = super()._create(model_class, *args, **kwargs)
        count_answer_in_tally(answer)
        return answer


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    source = Source.ZAAK
    channel = Channel.ONLINE
    created_at = factory.LazyFunction(timezone.now)
    expires_at = factory.LazyAttribute(lambda o: o.created_at + datetime.timedelta(days=30))


class MonthlyScoreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MonthlyScore

    month = factory.LazyFunction(lambda: timezone.localdate().replace(day=1))


def monthly(
    gemeente: Organisation, process: Process, *, answered: int, average: float, **sums
) -> MonthlyScore:
    """Sums of ``answered`` answers averaging ``average`` (score_sum rounded to a whole number)."""
    return MonthlyScoreFactory(
        tenant=gemeente,
        process=process,
        answered=answered,
        score_sum=round(answered * average),
        invited=sums.pop("invited", answered * 2),
        **sums,
    )
