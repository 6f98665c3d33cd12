from django.db import models
from django.utils.translation import gettext_lazy as _

# The stored question is cut to this many characters: enough to see what was asked, too
# short for a story about someone (the portal accepts 200).
STORED_QUERY_LENGTH = 100
# What the log keeps of what was shown: the first few ranked keys (UPL names, "elsewhere:uwv").
SHOWN_KEYS = 5


class Outcome(models.TextChoices):
    """What the portal answered to one question."""

    PRODUCTS = "products", _("Producten getoond")
    CLARIFY = "clarify", _("Keuzevraag gesteld")
    ELSEWHERE = "elsewhere", _("Andere organisatie")
    NO_ANSWER = "no_answer", _("Geen antwoord")
