from django.db import models
from django.utils.translation import gettext_lazy as _

# A score of this or lower, with "u mag mij bellen" ticked, becomes a call-back for the team.
CALL_BACK_AT_OR_BELOW = 5
# An invitation link works this long (issue 19: 30 days).
INVITATION_VALID_DAYS = 30
# A gemeente adds at most this many questions of its own to the collective's survey.
MAX_OWN_QUESTIONS = 3
# The benchmark shows a process only where at least this many gemeenten each have at least
# MIN_BENCHMARK_ANSWERS answers in the period; nobody can be singled out below that.
MIN_BENCHMARK_GEMEENTEN = 5
MIN_BENCHMARK_ANSWERS = 10
# The longest open answer kept ("wat kan beter?"); longer text is refused with a message.
MAX_TEXT_LENGTH = 2000


class Channel(models.TextChoices):
    ONLINE = "online", _("Online")
    BALIE = "balie", _("Balie")
    TELEFOON = "telefoon", _("Telefoon")
    EMAIL = "email", _("E-mail")
    POST = "post", _("Post")


class Source(models.TextChoices):
    """What the resident is asked about."""

    ZAAK = "zaak", _("Afgesloten zaak")
    MELDING = "melding", _("Afgehandelde melding")
    CONTACT = "contact", _("Contactmoment")


class InvitationMode(models.TextChoices):
    ALWAYS = "always", _("Altijd uitnodigen")
    ONE_IN_N = "one_in_n", _("1 op de N zaken")
    NEVER = "never", _("Nooit uitnodigen")


class QuestionKind(models.TextChoices):
    SCALE = "scale", _("Schaal 1 tot 5")
    YES_NO = "yes_no", _("Ja of nee")
    TEXT = "text", _("Open vraag")
