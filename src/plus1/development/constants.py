"""Fixed values of plus1.development: statuses, scales and the pulse statements."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

# A competence has 3 or 4 levels, numbered from 1.
MIN_LEVEL = 1
MAX_LEVEL = 4
MIN_LEVELS_PER_COMPETENCE = 3

# Pulse results of a team are shown only from this many answers on (anonymity).
PULSE_MIN_RESPONSES = 5
PULSE_SCALE = (1, 5)
# The five fixed statements of a pulse (engagement and workload), answered 1 (oneens) to 5 (eens).
PULSE_QUESTIONS = (
    ("energy", _("Ik ga met plezier naar mijn werk.")),
    ("meaning", _("Mijn werk is zinvol voor inwoners.")),
    ("workload", _("Ik kan mijn werk goed aan in de tijd die ik heb.")),
    ("support", _("Ik krijg steun van mijn collega's en leidinggevende als ik die nodig heb.")),
    ("growth", _("Ik kan hier leren en mij ontwikkelen.")),
)
# How many days before a check-in the employee and leidinggevende get a reminder.
CHECK_IN_REMINDER_DAYS = 7

# Rolduiding: how important a competence is for the role.
IMPORTANCE_SCALE = (0, 3)


class Importance(models.IntegerChoices):
    NOT_NEEDED = 0, _("Niet nodig voor deze rol")
    USEFUL = 1, _("Handig")
    IMPORTANT = 2, _("Belangrijk")
    ESSENTIAL = 3, _("Onmisbaar")


# From this median importance on, a competence is in the suggested role profile.
PROFILE_MIN_IMPORTANCE = Importance.IMPORTANT


class FrameworkStatus(models.TextChoices):
    DRAFT = "draft", _("Concept")
    PUBLISHED = "published", _("Gepubliceerd")
    RETIRED = "retired", _("Vervallen")


class ClarificationStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Gesloten")
    CONFIRMED = "confirmed", _("Bevestigd")


class AssessmentKind(models.TextChoices):
    SELF = "self", _("Zelfbeoordeling")
    MANAGER = "manager", _("Beoordeling leidinggevende")


class PlanStatus(models.TextChoices):
    ACTIVE = "active", _("In uitvoering")
    COMPLETED = "completed", _("Afgerond")


class TrainingForm(models.TextChoices):
    CLASSROOM = "classroom", _("Klassikaal")
    ONLINE = "online", _("Online")
    BLENDED = "blended", _("Klassikaal en online")
    ON_THE_JOB = "on_the_job", _("Op de werkplek")


class EnrolmentStatus(models.TextChoices):
    ENROLLED = "enrolled", _("Ingeschreven")
    ATTENDED = "attended", _("Aanwezig geweest")
    ABSENT = "absent", _("Afwezig")
    CANCELLED = "cancelled", _("Afgemeld")


LEGAL_GROUND = (
    "AVG art. 6 lid 1 onder b en c: uitvoering van de arbeidsovereenkomst (personeelsdossier, "
    "ontwikkeling en beoordeling)"
)
# Assessments and plans are kept two years after the employment ends; the log a year longer.
LOG_RETENTION_DAYS = 3 * 366

# A rolduiding asks at least this many employees (a cross-section, not one opinion).
MIN_CLARIFICATION_PARTICIPANTS = 3
