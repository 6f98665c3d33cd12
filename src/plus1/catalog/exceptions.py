from plus1.core.exceptions import Plus1Error


class CatalogError(Plus1Error):
    """A catalog rule was broken; the message says which, in plain Dutch."""


class PublishedIsImmutable(CatalogError):
    """A published type cannot change in place (ZGW ztc-009/ztc-010): make a new version."""


class CannotPublish(CatalogError):
    pass


class CannotAdopt(CatalogError):
    pass


class NoUpgradeAvailable(CatalogError):
    pass


class CannotWriteProductText(CatalogError):
    pass
