from django.conf import settings


def limit_resident_session(sender, request, user, **kwargs) -> None:
    """A DigiD or eHerkenning session ends after 15 minutes without activity (DigiD T14)."""
    if getattr(user, "bsn", "") or getattr(user, "kvk_number", ""):
        request.session.set_expiry(settings.RESIDENT_SESSION_SECONDS)
