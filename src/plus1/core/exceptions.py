class Plus1Error(Exception):
    """Base of every domain error; its message is plain Dutch and safe to show a user."""


class NotAllowed(Plus1Error):
    """The actor may not do this (wrong tenant or role)."""
