import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from privates.storages import private_media_storage

from plus1.catalog.constants import Vertrouwelijkheid
from plus1.catalog.models import InformatieObjectType
from plus1.core.models import TenantOwned

from ..constants import AardRelatie, ObjectType
from .draft import RequestDraft
from .zaak import Zaak


class InformatieObject(TenantOwned):
    """A document of a zaak (or of a draft before it is sent), stored outside the web root.

    The same row is the Documenten API's enkelvoudiginformatieobject: the fields below
    ``uploaded_at`` hold its metadata in the current version; earlier versions are kept in
    ``InformatieObjectVersion``. A document registered through the API may exist before it
    belongs to a zaak (``is_registered``).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, null=True, blank=True, related_name="documenten")
    draft = models.ForeignKey(
        RequestDraft, on_delete=models.CASCADE, null=True, blank=True, related_name="documenten"
    )
    # Set when the resident sent this document in answer to a question of the gemeente.
    information_request = models.ForeignKey(
        "InformationRequest", on_delete=models.SET_NULL, null=True, blank=True, related_name="documenten"
    )
    # Who added it, for the timeline: the resident, a case handler, or Plus1 (a generated letter).
    added_by = models.CharField(_("toegevoegd door"), max_length=255, blank=True)
    # Set when a chain partner added the document through this share.
    share = models.ForeignKey(
        "ZaakShare", on_delete=models.SET_NULL, null=True, blank=True, related_name="documenten"
    )
    informatieobjecttype = models.ForeignKey(InformatieObjectType, on_delete=models.PROTECT, related_name="+")
    # Empty while the content is still arriving in parts (bestandsdelen) or when there is none.
    file = models.FileField(
        _("bestand"), storage=private_media_storage, upload_to="documenten/%Y/%m/", blank=True
    )
    filename = models.CharField(_("bestandsnaam"), max_length=255, blank=True)
    content_type = models.CharField(_("soort bestand"), max_length=255, blank=True)
    # Big integer: the Documenten API accepts files up to 4 GiB.
    size = models.PositiveBigIntegerField(_("grootte in bytes"), null=True, blank=True)
    uploaded_at = models.DateTimeField(_("toegevoegd op"), auto_now_add=True)

    # The enkelvoudiginformatieobject (Documenten API 1.7.0); the portal fills what it knows.
    identificatie = models.CharField(_("identificatie"), max_length=40, blank=True)
    bronorganisatie = models.CharField(_("bronorganisatie (RSIN)"), max_length=9, blank=True)
    created_on = models.DateField(_("creatiedatum"), null=True, blank=True)
    titel = models.CharField(_("titel"), max_length=200, blank=True)
    confidentiality = models.CharField(
        _("vertrouwelijkheid"), max_length=20, choices=Vertrouwelijkheid.choices, blank=True
    )
    author = models.CharField(_("auteur"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=20, blank=True)
    language = models.CharField(_("taal"), max_length=3, default="dut")
    description = models.CharField(_("beschrijving"), max_length=1000, blank=True)
    link = models.URLField(_("link"), max_length=200, blank=True)
    received_on = models.DateField(_("ontvangstdatum"), null=True, blank=True)
    sent_on = models.DateField(_("verzenddatum"), null=True, blank=True)
    is_ready_for_publication = models.BooleanField(_("gereed voor publicatie"), null=True, blank=True)
    is_shown_to_initiator = models.BooleanField(_("tonen aan initiator"), default=True)
    is_content_expired = models.BooleanField(_("inhoud is vervallen"), null=True, blank=True)
    has_usage_rights = models.BooleanField(_("indicatie gebruiksrecht"), null=True, blank=True)
    appearance = models.CharField(_("verschijningsvorm"), max_length=255, blank=True)
    # ZGW ondertekening {soort, datum} and integriteit {algoritme, waarde, datum}, as given.
    signature = models.JSONField(_("ondertekening"), null=True, blank=True)
    integrity = models.JSONField(_("integriteit"), null=True, blank=True)
    keywords = models.JSONField(_("trefwoorden"), default=list, blank=True)
    version = models.PositiveIntegerField(_("versie"), default=1)
    # When this version was registered (ZGW beginRegistratie).
    registered_at = models.DateTimeField(_("begin registratie"), null=True, blank=True)
    # The lock id of whoever is changing the document (ZGW lock); empty when unlocked.
    lock = models.CharField(_("lock"), max_length=100, blank=True)
    # Registered through the Documenten API: it may exist before it belongs to a zaak.
    is_registered = models.BooleanField(_("los geregistreerd"), default=False)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        ordering = ["uploaded_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(zaak__isnull=False) | Q(draft__isnull=False) | Q(is_registered=True),
                name="document_belongs_somewhere",
            )
        ]
        indexes = [
            models.Index(fields=["tenant", "identificatie"], name="document_identificatie"),
            models.Index(fields=["tenant", "bronorganisatie"], name="document_bronorganisatie"),
        ]

    def __str__(self) -> str:
        return self.titel or self.filename

    @property
    def is_locked(self) -> bool:
        return bool(self.lock)


class InformatieObjectVersion(TenantOwned):
    """An earlier version of a document: its metadata as it was, and its content.

    The current version lives in ``InformatieObject`` itself; an update first copies it
    here, so ``?versie=`` and ``?registratieOp=`` can show every earlier state (Documenten API).
    """

    informatieobject = models.ForeignKey(InformatieObject, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField(_("versie"))
    registered_at = models.DateTimeField(_("begin registratie"))
    # The model fields of the document in that version (see services.documents.VERSIONED_FIELDS).
    data = models.JSONField()
    file = models.FileField(
        _("bestand"), storage=private_media_storage, upload_to="documenten/%Y/%m/", blank=True
    )

    class Meta:
        verbose_name = _("eerdere versie van een document")
        verbose_name_plural = _("eerdere versies van documenten")
        ordering = ["informatieobject", "version"]
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "informatieobject", "version"], name="document_version_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.informatieobject_id} v{self.version}"


class BestandsDeel(TenantOwned):
    """One part of a large file being uploaded in parts; the parts are joined on unlock."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    informatieobject = models.ForeignKey(
        InformatieObject, on_delete=models.CASCADE, related_name="bestandsdelen"
    )
    volgnummer = models.PositiveIntegerField(_("volgnummer"))
    size = models.PositiveBigIntegerField(_("omvang"))
    file = models.FileField(
        _("inhoud"), storage=private_media_storage, upload_to="bestandsdelen/%Y/%m/", blank=True
    )

    class Meta:
        verbose_name = _("bestandsdeel")
        verbose_name_plural = _("bestandsdelen")
        ordering = ["informatieobject", "volgnummer"]
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "informatieobject", "volgnummer"], name="bestandsdeel_unique_volgnummer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.informatieobject_id} deel {self.volgnummer}"

    @property
    def is_complete(self) -> bool:
        return bool(self.file)


