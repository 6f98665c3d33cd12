class AuditError(Exception):
    """A refusal of an audit service, in plain Dutch for the person who asked."""


class InvalidAccessReviewSettings(AuditError):
    pass
