"""Build catalog content for tests through the same services the importer and admin use."""

import datetime

import factory

from plus1.audit.services import Actor
from plus1.catalog import services
from plus1.catalog.constants import RolOmschrijvingGeneriek
from plus1.catalog.models import (
    Catalogus,
    Process,
    Product,
    ResultaatType,
    ResultaatTypeOmschrijving,
    RolType,
    SelectielijstProcestype,
    SelectielijstResultaat,
    StatusType,
    ZaakType,
)
from plus1.tenants.selectors import get_collective


class ProcessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Process

    tenant = factory.LazyFunction(get_collective)
    catalogus = factory.LazyAttribute(
        lambda o: Catalogus.objects.get_or_create(tenant=o.tenant, domein="PLUS1", defaults={"naam": "Test"})[
            0
        ]
    )
    identificatie = factory.Sequence(lambda n: f"proces-{n}")


class ZaakTypeFactory(factory.django.DjangoModelFactory):
    """A concept zaaktype with one status, result and initiator role; ``published=True`` publishes it."""

    class Meta:
        model = ZaakType
        skip_postgeneration_save = True

    process = factory.SubFactory(ProcessFactory)
    tenant = factory.SelfAttribute("process.tenant")
    version = 1
    valid_from = datetime.date(2026, 1, 1)
    omschrijving = factory.Sequence(lambda n: f"Testproduct {n} aanvragen")
    product = factory.LazyFunction(lambda: Product.objects.get(upl_name="parkeervergunning"))
    producten_of_diensten = factory.LazyAttribute(
        lambda zaaktype: [zaaktype.product.upl_uri] if zaaktype.product else []
    )
    description = "Uitleg"
    purpose = "Doel"
    trigger = "Aanleiding"
    subject = "Onderwerp"
    initiator_action = "Aanvragen"
    handler_action = "Behandelen"
    responsible = "College van B&W"
    direction = "extern"
    confidentiality = "zaakvertrouwelijk"
    lead_time = "P8W"
    lead_time_source = "Awb art. 4:13"
    suspension_allowed = True
    extension_allowed = False
    selectielijst_procestype = factory.LazyFunction(
        lambda: SelectielijstProcestype.objects.get(jaar=2020, nummer=11)
    )

    @factory.post_generation
    def parts(obj, create, extracted, **kwargs):
        if not create:
            return
        StatusType.objects.create(
            zaaktype=obj, volgnummer=1, omschrijving="Ontvangen", informs_initiator=True
        )
        StatusType.objects.create(zaaktype=obj, volgnummer=2, omschrijving="Afgerond")
        ResultaatType.objects.create(
            zaaktype=obj,
            omschrijving="Verleend",
            generic=ResultaatTypeOmschrijving.objects.get(omschrijving="Verleend"),
            selectielijstklasse=SelectielijstResultaat.objects.get(
                procestype=obj.selectielijst_procestype, volledig_nummer="11.1"
            ),
            archiefnominatie="vernietigen",
            archiefactietermijn="P1Y",
            brondatum_afleidingswijze="afgehandeld",
        )
        RolType.objects.create(
            zaaktype=obj, omschrijving="Aanvrager", generic=RolOmschrijvingGeneriek.INITIATOR
        )

    @factory.post_generation
    def published(obj, create, extracted, **kwargs):
        if create and extracted:
            services.publish_zaaktype(zaaktype=obj, actor=Actor.system("test"))
            obj.refresh_from_db()