class ZaakInformatieObject(TenantOwned):
    """A document belongs to a zaak (ZGW zaakinformatieobject, aardRelatie hoort_bij).

    A document may belong to several zaken; ``InformatieObject.zaak`` stays the zaak the
    portal and back office show it under (the first one it was linked to).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="zaakinformatieobjecten")
    informatieobject = models.ForeignKey(
        InformatieObject, on_delete=models.CASCADE, related_name="zaakinformatieobjecten"
    )
    titel = models.CharField(_("titel"), max_length=200, blank=True)
    beschrijving = models.TextField(_("beschrijving"), blank=True)
    registered_at = models.DateTimeField(_("registratiedatum"))
    vernietigingsdatum = models.DateTimeField(_("vernietigingsdatum"), null=True, blank=True)
    status = models.ForeignKey(
        "Status", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("status")
    )

    class Meta:
        verbose_name = _("document van een zaak")
        verbose_name_plural = _("documenten van zaken")
        ordering = ["registered_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["tenant", "zaak", "informatieobject"], name="zio_unique_pair")
        ]
        indexes = [models.Index(fields=["tenant", "informatieobject"], name="zio_informatieobject")]

    def __str__(self) -> str:
        return f"{self.zaak_id} - {self.informatieobject_id}"


class ObjectInformatieObject(TenantOwned):
    """The Documenten API's mirror of a document's relation to a zaak, besluit or verzoek.

    Written by the services that make the relation at the source (zrc-004, brc-005), never
    on its own, so both sides always agree.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    informatieobject = models.ForeignKey(
        InformatieObject, on_delete=models.CASCADE, related_name="objectinformatieobjecten"
    )
    object_type = models.CharField(_("soort object"), max_length=20, choices=ObjectType.choices)
    object_uuid = models.UUIDField(_("uuid van het object"))

    class Meta:
        verbose_name = _("relatie van een document")
        verbose_name_plural = _("relaties van documenten")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "object_type", "object_uuid", "informatieobject"], name="oio_unique_pair"
            )
        ]
        indexes = [models.Index(fields=["tenant", "informatieobject"], name="oio_informatieobject")]

    def __str__(self) -> str:
        return f"{self.object_type} {self.object_uuid} - {self.informatieobject_id}"


