"""Medewerkers in the demo: the framework adopted, a role profile from a rolduiding, assessments,
plans, trainings and a year of pulse results, with an HR login per demo gemeente (``hr-utrecht``).

Everything that a person does goes through the services (rolduiding, assessments, plans,
enrolment, evaluation), so audit rows and processing-log records are what a gemeente would have.
Only the past pulses are written directly: a pulse can be answered only while it is open, and
the demo shows a year of them. The current month's pulse is open and unanswered, so the demo
users can answer it. ``teamleider-<gemeente>`` is also given the leidinggevende role, and the
demo team gets five colleagues so that pulse results (5 answers or more) show.

Random choices come from a ``random.Random`` seeded with the gemeente's CBS code.
"""

from __future__ import annotations

import datetime
import random
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model

from plus1.accounts.constants import Role
from plus1.accounts.models import Team
from plus1.accounts.services import add_team_member, create_employee, grant_role, register_totp_device
from plus1.audit.services import Actor
from plus1.core import clock
from plus1.development import selectors
from plus1.development.constants import PULSE_QUESTIONS
from plus1.development.models import (
    CompetenceFramework,
    FrameworkAdoption,
    Pulse,
    PulseReceipt,
    PulseResponse,
    Training,
)
from plus1.development.services import assessments, framework, learning, plans, pulse, rolduiding
from plus1.tenants.models import Organisation

if TYPE_CHECKING:
    from .loader import DemoSummary

COLLEAGUES = [
    ("Fatima", "Bakker"),
    ("Jeroen", "de Vries"),
    ("Lotte", "Jansen"),
    ("Mehmet", "Yilmaz"),
    ("Sanne", "Visser"),
]
HR_NAMES = {"first_name": "Hanna", "last_name": "HR"}
PULSE_MONTHS = 12
ROLE = "Medewerker dienstverlening"
# The collective's shared offer: (title, competence code, level, form, hours, provider).
COLLECTIVE_OFFER = [
    ("Inwoner centraal: het goede gesprek", "klantgerichtheid", 2, "classroom", 8, "Academie Plus1"),
    ("Schrijven in begrijpelijke taal (B1)", "klantgerichtheid", 3, "online", 6, "Academie Plus1"),
    ("Samenwerken over grenzen van teams", "integraal-samenwerken", 2, "blended", 12, "Academie Plus1"),
    ("Werken met data over je zaken", "digitale-vaardigheid", 2, "online", 4, "Academie Plus1"),
    ("Veilig werken: omgaan met agressie", "omgaan-met-agressie", 2, "classroom", 8, "Veilig Publiek"),
    ("Wendbaar werken in de praktijk", "wendbaar-werken", 2, "on_the_job", 16, "Academie Plus1"),
]


def load_development(summary: DemoSummary) -> int:
    """The medewerkers demo for each demo gemeente (once); returns the number of gemeenten loaded."""
    trainings = _collective_offer()
    loaded = 0
    for gemeente in summary.gemeenten:
        hr = _hr(gemeente, summary)
        if FrameworkAdoption.objects.for_tenant(gemeente).exists():
            continue
        _gemeente(gemeente, hr, trainings)
        loaded += 1
    return loaded


def _employee(username: str, gemeente: Organisation, role: Role, **names: str):
    from .loader import DEMO_PASSWORD, DEMO_TOTP_KEY

    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        user = create_employee(
            username=username, password=DEMO_PASSWORD, email=f"{username}@plus1.example", **names
        )
    grant_role(tenant=gemeente, user=user, role=role, actor=Actor.system("plus1 demo"))
    register_totp_device(user=user, key=DEMO_TOTP_KEY.hex())
    return user


def _hr(gemeente: Organisation, summary: DemoSummary):
    user = _employee(f"hr-{gemeente.slug}", gemeente, Role.HR, **HR_NAMES)
    summary.employees.append(
        (
            user.get_username(),
            f"HR-adviseur van {gemeente} (Ontwikkeling: rolduiding, leeraanbod, alle teams)",
        )
    )
    return user


def _collective_offer() -> list[Training]:
    today = clock.today()
    offer = []
    for number, (title, code, level, form, hours, provider) in enumerate(COLLECTIVE_OFFER):
        training = Training.objects.filter(tenant__isnull=True, title=title).first()
        if training is None:
            training = Training.objects.create(
                title=title,
                competence=CompetenceFramework.objects.get(version=1).competences.get(code=code),
                level=level,
                form=form,
                duration_hours=hours,
                provider=provider,
                places=40,
                starts_on=today + datetime.timedelta(days=21 + 14 * number),
                description="Aanbod van het collectief, open voor medewerkers van alle gemeenten.",
            )
        offer.append(training)
    return offer


