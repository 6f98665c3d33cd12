"""A year of klantwaardering in ``plus1 demo``: answers from every gemeente, so the benchmark is real.

The three demo gemeenten run the whole library; the other 339 gemeenten of the country run the
processes (almost) every gemeente runs and a seeded share of the rest, adopted through the
catalog service as a gemeente would. Then ``feedback.bulk`` writes the answers of a year over
all of them in a few set-based statements, and the MonthlyScore sums are rebuilt.

On top of that, what a demo user clicks through, made through the feedback services: Utrecht's
team has a few open call-backs, and the demo resident Suzanne Moulin (BSN 999993653) has a
closed Utrecht zaak with an open invitation in Mijn zaken.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass

from django.contrib.auth import get_user_model

from plus1.accounts.selectors import employee_actor
from plus1.audit.services import Actor
from plus1.cases.models import Rol, Zaak
from plus1.cases.services import Initiator, close_zaak, create_zaak
from plus1.catalog import selectors as catalog_selectors
from plus1.catalog import services as catalog_services
from plus1.catalog.models import Adoption
from plus1.feedback import services as feedback_services
from plus1.feedback.bulk import PROFILES, load_answers
from plus1.feedback.constants import CALL_BACK_AT_OR_BELOW, Channel, Source
from plus1.feedback.models import Answer, CallBack
from plus1.feedback.surveys import current_survey
from plus1.tenants.models import Organisation

from .history import ZAKEN_PER_GEMEENTE, example_answers

# Answers in a full ``plus1 demo``: a year over all 342 gemeenten. A smaller demo (tests load
# a few past zaken per gemeente) gets fewer in proportion, and below NATIONWIDE_FROM they stay
# with the three demo gemeenten, so no 339 gemeenten adopt processes for a quick test.
DEMO_ANSWERS = 100_000
NATIONWIDE_FROM = 20_000
# The three demo gemeenten alone get about what they get in the full demo.
DEMO_GEMEENTEN_ANSWERS = 600
# A process with at least this relative volume is run by nine in ten gemeenten; the others by
# a third of them (a village has no terrasvergunning or standplaatsvergunning).
COMMON_VOLUME = 2
COMMON_SHARE = 0.9
OTHER_SHARE = 0.35
DEMO_RESIDENT = ("999993653", "Suzanne Moulin")
OPEN_CALL_BACKS = 3
# What the three unhappy demo residents wrote (scores 4, 5, 3); they may be called.
UNHAPPY = [
    (4, "Ik heb drie keer gebeld voordat iemand mij kon helpen.", Channel.TELEFOON),
    (5, "De brief was moeilijk te begrijpen, ik wist niet wat ik moest doen.", Channel.ONLINE),
    (3, "Het duurde veel langer dan op de website stond.", Channel.BALIE),
]


@dataclass
class FeedbackSummary:
    gemeenten: int = 0
    answers: int = 0
    invitations: int = 0
    seconds: float = 0.0


def load_feedback(
    *, demo_gemeenten: list[Organisation], history_zaken: int = ZAKEN_PER_GEMEENTE, answers: int | None = None
) -> FeedbackSummary:
    """Give every gemeente a year of answers (once), and the demo gemeenten work to click.

    ``answers`` defaults to DEMO_ANSWERS scaled like the demo's history (``history_zaken``).
    """
    started = time.perf_counter()
    if answers is None:
        answers = DEMO_ANSWERS * history_zaken // ZAKEN_PER_GEMEENTE
    gemeenten = list(demo_gemeenten)
    if answers < NATIONWIDE_FROM:
        answers = min(answers, DEMO_GEMEENTEN_ANSWERS)
    else:
        gemeenten = list(Organisation.objects.gemeenten().order_by("cbs_code"))
        adopt_common_processes(gemeenten, Actor.system("plus1 demo"))
    loaded = load_answers(gemeenten=gemeenten, survey=current_survey(), answers=answers)
    utrecht = demo_gemeenten[0]
    _open_call_backs(utrecht)
    _invitation_for_demo_resident(utrecht)
    return FeedbackSummary(
        gemeenten=len(loaded.per_gemeente),
        answers=loaded.answers,
        invitations=loaded.invitations,
        seconds=time.perf_counter() - started,
    )


def adopt_common_processes(gemeenten: list[Organisation], actor: Actor) -> None:
    """Let each gemeente that runs nothing yet adopt a realistic set of base processes."""
    running = set(Adoption.objects.values_list("tenant_id", flat=True).distinct())
    zaaktypen = [
        z
        for z in catalog_selectors.published_zaaktypen()
        .filter(valid_until__isnull=True)
        .select_related("process")
        .order_by("process__identificatie")
        if PROFILES.get(z.process.identificatie) is None or PROFILES[z.process.identificatie].volume > 0
    ]
    for gemeente in gemeenten:
        if gemeente.pk in running:
            continue
        rng = random.Random(f"adopt-{gemeente.cbs_code}")
        for zaaktype in zaaktypen:
            profile = PROFILES.get(zaaktype.process.identificatie)
            common = profile is not None and profile.volume >= COMMON_VOLUME
            if rng.random() < (COMMON_SHARE if common else OTHER_SHARE):
                catalog_services.adopt_process(
                    gemeente=gemeente,
                    zaaktype=zaaktype,
                    actor=actor,
                    offers_online=zaaktype.allows_online,
                    offers_counter=True,
                )


def _open_call_backs(utrecht: Organisation) -> None:
    """A few unhappy residents after a contact at Utrecht's counter, who may be called back."""
    team_ids = set(Adoption.objects.for_tenant(utrecht).values_list("team_id", flat=True))
    open_ones = CallBack.objects.for_tenant(utrecht).filter(handled_at__isnull=True, team_id__in=team_ids)
    if open_ones.count() >= OPEN_CALL_BACKS:
        return
    adoption = (
        Adoption.objects.for_tenant(utrecht)
        .filter(process__identificatie="parkeervergunning")
        .select_related("team", "process")
        .first()
    )
    if adoption is None:
        return
    teamleider = get_user_model().objects.filter(username=f"teamleider-{utrecht.slug}").first()
    for score, remark, channel in UNHAPPY[: OPEN_CALL_BACKS - open_ones.count()]:
        invitation = feedback_services.create_contact_invitation(
            tenant=utrecht,
            channel=channel,
            process=adoption.process,
            team=adoption.team,
            created_by=teamleider,
        )
        feedback_services.submit_answer(
            invitation=invitation,
            score=min(score, CALL_BACK_AT_OR_BELOW),
            effort=2,
            improvement=remark,
            own_answers={},
            may_call=True,
            call_phone="0612345678",
        )


