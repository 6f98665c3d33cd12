import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from plus1.core.models import TenantOwned, TenantQuerySet

from ..constants import FeeBasis, PublicationStatus, RolOmschrijvingGeneriek, Vertrouwelijkheid
from ..validators import validate_iso_duration
from .catalogus import Catalogus
from .reference import Product, SelectielijstProcestype


class Process(TenantOwned):
    """The lasting identity of a zaaktype: every version of it shares this ``identificatie``.

    A gemeente adopts a process, and chooses which published version it runs.
    """

    catalogus = models.ForeignKey(Catalogus, on_delete=models.PROTECT, related_name="processes")
    identificatie = models.CharField(_("identificatie"), max_length=80)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("proces")
        verbose_name_plural = _("processen")
        ordering = ["identificatie"]
        constraints = [
            models.UniqueConstraint(fields=["tenant", "identificatie"], name="process_unique_identificatie")
        ]

    def __str__(self) -> str:
        return self.identificatie


class ZaakTypeQuerySet(TenantQuerySet):
    def published(self) -> "ZaakTypeQuerySet":
        return self.filter(status=PublicationStatus.PUBLISHED)

    def runnable(self) -> "ZaakTypeQuerySet":
        """Versions a zaak can run on in Plus1: with a statustype, a resultaattype and an initiator.

        The ZGW standard lets a client publish a zaaktype before it has these (catalog.runnable
        says why Plus1 needs them); the portal, adoptions and the back office ask for them.
        """
        # Imported here: the part models refer to this module.
        from .subtypes import ResultaatType, RolType, StatusType

        return self.filter(
            Exists(StatusType.objects.filter(zaaktype=OuterRef("pk"))),
            Exists(ResultaatType.objects.filter(zaaktype=OuterRef("pk"))),
            Exists(
                RolType.objects.filter(zaaktype=OuterRef("pk"), generic=RolOmschrijvingGeneriek.INITIATOR)
            ),
        )


