from .adoption import Adoption
from .catalogus import Catalogus
from .documents import BesluitType, InformatieObjectType, ZaakTypeInformatieObjectType
from .reference import Product, ResultaatTypeOmschrijving, SelectielijstProcestype, SelectielijstResultaat
from .subtypes import Eigenschap, ResultaatType, RolType, StatusType
from .zaaktype import Process, ZaakType

__all__ = [
    "Adoption",
    "BesluitType",
    "Catalogus",
    "Eigenschap",
    "InformatieObjectType",
    "Process",
    "Product",
    "ResultaatType",
    "ResultaatTypeOmschrijving",
    "RolType",
    "SelectielijstProcestype",
    "SelectielijstResultaat",
    "StatusType",
    "ZaakType",
    "ZaakTypeInformatieObjectType",
]
