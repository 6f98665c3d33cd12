from .adoption import Adoption
from .catalogus import Catalogus
from .documents import BesluitType, InformatieObjectType, ZaakTypeInformatieObjectType
from .processing import ProcessingActivity
from .product_text import ProductText
from .reference import (
    Communicatiekanaal,
    Product,
    ResultaatTypeOmschrijving,
    SelectielijstProcestype,
    SelectielijstResultaat,
)
from .subtypes import Eigenschap, ResultaatType, RolType, StatusType, ZaakObjectType
from .theme import Theme
from .zaaktype import Process, ZaakType

__all__ = [
    "Adoption",
    "BesluitType",
    "Catalogus",
    "Communicatiekanaal",
    "Eigenschap",
    "InformatieObjectType",
    "Process",
    "ProcessingActivity",
    "Product",
    "ProductText",
    "ResultaatType",
    "ResultaatTypeOmschrijving",
    "RolType",
    "SelectielijstProcestype",
    "SelectielijstResultaat",
    "StatusType",
    "Theme",
    "ZaakObjectType",
    "ZaakType",
    "ZaakTypeInformatieObjectType",
]
