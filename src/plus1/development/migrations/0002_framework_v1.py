"""The collective publishes its competence framework, version 1, so every database has it from the start.

Seven competences for the changing role, each with levels and the behaviour you can see at
that level, in plain Dutch (B1). A copy as it was when this migration was written.
"""

import datetime

from django.db import migrations

LEVEL_NAMES = {1: "Basis", 2: "Zelfstandig", 3: "Ervaren", 4: "Voorbeeld voor anderen"}

COMPETENCES = [
    (
        "integraal-samenwerken",
        "Integraal samenwerken",
        "Je werkt samen met collega's van andere teams en met partners, zodat de inwoner één "
        "oplossing krijgt en niet van loket naar loket gaat.",
        [
            "Je weet welke teams en partners bij een vraag horen. Je vraagt een collega om hulp als je "
            "het zelf niet weet.",
            "Je neemt zelf contact op met een ander team of een partner. Je spreekt af wie wat doet en "
            "je laat de inwoner weten wie zijn aanspreekpunt is.",
            "Je brengt mensen van verschillende teams en partners bij elkaar rond één inwoner of vraag. "
            "Je zorgt dat afspraken worden nagekomen.",
            "Je verbetert de samenwerking tussen teams en organisaties. Anderen vragen jou hoe ze "
            "samen tot een oplossing komen.",
        ],
    ),
    (
        "klantgerichtheid",
        "Klantgerichtheid (inwoner centraal)",
        "Je kijkt naar wat de inwoner echt nodig heeft en legt uit wat je doet, in gewone woorden.",
        [
            "Je bent vriendelijk en luistert. Je legt in gewone woorden uit wat er gaat gebeuren.",
            "Je vraagt door naar wat de inwoner echt nodig heeft. Je belt terug als je dat hebt beloofd.",
            "Je zoekt ruimte in regels als dat beter is voor de inwoner, en legt uit waarom. Je leert van "
            "klachten en van wat inwoners zeggen.",
            "Je laat het team zien hoe het werk beter kan voor inwoners. Je gebruikt de klantwaardering om "
            "samen te verbeteren.",
        ],
    ),
    (
        "opgavegericht-werken",
        "Opgavegericht werken",
        "Je werkt vanuit het doel in de wijk of de gemeente, niet alleen vanuit je eigen taak of regel.",
        [
            "Je weet welke opgave bij jouw werk hoort en waarom die belangrijk is.",
            "Je kijkt bij een vraag verder dan je eigen taak. Je meldt het als je iets ziet dat bij een "
            "grotere opgave hoort.",
            "Je werkt met andere afdelingen en partners aan een opgave. Je kiest wat het meeste oplevert "
            "voor inwoners.",
            "Je helpt het team om het werk in te richten rond opgaven. Je maakt resultaten zichtbaar.",
        ],
    ),
    (
        "wendbaar-werken",
        "Wendbaar werken",
        "Je gaat goed om met veranderingen en probeert nieuwe manieren van werken uit.",
        [
            "Je staat open voor een nieuwe werkwijze en vraagt uitleg als iets verandert.",
            "Je past je werk snel aan als de situatie verandert. Je probeert iets nieuws uit en vertelt "
            "wat je ervan leert.",
            "Je stelt zelf verbeteringen voor en test die in kleine stappen met je team.",
            "Je helpt anderen door een verandering heen. Je zorgt dat het team blijft leren en verbeteren.",
        ],
    ),
    (
        "digitale-vaardigheid",
        "Digitale vaardigheid",
        "Je gebruikt digitale hulpmiddelen goed en veilig, en helpt inwoners die daar moeite mee hebben.",
        [
            "Je werkt met de systemen die je nodig hebt. Je gaat veilig om met wachtwoorden en "
            "persoonsgegevens.",
            "Je vindt zelf je weg in nieuwe systemen. Je helpt een inwoner die vastloopt in een "
            "digitaal formulier.",
            "Je gebruikt gegevens om je werk te verbeteren, bijvoorbeeld doorlooptijden. Je legt collega's "
            "uit hoe iets werkt.",
            "Je denkt mee over nieuwe digitale diensten en let erop dat iedereen ze kan gebruiken.",
        ],
    ),
    (
        "omgevingsbewust-werken",
        "Omgevingsbewust werken",
        "Je weet wat er speelt in de gemeente, in de politiek en bij partners, en houdt daar rekening mee.",
        [
            "Je weet wie de belangrijke partners en bestuurders voor jouw werk zijn.",
            "Je houdt rekening met wat er speelt in de wijk en in de politiek. Je meldt signalen aan je "
            "leidinggevende.",
            "Je betrekt inwoners en partners op tijd. Je ziet gevoelige kwesties aankomen en stemt af.",
            "Je bouwt aan een netwerk in en buiten de gemeente en gebruikt dat voor betere oplossingen.",
        ],
    ),
    (
        "omgaan-met-agressie",
        "Omgaan met agressie",
        "Je herkent spanning op tijd, blijft rustig en weet wat je moet doen als het misgaat.",
        [
            "Je herkent signalen van spanning en boosheid. Je weet hoe je hulp vraagt en hoe je een "
            "incident meldt.",
            "Je blijft rustig en stelt grenzen op een duidelijke manier. Je meldt elk incident.",
            "Je brengt een gesprek weer rustig als het uit de hand dreigt te lopen. Je steunt een "
            "collega na een incident.",
        ],
    ),
]


def publish_v1(apps, schema_editor):
    Framework = apps.get_model("development", "CompetenceFramework")
    Competence = apps.get_model("development", "Competence")
    Level = apps.get_model("development", "CompetenceLevel")
    framework, created = Framework.objects.get_or_create(
        version=1,
        defaults={
            "status": "published",
            "published_at": datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC),
            "introduction": (
                "Het competentieraamwerk van het collectief voor de veranderende rol van de "
                "gemeentemedewerker. Elke gemeente kan eigen competenties toevoegen."
            ),
        },
    )
    if not created:
        return
    for order, (code, name, description, behaviours) in enumerate(COMPETENCES, start=1):
        competence = Competence.objects.create(
            framework=framework, code=code, name=name, description=description, order=order * 10
        )
        Level.objects.bulk_create(
            Level(competence=competence, level=level, name=LEVEL_NAMES[level], behaviour=behaviour)
            for level, behaviour in enumerate(behaviours, start=1)
        )


def withdraw_v1(apps, schema_editor):
    Framework = apps.get_model("development", "CompetenceFramework")
    Competence = apps.get_model("development", "Competence")
    Competence.objects.filter(framework__version=1).delete()
    Framework.objects.filter(version=1).delete()


class Migration(migrations.Migration):
    dependencies = [("development", "0001_initial")]

    operations = [migrations.RunPython(publish_v1, withdraw_v1)]
