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