def _gemeente(gemeente: Organisation, hr, trainings: list[Training]) -> None:
    from .loader import DEMO_TEAM

    rng = random.Random(gemeente.cbs_code)
    today = clock.today()
    framework.adopt_framework(tenant=gemeente, framework=CompetenceFramework.objects.get(version=1), user=hr)
    team = Team.objects.for_tenant(gemeente).get(name=DEMO_TEAM)
    teamleider = get_user_model().objects.get(username=f"teamleider-{gemeente.slug}")
    grant_role(tenant=gemeente, user=teamleider, role=Role.LEIDINGGEVENDE, actor=Actor.system("plus1 demo"))
    for number, (first, last) in enumerate(COLLEAGUES, start=1):
        colleague = _employee(
            f"medewerker{number}-{gemeente.slug}",
            gemeente,
            Role.BEHANDELAAR,
            first_name=first,
            last_name=last,
        )
        add_team_member(team=team, user=colleague, actor=Actor.system("plus1 demo"))
    members = list(team.members.order_by("username"))
    workers = [m for m in members if m != teamleider]
    competences = selectors.competences_for(gemeente)

    # Rolduiding: a cross-section answers, HR confirms the role profile.
    clarification = rolduiding.start_clarification(
        tenant=gemeente,
        user=hr,
        role_name=ROLE,
        participants=members,
        closes_on=today + datetime.timedelta(days=14),
        description="Wat vraagt de veranderende rol aan de balie en in de backoffice?",
    )
    for person in members:
        answers = {}
        for competence in competences:
            importance = rng.choice([1, 2, 2, 3, 3]) if competence.code != "omgevingsbewust-werken" else 1
            top = max(level.level for level in competence.levels.all())
            answers[competence.pk] = (importance, min(top, rng.choice([2, 2, 3])))
        rolduiding.answer_clarification(clarification=clarification, user=person, answers=answers)
    results = rolduiding.clarification_results(clarification)
    profile = rolduiding.confirm_clarification(
        clarification=clarification,
        user=hr,
        levels={r.competence.pk: r.suggested_level for r in results if r.in_profile and r.suggested_level},
    )
    # A second rolduiding is still open: the demo users can answer it.
    rolduiding.start_clarification(
        tenant=gemeente,
        user=hr,
        role_name="Consulent Wmo",
        participants=members,
        closes_on=today + datetime.timedelta(days=21),
        description="Welke competenties vraagt het werk van een consulent Wmo?",
    )
    for person in members:
        assessments.assign_role_profile(tenant=gemeente, user=hr, employee=person, role_profile=profile)

    # Assessments: everyone rates themself; the teamleider rates the team.
    required = dict(profile.items.values_list("competence_id", "level"))
    for person in workers:
        own = {cid: max(1, min(level + rng.choice([-1, 0, 0, 1]), 3)) for cid, level in required.items()}
        assessments.submit_assessment(tenant=gemeente, employee=person, assessor=person, ratings=own)
        theirs = {cid: max(1, min(level + rng.choice([-1, -1, 0]), 3)) for cid, level in required.items()}
        assessments.submit_assessment(tenant=gemeente, employee=person, assessor=teamleider, ratings=theirs)

    # Plans with a goal and a training from the offer.
    klant = next(c for c in competences if c.code == "klantgerichtheid")
    for person in workers[:3]:
        plan = plans.create_plan(
            tenant=gemeente,
            user=teamleider,
            employee=person,
            check_in_on=today + datetime.timedelta(days=rng.randint(5, 40)),
        )
        goal = plans.add_goal(
            plan=plan,
            user=teamleider,
            version=1,
            text="Beter doorvragen naar wat de inwoner nodig heeft",
            competence=klant,
            target_level=3,
        )
        plans.add_action(
            plan=plan,
            user=teamleider,
            version=2,
            text="Training volgen en daarna bespreken",
            training=trainings[0],
            goal=goal,
            due_on=trainings[0].starts_on,
        )

    # The gemeente's own training, enrolments, and one attended and evaluated.
    learning.create_training(
        tenant=gemeente,
        user=hr,
        title=f"Kennismaken met de wijkteams van {gemeente.name}",
        form="on_the_job",
        duration_hours=4,
        provider=f"Gemeente {gemeente.name}",
        places=12,
        competence=next(c for c in competences if c.code == "integraal-samenwerken"),
        level=1,
        starts_on=today + datetime.timedelta(days=30),
    )
    for person, training in zip(workers, trainings, strict=False):
        enrolment = learning.enrol(tenant=gemeente, training=training, user=person)
        if person == workers[-1]:
            learning.record_attendance(enrolment=enrolment, user=hr, attended=True)
            learning.evaluate(
                enrolment=enrolment, user=person, score=4, text="Praktisch, direct toe te passen."
            )

    _pulses(gemeente, hr, team, members, rng, today)


def _pulses(
    gemeente: Organisation, hr, team: Team, members: list, rng: random.Random, today: datetime.date
) -> None:
    """A year of monthly pulses, answered by most of the team; this month's is open and unanswered."""
    for months_ago in range(PULSE_MONTHS, 0, -1):
        opens_on = today - datetime.timedelta(days=30 * months_ago)
        past = Pulse.objects.create(
            tenant=gemeente,
            title=f"Pulsmeting {opens_on:%m-%Y}",
            opens_on=opens_on,
            closes_on=opens_on + datetime.timedelta(days=14),
            opened_notified_on=opens_on,
        )
        mood = 3 + (PULSE_MONTHS - months_ago) / PULSE_MONTHS  # slowly better over the year
        for person in members:
            if rng.random() < 0.15:
                continue  # did not answer
            answers = [max(1, min(5, round(rng.gauss(mood, 0.8)))) for _ in PULSE_QUESTIONS]
            PulseReceipt.objects.create(pulse=past, user=person)
            PulseResponse.objects.create(
                tenant=gemeente, pulse=past, team=team, answers=answers, created_on=past.opens_on
            )
    pulse.create_pulse(
        tenant=gemeente,
        user=hr,
        title=f"Pulsmeting {today:%m-%Y}",
        opens_on=today,
        closes_on=today + datetime.timedelta(days=14),
    )
