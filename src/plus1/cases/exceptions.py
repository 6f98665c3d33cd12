from plus1.core.exceptions import Plus1Error


class ZaakError(Plus1Error):
    pass


class ProcessNotAdopted(ZaakError):
    pass


class InvalidRequestData(ZaakError):
    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("Niet alle gegevens zijn goed ingevuld.")


class DraftAlreadySubmitted(ZaakError):
    pass


class InvalidUpload(ZaakError):
    pass


class MissingDocuments(ZaakError):
    def __init__(self, missing: list[str]):
        self.missing = missing
        super().__init__("Voeg nog toe: " + ", ".join(missing) + ".")


class ZaakConflict(ZaakError):
    """Somebody else changed the zaak since this person opened it (optimistic lock)."""

    def __init__(self, current_version: int):
        self.current_version = current_version
        super().__init__(
            "Iemand anders heeft deze zaak net gewijzigd. Bekijk de nieuwe gegevens en probeer het opnieuw."
        )


class ZaakClosed(ZaakError):
    pass


class MissingResultaat(ZaakError):
    """The eindstatus needs a resultaat first (ZGW zrc-007)."""


class ShareError(ZaakError):
    """A rule of sharing a zaak with a chain partner was not met."""
