"""The resources of the VNG Referentielijsten API, with VNG's field names (camelCase).

Each ``of`` builds the resource from our model; ``base_url`` is the scheme and host of the
request, so every ``url`` is our own address (``catalog.reference.local_reference_url``).
"""

from ninja import Schema

from plus1.catalog.constants import Taakgebied
from plus1.catalog.models import (
    Communicatiekanaal,
    ResultaatTypeOmschrijving,
    SelectielijstProcestype,
    SelectielijstResultaat,
)
from plus1.catalog.reference import local_reference_url

# VNG's field names are camelCase; N815 would ask for snake_case.


class ProcesTypeSchema(Schema):
    url: str
    nummer: int
    jaar: int
    naam: str
    omschrijving: str
    toelichting: str
    procesobject: str

    @classmethod
    def of(cls, procestype: SelectielijstProcestype, base_url: str) -> "ProcesTypeSchema":
        return cls(
            url=local_reference_url(procestype, base_url),
            nummer=procestype.nummer,
            jaar=procestype.jaar,
            naam=procestype.naam,
            omschrijving=procestype.omschrijving,
            toelichting=procestype.toelichting,
            procesobject=procestype.procesobject,
        )


class ResultaatSchema(Schema):
    url: str
    procesType: str
    nummer: int
    volledigNummer: str
    generiek: bool
    specifiek: bool
    naam: str
    omschrijving: str
    herkomst: str
    waardering: str
    procestermijn: str
    procestermijnWeergave: str
    bewaartermijn: str | None
    toelichting: str
    algemeenBestuurEnInrichtingOrganisatie: bool
    bedrijfsvoeringEnPersoneel: bool
    publiekeInformatieEnRegistratie: bool
    burgerzaken: bool
    veiligheid: bool
    verkeerEnVervoer: bool
    economie: bool
    onderwijs: bool
    sportCultuurEnRecreatie: bool
    sociaalDomein: bool
    volksgezonheidEnMilieu: bool
    vhrosv: bool
    heffenBelastingen: bool
    alleTaakgebieden: bool
    procestermijnOpmerking: str

    @classmethod
    def of(cls, resultaat: SelectielijstResultaat, base_url: str) -> "ResultaatSchema":
        taakgebieden = set(resultaat.taakgebieden)
        return cls(
            url=local_reference_url(resultaat, base_url),
            procesType=local_reference_url(resultaat.procestype, base_url),
            nummer=resultaat.nummer,
            volledigNummer=resultaat.volledig_nummer,
            generiek=resultaat.generiek,
            specifiek=resultaat.specifiek,
            naam=resultaat.naam,
            omschrijving=resultaat.omschrijving,
            herkomst=resultaat.herkomst,
            waardering=resultaat.waardering,
            procestermijn=resultaat.procestermijn,
            procestermijnWeergave=resultaat.procestermijn_weergave,
            # VNG answers null for a class without a retention period.
            bewaartermijn=resultaat.bewaartermijn or None,
            toelichting=resultaat.toelichting,
            procestermijnOpmerking=resultaat.procestermijn_opmerking,
            **{gebied.value: gebied.value in taakgebieden for gebied in Taakgebied},
        )


class ResultaatPage(Schema):
    count: int
    next: str | None
    previous: str | None
    results: list[ResultaatSchema]


class ResultaatTypeOmschrijvingSchema(Schema):
    url: str
    omschrijving: str
    definitie: str
    opmerking: str

    @classmethod
    def of(cls, omschrijving: ResultaatTypeOmschrijving, base_url: str) -> "ResultaatTypeOmschrijvingSchema":
        return cls(
            url=local_reference_url(omschrijving, base_url),
            omschrijving=omschrijving.omschrijving,
            definitie=omschrijving.definitie,
            opmerking=omschrijving.opmerking,
        )


class CommunicatiekanaalSchema(Schema):
    url: str
    naam: str
    omschrijving: str

    @classmethod
    def of(cls, kanaal: Communicatiekanaal, base_url: str) -> "CommunicatiekanaalSchema":
        return cls(
            url=local_reference_url(kanaal, base_url), naam=kanaal.naam, omschrijving=kanaal.omschrijving
        )


class CommunicatiekanaalPage(Schema):
    count: int
    next: str | None
    previous: str | None
    results: list[CommunicatiekanaalSchema]
