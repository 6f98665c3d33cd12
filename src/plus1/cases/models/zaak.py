import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from plus1.catalog.constants import Archiefnominatie, Vertrouwelijkheid
from plus1.catalog.models import Eigenschap, ResultaatType, RolType, StatusType, ZaakType
from plus1.core.models import TenantOwned, TenantQuerySet

from ..constants import Archiefstatus, Betalingsindicatie, IndicatieMachtiging, SubjectType


class CaseNumberSequence(TenantOwned):
    """The last case number handed out per gemeente and year; incremented under a row lock."""

    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tenant", "year"], name="case_number_sequence_unique")]


class ZaakQuerySet(TenantQuerySet):
    """Zaken that can tell a listener which rows were actually fetched.

    ``on_fetch(callback)`` calls ``callback(zaken)`` with the model instances each time the
    query runs (a page, a ``get``); counts and ``values()`` fetch no zaak and call nothing.
    The selectors use it to log exactly the zaken a person was shown (cases.processing).
    """

    _on_fetch = None

    def on_fetch(self, callback):
        clone = self._chain()
        clone._on_fetch = callback
        return clone

    def _clone(self):
        clone = super()._clone()
        clone._on_fetch = self._on_fetch
        return clone

    def _fetch_all(self):
        is_first = self._result_cache is None
        super()._fetch_all()
        if (
            is_first
            and self._on_fetch is not None
            and issubclass(self._iterable_class, models.query.ModelIterable)
        ):
            self._on_fetch(self._result_cache)


