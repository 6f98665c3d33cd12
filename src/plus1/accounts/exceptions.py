from plus1.core.exceptions import Plus1Error


class AccountError(Plus1Error):
    pass
