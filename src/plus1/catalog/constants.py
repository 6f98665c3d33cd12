from django.db import models
from django.utils.translation import gettext_lazy as _


class Vertrouwelijkheid(models.TextChoices):
    """Confidentiality levels of ZGW, in ascending order of secrecy."""

    OPENBAAR = "openbaar", _("Openbaar")
    BEPERKT_OPENBAAR = "beperkt_openbaar", _("Beperkt openbaar")
    INTERN = "intern", _("Intern")
    ZAAKVERTROUWELIJK = "zaakvertrouwelijk", _("Zaakvertrouwelijk")
    VERTROUWELIJK = "vertrouwelijk", _("Vertrouwelijk")
    CONFIDENTIEEL = "confidentieel", _("Confidentieel")
    GEHEIM = "geheim", _("Geheim")
    ZEER_GEHEIM = "zeer_geheim", _("Zeer geheim")


class PublicationStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    PUBLISHED = "published", _("Gepubliceerd")


class Archiefnominatie(models.TextChoices):
    BLIJVEND_BEWAREN = "blijvend_bewaren", _("Blijvend bewaren")
    VERNIETIGEN = "vernietigen", _("Vernietigen")


class BrondatumAfleidingswijze(models.TextChoices):
    """How the start date of the archive retention period is derived (ZGW)."""

    AFGEHANDELD = "afgehandeld", _("Afgehandeld")
    ANDER_DATUMKENMERK = "ander_datumkenmerk", _("Ander datumkenmerk")
    EIGENSCHAP = "eigenschap", _("Eigenschap")
    GERELATEERDE_ZAAK = "gerelateerde_zaak", _("Gerelateerde zaak")
    HOOFDZAAK = "hoofdzaak", _("Hoofdzaak")
    INGANGSDATUM_BESLUIT = "ingangsdatum_besluit", _("Ingangsdatum besluit")
    TERMIJN = "termijn", _("Termijn")
    VERVALDATUM_BESLUIT = "vervaldatum_besluit", _("Vervaldatum besluit")
    ZAAKOBJECT = "zaakobject", _("Zaakobject")


class RolOmschrijvingGeneriek(models.TextChoices):
    ADVISEUR = "adviseur", _("Adviseur")
    BEHANDELAAR = "behandelaar", _("Behandelaar")
    BELANGHEBBENDE = "belanghebbende", _("Belanghebbende")
    BESLISSER = "beslisser", _("Beslisser")
    INITIATOR = "initiator", _("Initiator")
    KLANTCONTACTER = "klantcontacter", _("Klantcontacter")
    ZAAKCOORDINATOR = "zaakcoordinator", _("Zaakcoördinator")
    MEDE_INITIATOR = "mede_initiator", _("Mede-initiator")


class DataType(models.TextChoices):
    """The kinds of request field (eigenschap) a resident can fill in."""

    TEXT = "text", _("Tekst")
    NUMBER = "number", _("Getal")
    DATE = "date", _("Datum")
    DATETIME = "datetime", _("Datum en tijd")
    CHOICE = "choice", _("Keuze")
    BSN = "bsn", _("Burgerservicenummer")
    POSTCODE = "postcode", _("Postcode")
    EMAIL = "email", _("E-mailadres")
    PHONE = "phone", _("Telefoonnummer")
    BOOLEAN = "boolean", _("Ja/nee")


class DataClass(models.TextChoices):
    """What a request field holds; a share with a chain partner shows only the classes it grants."""

    CONTACT = "contact", _("Contactgegevens")
    PERSONAL = "personal", _("Persoonsgegevens")
    CASE = "case", _("Zaakgegevens")


# How each request field type is described in the ZGW Eigenschap.specificatie.formaat.
ZGW_FORMAAT = {
    DataType.NUMBER: "getal",
    DataType.DATE: "datum",
    DataType.DATETIME: "datum_tijd",
}


class DateRange(models.TextChoices):
    ANY = "any", _("Elke datum")
    PAST = "past", _("Vandaag of eerder")
    FUTURE = "future", _("Vandaag of later")


class Direction(models.TextChoices):
    """Richting of a document type within a zaaktype."""

    INKOMEND = "inkomend", _("Inkomend")
    INTERN = "intern", _("Intern")
    UITGAAND = "uitgaand", _("Uitgaand")


class Audience(models.TextChoices):
    RESIDENT = "resident", _("Inwoners")
    BUSINESS = "business", _("Ondernemers")


# Document types Plus1 makes itself from the request (the form), never uploaded by the resident.
GENERATED_DOCUMENT_TYPES = frozenset({"Aanvraagformulier"})


class Taakgebied(models.TextChoices):
    """The task areas of the VNG Selectielijst 2020 a result class applies to.

    The values are the field names of the VNG Referentielijsten API, which reports each one as a
    boolean on a resultaat.
    """

    ALGEMEEN_BESTUUR = (
        "algemeenBestuurEnInrichtingOrganisatie",
        _("Algemeen bestuur en inrichting organisatie"),
    )
    BEDRIJFSVOERING = "bedrijfsvoeringEnPersoneel", _("Bedrijfsvoering en personeel")
    PUBLIEKE_INFORMATIE = "publiekeInformatieEnRegistratie", _("Publieke informatie en registratie")
    BURGERZAKEN = "burgerzaken", _("Burgerzaken")
    VEILIGHEID = "veiligheid", _("Veiligheid")
    VERKEER_EN_VERVOER = "verkeerEnVervoer", _("Verkeer en vervoer")
    ECONOMIE = "economie", _("Economie")
    ONDERWIJS = "onderwijs", _("Onderwijs")
    SPORT_CULTUUR_EN_RECREATIE = "sportCultuurEnRecreatie", _("Sport, cultuur en recreatie")
    SOCIAAL_DOMEIN = "sociaalDomein", _("Sociaal domein")
    # Spelled as VNG's API spells it.
    VOLKSGEZONDHEID_EN_MILIEU = "volksgezonheidEnMilieu", _("Volksgezondheid en milieu")
    VHROSV = "vhrosv", _("Volkshuisvesting, ruimtelijke ordening en stedelijke vernieuwing")
    HEFFEN_BELASTINGEN = "heffenBelastingen", _("Heffen belastingen")
    ALLE_TAAKGEBIEDEN = "alleTaakgebieden", _("Alle taakgebieden")


class FeeBasis(models.TextChoices):
    """How a base process computes its fee from the gemeente's adopted amount (Adoption.fee)."""

    NONE = "", _("Geen leges")
    FIXED = "fixed", _("Vast bedrag")
    PER_UNIT = "per_unit", _("Bedrag per eenheid (antwoord op een vraag)")