def _invitation_for_demo_resident(utrecht: Organisation) -> None:
    """Suzanne Moulin's closed parkeervergunning in Utrecht, with its invitation waiting."""
    bsn, name = DEMO_RESIDENT
    closed = Zaak.objects.for_tenant(utrecht).filter(
        ended_on__isnull=False,
        pk__in=Rol.objects.filter(bsn=bsn).values("zaak_id"),
    )
    zaak = closed.order_by("-ended_on", "-pk").first()
    if zaak is None:
        adoption = (
            catalog_selectors.adoptions_for_gemeente(utrecht)
            .filter(process__identificatie="parkeervergunning")
            .first()
        )
        if adoption is None:
            return
        behandelaar = get_user_model().objects.get(username=f"behandelaar-{utrecht.slug}")
        actor = employee_actor(behandelaar, tenant=utrecht)
        zaak = create_zaak(
            tenant=utrecht,
            adoption=adoption,
            initiator=Initiator(name=name, bsn=bsn),
            data=example_answers(adoption.zaaktype),
            actor=actor,
        )
        zaak = close_zaak(
            zaak=zaak,
            resultaattype=zaak.zaaktype.resultaattypen.order_by("pk").first(),
            actor=actor,
            expected_version=None,
        )
    if not Answer.objects.for_tenant(utrecht).filter(zaak=zaak, source=Source.ZAAK).exists():
        feedback_services.invite_after_closing(zaak=zaak)
