from django.db import models
from django.utils.translation import gettext_lazy as _


class SubjectType(models.TextChoices):
    """ZGW betrokkeneType for the people and organisations in a rol."""

    NATUURLIJK_PERSOON = "natuurlijk_persoon", _("Natuurlijk persoon")
    NIET_NATUURLIJK_PERSOON = "niet_natuurlijk_persoon", _("Niet-natuurlijk persoon")
    VESTIGING = "vestiging", _("Vestiging")
    ORGANISATORISCHE_EENHEID = "organisatorische_eenheid", _("Organisatorische eenheid")
    MEDEWERKER = "medewerker", _("Medewerker")


class Betalingsindicatie(models.TextChoices):
    """ZGW betalingsindicatie: whether the costs of the zaak have been paid."""

    NVT = "nvt", _("Er is geen sprake van te betalen, met de zaak gemoeide, kosten.")
    NOG_NIET = "nog_niet", _("De met de zaak gemoeide kosten zijn (nog) niet betaald.")
    GEDEELTELIJK = "gedeeltelijk", _("De met de zaak gemoeide kosten zijn gedeeltelijk betaald.")
    GEHEEL = "geheel", _("De met de zaak gemoeide kosten zijn geheel betaald.")


class Archiefstatus(models.TextChoices):
    """ZGW archiefstatus of a zaak (zrc-022)."""

    NOG_TE_ARCHIVEREN = (
        "nog_te_archiveren",
        _("De zaak cq. het zaakdossier is nog niet als geheel gearchiveerd."),
    )
    GEARCHIVEERD = (
        "gearchiveerd",
        _("De zaak cq. het zaakdossier is als geheel niet-wijzigbaar bewaarbaar gemaakt."),
    )
    GEARCHIVEERD_PROCESTERMIJN_ONBEKEND = (
        "gearchiveerd_procestermijn_onbekend",
        _("De zaak cq. het zaakdossier is gearchiveerd, maar de procestermijn is nog onbekend."),
    )
    OVERGEDRAGEN = (
        "overgedragen",
        _("De zaak cq. het zaakdossier is overgebracht naar een archiefbewaarplaats."),
    )


class IndicatieMachtiging(models.TextChoices):
    GEMACHTIGDE = (
        "gemachtigde",
        _("De betrokkene in de rol bij de zaak is door een andere betrokkene gemachtigd."),
    )
    MACHTIGINGGEVER = "machtiginggever", _("De betrokkene heeft een andere betrokkene gemachtigd.")


CASE_NUMBER_PREFIX = "ZAAK"


class ZaakRelation(models.TextChoices):
    """ZGW aardRelatie of a related zaak, seen from this zaak (Zaken API 1.7.0).

    vervolg: the other zaak gave rise to this one; onderwerp: the other zaak is what this one
    is about; bijdrage: this zaak helps the other one reach its outcome.
    """

    VERVOLG = "vervolg", _("Die zaak was de aanleiding voor deze zaak (vervolg)")
    ONDERWERP = "onderwerp", _("Deze zaak gaat over die zaak (onderwerp)")
    BIJDRAGE = "bijdrage", _("Deze zaak helpt die zaak verder (bijdrage)")


class SharePart(models.TextChoices):
    """What of a zaak a gemeente can share with a chain partner; the value is the ZaakShare field."""

    REQUEST_DATA = "shares_request_data", _("gegevens van de aanvraag")
    DOCUMENTS = "shares_documents", _("documenten")
    CONTACT_DATA = "shares_contact_data", _("contactgegevens van de aanvrager")
    STATUS = "shares_status", _("status en verloop")
    NOTES = "shares_notes", _("notities van de gemeente")


# A share ends by itself: at most this many days after the day it starts.
MAX_SHARE_DAYS = 365


class Vervalreden(models.TextChoices):
    """ZGW vervalreden: why a besluit ends or has ended."""

    TIJDELIJK = "tijdelijk", _("Besluit met tijdelijke werking")
    INGETROKKEN_OVERHEID = "ingetrokken_overheid", _("Besluit ingetrokken door overheid")
    INGETROKKEN_BELANGHEBBENDE = "ingetrokken_belanghebbende", _("Besluit ingetrokken o.v.v. belanghebbende")


BESLUIT_NUMBER_PREFIX = "BESLUIT"


class ObjectType(models.TextChoices):
    """What a document is related to (Documenten API objectinformatieobject.objectType)."""

    BESLUIT = "besluit", _("Besluit")
    ZAAK = "zaak", _("Zaak")
    VERZOEK = "verzoek", _("Verzoek")


class NotitieType(models.TextChoices):
    """Who may read a zaaknotitie (Zaken API 1.7.0): intern only employees, extern also the initiator."""

    INTERN = "intern", _("Intern")
    EXTERN = "extern", _("Extern")


class NotitieStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    DEFINITIEF = "definitief", _("Definitief")


KLANTCONTACT_NUMBER_PREFIX = "KC"


class AardRelatie(models.TextChoices):
    """How a betrokkene relates to a document it sent or received (Documenten API verzendingen)."""

    AFZENDER = "afzender", _("afzender")
    GEADRESSEERDE = "geadresseerde", _("geadresseerde")
