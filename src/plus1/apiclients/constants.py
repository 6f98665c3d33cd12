from django.db import models
from django.utils.translation import gettext_lazy as _


class Component(models.TextChoices):
    """The ZGW components an autorisatie can be for (Autorisaties API ``ComponentEnum``)."""

    AC = "ac", _("Autorisatiecomponent")
    NRC = "nrc", _("Notificatierouteringcomponent")
    ZRC = "zrc", _("Zaakregistratiecomponent")
    ZTC = "ztc", _("Zaaktypecatalogus")
    DRC = "drc", _("Documentregistratiecomponent")
    BRC = "brc", _("Besluitregistratiecomponent")


# Every scope of the six APIs, per component (taken from the OAS ``security`` entries).
SCOPES: dict[str, tuple[str, ...]] = {
    Component.ZRC: (
        "zaken.lezen",
        "zaken.aanmaken",
        "zaken.bijwerken",
        "zaken.geforceerd-bijwerken",
        "zaken.statussen.toevoegen",
        "zaken.heropenen",
        "zaken.verwijderen",
        "audittrails.lezen",
    ),
    Component.ZTC: (
        "catalogi.lezen",
        "catalogi.schrijven",
        "catalogi.geforceerd-schrijven",
        "catalogi.geforceerd-verwijderen",
    ),
    Component.DRC: (
        "documenten.lezen",
        "documenten.aanmaken",
        "documenten.bijwerken",
        "documenten.geforceerd-bijwerken",
        "documenten.verwijderen",
        "documenten.lock",
        "documenten.geforceerd-unlock",
        "audittrails.lezen",
    ),
    Component.BRC: (
        "besluiten.lezen",
        "besluiten.aanmaken",
        "besluiten.bijwerken",
        "besluiten.verwijderen",
        "audittrails.lezen",
    ),
    Component.AC: ("autorisaties.lezen", "autorisaties.bijwerken"),
    Component.NRC: ("notificaties.consumeren", "notificaties.publiceren"),
}

# The components whose autorisaties are per type and confidentiality (rule ac-003).
TYPED_COMPONENTS = {
    Component.ZRC: "zaaktype",
    Component.DRC: "informatieobjecttype",
    Component.BRC: "besluittype",
}