class ZaakType(TenantOwned):
    """One version of a process: what a zaak of this kind is, how long it may take, how it ends.

    A published version never changes in place (ZGW ztc-009); a change is a new version.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    process = models.ForeignKey(
        Process, on_delete=models.PROTECT, related_name="versions", verbose_name=_("proces")
    )
    version = models.PositiveIntegerField(_("versie"))
    status = models.CharField(
        _("publicatiestatus"),
        max_length=20,
        choices=PublicationStatus.choices,
        default=PublicationStatus.CONCEPT,
    )
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True, editable=False)
    valid_from = models.DateField(_("geldig vanaf"))
    valid_until = models.DateField(_("geldig tot en met"), null=True, blank=True)

    omschrijving = models.CharField(_("omschrijving"), max_length=80)
    omschrijving_generiek = models.CharField(_("generieke omschrijving"), max_length=80, blank=True)
    publicatietekst = models.TextField(_("publicatietekst"), blank=True)
    # URLs of the sources that account for this zaaktype (ZGW verantwoordingsrelatie).
    verantwoordingsrelatie = models.JSONField(_("verantwoordingsrelatie"), default=list, blank=True)
    # Where a copied zaaktype came from (ZGW broncatalogus {url, domein, rsin}, bronzaaktype
    # {url, identificatie, omschrijving}); empty for a zaaktype made here.
    broncatalogus = models.JSONField(_("broncatalogus"), null=True, blank=True)
    bronzaaktype = models.JSONField(_("bronzaaktype"), null=True, blank=True)
    # What a standard client sent (ZGW productenOfDiensten): any URLs, or none. A zaaktype need
    # not be a UPL product (bezwaar handling, inkoop ...); ``product`` is the UPL product among
    # them that Plus1 knows, and only a zaaktype with one is offered in the portal.
    producten_of_diensten = models.JSONField(_("producten of diensten"), default=list, blank=True)
    product = models.ForeignKey(
        Product,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="zaaktypen",
        verbose_name=_("product (UPL)"),
        help_text=_("Leeg voor een intern proces: dat wordt niet in het portaal aangeboden."),
    )
    # Zaaktypen of zaken that matter to zaken of this zaaktype (ZGW gerelateerdeZaaktypen): a list
    # of {"zaaktype": URL, "aardRelatie": vervolg|bijdrage|onderwerp, "toelichting": text}.
    gerelateerde_zaaktypen = models.JSONField(_("gerelateerde zaaktypen"), default=list, blank=True)
    description = models.TextField(_("uitleg voor inwoners"))
    purpose = models.TextField(_("doel"))
    trigger = models.TextField(_("aanleiding"))
    subject = models.CharField(_("onderwerp"), max_length=200)
    initiator_action = models.CharField(_("handeling initiator"), max_length=80)
    handler_action = models.CharField(_("handeling behandelaar"), max_length=80)
    responsible = models.CharField(_("verantwoordelijke"), max_length=80)
    direction = models.CharField(
        _("intern of extern"), max_length=6, choices=[("extern", _("Extern")), ("intern", _("Intern"))]
    )
    confidentiality = models.CharField(
        _("vertrouwelijkheid"), max_length=20, choices=Vertrouwelijkheid.choices
    )
    lead_time = models.CharField(
        _("doorlooptijd"),
        max_length=20,
        validators=[validate_iso_duration],
        help_text=_("ISO 8601, bijv. P8W."),
    )
    lead_time_source = models.CharField(_("wettelijke bron doorlooptijd"), max_length=300)
    service_norm = models.CharField(
        _("servicenorm"), max_length=20, blank=True, validators=[validate_iso_duration]
    )
    suspension_allowed = models.BooleanField(_("opschorten mogelijk"))
    extension_allowed = models.BooleanField(_("verlengen mogelijk"))
    extension_period = models.CharField(
        _("verlengingstermijn"), max_length=20, blank=True, validators=[validate_iso_duration]
    )
    extension_source = models.CharField(_("wettelijke bron verlenging"), max_length=300, blank=True)
    # Optional in ZGW (ztc-001: "indien ingevuld"); a resultaattype's selectielijstklasse needs it.
    selectielijst_procestype = models.ForeignKey(
        SelectielijstProcestype,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("selectielijst-procestype"),
    )
    # Privacy-register metadata, not ZGW zaaktype content: the import may link a published version.
    processing_activity = models.ForeignKey(
        "ProcessingActivity",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="zaaktypen",
        verbose_name=_("verwerkingsactiviteit"),
    )
    keywords = models.JSONField(_("trefwoorden"), default=list, blank=True)
    is_for_residents = models.BooleanField(_("voor inwoners"), default=True)
    is_for_businesses = models.BooleanField(_("voor ondernemers"), default=False)
    allows_online = models.BooleanField(_("online aan te vragen"), default=True)
    allows_anonymous = models.BooleanField(_("zonder inloggen te melden"), default=False)
    besluittypen = models.ManyToManyField("BesluitType", blank=True, related_name="zaaktypen")
    # Leges (plus1.payments.fees): how the gemeente's amount (Adoption.fee) applies, and when it
    # is returned. Not ZGW attributes: the Catalogi API does not show them.
    fee_basis = models.CharField(_("berekening leges"), max_length=10, choices=FeeBasis.choices, blank=True)
    fee_unit_eigenschap = models.CharField(
        _("leges per eenheid van het antwoord op"),
        max_length=80,
        blank=True,
        help_text=_("De naam van een eigenschap met een getal als antwoord, bijvoorbeeld aantal_jaren."),
    )
    fee_returned_on_withdrawal = models.BooleanField(_("leges terug bij intrekken"), default=False)
    fee_returned_on_rejection = models.BooleanField(_("leges terug bij afwijzing"), default=False)
    # Digest of the library file this version came from; lets a re-import see "unchanged".
    source_digest = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ZaakTypeQuerySet.as_manager()

    class Meta:
        verbose_name = _("zaaktype")
        verbose_name_plural = _("zaaktypen")
        ordering = ["process__identificatie", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["tenant", "process", "version"], name="zaaktype_unique_version"),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=models.F("valid_from")),
                name="zaaktype_valid_period",
            ),
            models.CheckConstraint(
                condition=~Q(status=PublicationStatus.PUBLISHED) | Q(published_at__isnull=False),
                name="zaaktype_published_has_date",
            ),
            models.CheckConstraint(
                condition=Q(extension_allowed=False, extension_period="")
                | Q(extension_allowed=True) & ~Q(extension_period=""),
                name="zaaktype_extension_period_iff_allowed",
            ),
        ]
        indexes = [models.Index(fields=["tenant", "status"], name="zaaktype_tenant_status")]

    def __str__(self) -> str:
        return f"{self.omschrijving} (versie {self.version})"

    def clean(self) -> None:
        super().clean()
        if self.fee_basis == FeeBasis.PER_UNIT and not self.fee_unit_eigenschap:
            raise ValidationError(
                {
                    "fee_unit_eigenschap": _(
                        "Noem de vraag met het aantal eenheden (bijvoorbeeld aantal_jaren)."
                    )
                }
            )

    @property
    def identificatie(self) -> str:
        return self.process.identificatie

    @property
    def is_published(self) -> bool:
        return self.status == PublicationStatus.PUBLISHED