class Gebruiksrecht(TenantOwned):
    """The conditions under which a document may be used (Documenten API gebruiksrechten).

    drc-006: while a document has any, its ``has_usage_rights`` is true.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    informatieobject = models.ForeignKey(
        InformatieObject, on_delete=models.CASCADE, related_name="gebruiksrechten"
    )
    starts_at = models.DateTimeField(_("startdatum"))
    ends_at = models.DateTimeField(_("einddatum"), null=True, blank=True)
    conditions = models.TextField(_("omschrijving voorwaarden"))

    class Meta:
        verbose_name = _("gebruiksrecht")
        verbose_name_plural = _("gebruiksrechten")
        ordering = ["id"]
        indexes = [models.Index(fields=["tenant", "informatieobject"], name="gebruiksrecht_document")]

    def __str__(self) -> str:
        return self.conditions[:80]


class Verzending(TenantOwned):
    """A document sent to or received from a betrokkene (Documenten API verzendingen, since 1.6).

    The address it went to or came from is one of: a Dutch address, a foreign address, a
    postbus or antwoordnummer, a fax or phone number, an e-mail address or MijnOverheid. The
    three address groups are stored as the API's JSON objects: they are only ever shown whole.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    informatieobject = models.ForeignKey(
        InformatieObject, on_delete=models.CASCADE, related_name="verzendingen"
    )
    betrokkene = models.URLField(_("betrokkene"), max_length=200)
    relation = models.CharField(_("aard relatie"), max_length=20, choices=AardRelatie.choices)
    explanation = models.CharField(_("toelichting"), max_length=200, blank=True)
    received_on = models.DateField(_("ontvangstdatum"), null=True, blank=True)
    sent_on = models.DateField(_("verzenddatum"), null=True, blank=True)
    contact_person = models.URLField(_("contactpersoon"), max_length=1000)
    contact_person_name = models.CharField(_("contactpersoonnaam"), max_length=40, blank=True)
    domestic_address = models.JSONField(_("binnenlands correspondentieadres"), null=True, blank=True)
    foreign_address = models.JSONField(_("buitenlands correspondentieadres"), null=True, blank=True)
    postal_address = models.JSONField(_("correspondentiepostadres"), null=True, blank=True)
    fax_number = models.CharField(_("faxnummer"), max_length=15, blank=True)
    email = models.CharField(_("e-mailadres"), max_length=100, blank=True)
    phone_number = models.CharField(_("telefoonnummer"), max_length=15, blank=True)
    is_via_mijn_overheid = models.BooleanField(_("via MijnOverheid"), default=False)

    class Meta:
        verbose_name = _("verzending")
        verbose_name_plural = _("verzendingen")
        ordering = ["id"]
        indexes = [models.Index(fields=["tenant", "informatieobject"], name="verzending_document")]

    def __str__(self) -> str:
        return f"{self.relation} {self.betrokkene}"