class Zaak(TenantOwned):
    """A case: one request, report or declaration being handled by a gemeente.

    ``zaaktype`` is the version the zaak started with; a newer version never changes it.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    identificatie = models.CharField(_("zaaknummer"), max_length=40)
    bronorganisatie = models.CharField(_("bronorganisatie (RSIN)"), max_length=9, blank=True)
    zaaktype = models.ForeignKey(ZaakType, on_delete=models.PROTECT, related_name="zaken")
    omschrijving = models.CharField(_("omschrijving"), max_length=80)
    confidentiality = models.CharField(
        _("vertrouwelijkheid"), max_length=20, choices=Vertrouwelijkheid.choices
    )
    registered_on = models.DateField(_("registratiedatum"))
    started_on = models.DateField(_("startdatum"))
    # The legal end date (ZGW uiterste einddatum afdoening) and the service-norm date (ZGW
    # einddatum gepland); both are recomputed by cases.deadlines on suspension and extension.
    planned_end_on = models.DateField(_("uiterste einddatum"))
    service_norm_on = models.DateField(_("streefdatum (servicenorm)"), null=True, blank=True)
    ended_on = models.DateField(_("einddatum"), null=True, blank=True)
    current_status = models.ForeignKey(
        "Status", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("status")
    )
    team = models.ForeignKey(
        "accounts.Team",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="zaken",
        verbose_name=_("team"),
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_zaken",
        verbose_name=_("behandelaar"),
    )
    # Set while the legal term is suspended (ZGW opschorting); the periods are ZaakSuspension
    # rows. Kept on the zaak so the inbox can filter on it without a join.
    suspended_on = models.DateField(_("opgeschort sinds"), null=True, blank=True)
    suspension_reason = models.CharField(_("reden opschorting"), max_length=200, blank=True)
    # ZGW verlenging: at most once, for the zaaktype's extension period.
    extension_reason = models.CharField(_("reden verlenging"), max_length=200, blank=True)
    extended_by = models.CharField(_("verlengd met"), max_length=20, blank=True)
    archive_nomination = models.CharField(
        _("archiefnominatie"), max_length=20, choices=Archiefnominatie.choices, blank=True
    )
    archive_action_on = models.DateField(_("archiefactiedatum"), null=True, blank=True)
    # Optimistic lock: every change through a service raises this by one; a change made on
    # an older version is refused, so two case handlers never overwrite each other silently.
    version = models.PositiveIntegerField(_("versie"), default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    # ZGW attributes the portal and back office do not use (yet); the Zaken API keeps them.
    toelichting = models.TextField(_("toelichting"), blank=True)
    verantwoordelijke_organisatie = models.CharField(
        _("verantwoordelijke organisatie (RSIN)"), max_length=9, blank=True
    )
    opdrachtgevende_organisatie = models.CharField(
        _("opdrachtgevende organisatie (RSIN)"), max_length=9, blank=True
    )
    publicatiedatum = models.DateField(_("publicatiedatum"), null=True, blank=True)
    communicatiekanaal = models.URLField(_("communicatiekanaal"), max_length=1000, blank=True)
    producten_of_diensten = models.JSONField(_("producten of diensten"), default=list, blank=True)
    betalingsindicatie = models.CharField(
        _("betalingsindicatie"), max_length=20, choices=Betalingsindicatie.choices, blank=True
    )
    laatste_betaaldatum = models.DateTimeField(_("laatste betaaldatum"), null=True, blank=True)
    # GeoJSON (WGS84) as sent; Plus1 does no spatial queries on it.
    zaakgeometrie = models.JSONField(_("zaakgeometrie"), null=True, blank=True)
    selectielijstklasse = models.URLField(_("selectielijstklasse"), max_length=1000, blank=True)
    # Deleting a hoofdzaak deletes its deelzaken (ZGW zrc-023).
    hoofdzaak = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="deelzaken"
    )
    kenmerken = models.JSONField(_("kenmerken"), default=list, blank=True)
    archiefstatus = models.CharField(
        _("archiefstatus"),
        max_length=40,
        choices=Archiefstatus.choices,
        default=Archiefstatus.NOG_TE_ARCHIVEREN,
    )
    processobjectaard = models.CharField(_("procesobjectaard"), max_length=200, blank=True)
    processobject = models.JSONField(_("procesobject"), null=True, blank=True)
    startdatum_bewaartermijn = models.DateField(_("startdatum bewaartermijn"), null=True, blank=True)

    objects = ZaakQuerySet.as_manager()

    class Meta:
        verbose_name = _("zaak")
        verbose_name_plural = _("zaken")
        ordering = ["-registered_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["tenant", "identificatie"], name="zaak_unique_identificatie"),
        ]
        indexes = [
            # The Zaken API list: per gemeente (and zaaktype, for an application with
            # autorisaties per zaaktype), newest first, so a page is an index range scan.
            models.Index(fields=["tenant", "-registered_on", "-id"], name="zaak_tenant_registered"),
            models.Index(
                fields=["tenant", "zaaktype", "-registered_on", "-id"], name="zaak_tenant_zaaktype_reg"
            ),
            # A page of the Zaken API list found from the kept counts (cases.counts): the ids of
            # the visible zaken in one block of ids, read from the index alone.
            models.Index(
                fields=["tenant", "zaaktype", "id"],
                include=["confidentiality"],
                name="zaak_tenant_zaaktype_id",
            ),
            # The team dashboard's trend and lead times: a team's zaken open or closed lately,
            # read from the index alone instead of the team's whole history in the heap.
            models.Index(
                fields=["tenant", "team", "ended_on"],
                include=["registered_on", "planned_end_on", "zaaktype"],
                name="zaak_team_ended",
            ),
            # The team inbox and "my zaken": open zaken, soonest legal end date first.
            models.Index(
                fields=["tenant", "team", "planned_end_on", "id"],
                condition=Q(ended_on__isnull=True),
                name="zaak_open_by_team",
            ),
            models.Index(
                fields=["tenant", "assignee", "planned_end_on", "id"],
                condition=Q(ended_on__isnull=True),
                name="zaak_open_by_assignee",
            ),
        ]

    def __str__(self) -> str:
        return self.identificatie

    @property
    def is_open(self) -> bool:
        return self.ended_on is None

    @property
    def is_suspended(self) -> bool:
        return self.suspended_on is not None

    @property
    def is_extended(self) -> bool:
        return bool(self.extended_by)


class Status(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="statussen")
    statustype = models.ForeignKey(StatusType, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField(_("gezet op"))
    note = models.TextField(_("toelichting"), blank=True)
    # ZGW gezetdoor: the URL of the rol that set this status, when a client gives one.
    set_by = models.URLField(_("gezet door"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("status")
        verbose_name_plural = _("statussen")
        ordering = ["zaak", "set_at", "id"]

    def __str__(self) -> str:
        return self.statustype.omschrijving


class Rol(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="rollen")
    roltype = models.ForeignKey(RolType, on_delete=models.PROTECT, related_name="+")
    subject_type = models.CharField(_("soort betrokkene"), max_length=30, choices=SubjectType.choices)
    bsn = models.CharField(_("BSN"), max_length=9, blank=True)
    kvk_number = models.CharField(_("KvK-nummer"), max_length=8, blank=True)
    name = models.CharField(_("naam"), max_length=200)
    email = models.EmailField(_("e-mailadres voor berichten"), blank=True)
    # The ZGW betrokkeneIdentificatie as given, and the one identifier of it the API
    # filters on besides BSN and KvK number (anp-, vestigings-, medewerker-nummer ...).
    identification = models.JSONField(_("identificatie van de betrokkene"), null=True, blank=True)
    subject_identifier = models.CharField(_("nummer van de betrokkene"), max_length=254, blank=True)
    betrokkene = models.URLField(_("betrokkene"), max_length=1000, blank=True)
    afwijkende_naam = models.CharField(_("afwijkende naam"), max_length=625, blank=True)
    roltoelichting = models.TextField(_("toelichting"), blank=True)
    indicatie_machtiging = models.CharField(
        _("machtiging"), max_length=20, choices=IndicatieMachtiging.choices, blank=True
    )
    contactpersoon = models.JSONField(_("contactpersoon"), null=True, blank=True)
    registered_at = models.DateTimeField(_("registratiedatum"), null=True, blank=True)

    class Meta:
        verbose_name = _("rol")
        verbose_name_plural = _("rollen")
        indexes = [
            models.Index(fields=["bsn"], name="rol_bsn"),
            models.Index(fields=["kvk_number"], name="rol_kvk"),
            models.Index(fields=["subject_identifier"], name="rol_subject_identifier"),
        ]

    def __str__(self) -> str:
        return f"{self.roltype}: {self.name}"


class ZaakEigenschap(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="eigenschappen")
    eigenschap = models.ForeignKey(Eigenschap, on_delete=models.PROTECT, related_name="+")
    value = models.TextField(_("waarde"))

    class Meta:
        verbose_name = _("zaakeigenschap")
        verbose_name_plural = _("zaakeigenschappen")
        constraints = [models.UniqueConstraint(fields=["zaak", "eigenschap"], name="zaakeigenschap_unique")]

    def __str__(self) -> str:
        return f"{self.eigenschap}: {self.value}"


class Resultaat(models.Model):
    """How a zaak ended; its resultaattype sets the archive nomination and action date."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.OneToOneField(Zaak, on_delete=models.CASCADE, related_name="resultaat")
    resultaattype = models.ForeignKey(ResultaatType, on_delete=models.PROTECT, related_name="+")
    toelichting = models.TextField(_("toelichting"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("resultaat")
        verbose_name_plural = _("resultaten")

    def __str__(self) -> str:
        return self.resultaattype.omschrijving


class ZaakObject(models.Model):
    """Something the zaak is about: an address, a building, a person, another object (ZGW zaakobject).

    ``object`` is the URL of the object in its own registration; ``object_identification``
    holds the ZGW ``objectIdentificatie`` when the client embeds it instead.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="zaakobjecten")
    object = models.URLField(_("object"), max_length=1000, blank=True)
    zaakobjecttype = models.URLField(_("zaakobjecttype"), max_length=1000, blank=True)
    object_type = models.CharField(_("soort object"), max_length=100)
    object_type_overige = models.CharField(_("soort object (overige)"), max_length=100, blank=True)
    object_type_overige_definitie = models.JSONField(_("definitie soort object"), null=True, blank=True)
    relatieomschrijving = models.CharField(_("relatieomschrijving"), max_length=80, blank=True)
    object_identification = models.JSONField(_("identificatie van het object"), null=True, blank=True)

    class Meta:
        verbose_name = _("zaakobject")
        verbose_name_plural = _("zaakobjecten")
        indexes = [models.Index(fields=["object"], name="zaakobject_object")]

    def __str__(self) -> str:
        return f"{self.object_type}: {self.object or self.relatieomschrijving}"
