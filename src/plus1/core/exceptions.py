class Plus1Error(Exception):
    """Base of every domain error; its message is plain Dutch and safe to show a user."""


class NotAllowed(Plus1Error):
    """The actor may not do this (wrong tenant or role)."""


class FieldProblem(Plus1Error):
    """One or more inputs break a rule; each problem names its field, a code and a plain reason.

    The APIs answer these as a ZGW ``ValidatieFout`` (``invalidParams``); forms show them by
    field. ``name`` is the field as the caller spelled it (``zaaktype``, ``autorisaties.0.scopes``);
    ``nonFieldErrors`` for a rule about the object as a whole.
    """

    def __init__(self, problems: list[tuple[str, str, str]]):
        self.problems = problems
        super().__init__("; ".join(reason for _name, _code, reason in problems))

    @classmethod
    def single(cls, name: str, code: str, reason: str) -> "FieldProblem":
        return cls([(name, code, reason)])
