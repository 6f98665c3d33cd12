"""The registration fields of an incident, after the public VPT, ARO and GIR sources
(../shared/data/aggression/)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Veilige Publieke Taak: contact with the employee within 24 hours, a reaction towards the
# perpetrator within 48 hours.
AFTERCARE_HOURS = 24
REACTION_HOURS = 48
# Default retention of a closed report (issue 20: five years after closing).
DEFAULT_RETENTION_YEARS = 5
# The legal ground recorded with every read and change of an incident (processing log).
LEGAL_GROUND = (
    "Arbeidsomstandighedenwet art. 3 lid 2 (zorg voor de werknemer bij agressie en geweld); "
    "AVG art. 6 lid 1 sub c en art. 10 met UAVG art. 33 (persoonsgegevens van strafrechtelijke aard)"
)


class Channel(models.TextChoices):
    BALIE = "balie", _("Balie")
    TELEFOON = "telefoon", _("Telefoon")
    ONLINE = "online", _("E-mail of online")
    HUISBEZOEK = "huisbezoek", _("Huisbezoek")
    BUITENDIENST = "buitendienst", _("Buitendienst of handhaving")
    SOCIALE_MEDIA = "sociale_media", _("Sociale media")


class Category(models.TextChoices):
    VERBAAL = "verbaal", _("Verbale agressie")
    BEDREIGING = "bedreiging", _("Bedreiging")
    INTIMIDATIE = "intimidatie", _("Intimidatie")
    DISCRIMINATIE = "discriminatie", _("Discriminatie")
    SEKSUELE_INTIMIDATIE = "seksuele_intimidatie", _("Seksuele intimidatie")
    FYSIEK = "fysiek", _("Fysiek geweld")
    VERNIELING = "vernieling", _("Vernieling")
    OVERIG = "overig", _("Overig")


class Consequence(models.TextChoices):
    GEEN = "geen", _("Geen")
    EMOTIONEEL = "emotioneel", _("Emotioneel")
    LETSEL = "letsel", _("Letsel")
    VERZUIM = "verzuim", _("Verzuim")
    SCHADE = "schade", _("Materiële schade")


class PersonKind(models.TextChoices):
    NONE = "", _("Niet bekend of niet van toepassing")
    RESIDENT = "resident", _("Inwoner (uit een zaak)")
    BUSINESS = "business", _("Bedrijf (uit een zaak)")
    DESCRIBED = "described", _("Onbekend: omschrijving")


class IncidentStatus(models.TextChoices):
    OPEN = "open", _("Nieuw")
    IN_PROGRESS = "in_progress", _("In behandeling")
    CLOSED = "closed", _("Afgesloten")


class TaskKind(models.TextChoices):
    """The VPT measures that are work on one report (the others are policy, not tasks)."""

    AFTERCARE = "nazorg", _("Nazorg voor de medewerker")
    REACTION = "reactie", _("Reactie richting de dader")
    REPORT_TO_POLICE = "aangifte", _("Aangifte bij de politie")
    RECOVER_DAMAGE = "schadeverhaal", _("Schade verhalen")
    MEASURE = "maatregel", _("Maatregel")


class ReactionKind(models.TextChoices):
    CONVERSATION = "gesprek", _("Gesprek")
    WARNING_LETTER = "brief", _("Waarschuwingsbrief")


class MeasureKind(models.TextChoices):
    BY_APPOINTMENT = "afspraak", _("Contact alleen op afspraak")
    IN_WRITING = "schriftelijk", _("Contact alleen schriftelijk")
    BUILDING_BAN = "toegangsverbod", _("Toegangsverbod gemeentehuis")
    OTHER = "overig", _("Andere maatregel")
