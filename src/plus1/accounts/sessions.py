from django.conf import settings
from django.http import HttpRequest

from plus1.core import clock

# Session key of the moment DigiD or eHerkenning last vouched for this person (a POSIX timestamp).
AUTHENTICATED_AT = "plus1_authenticated_at"
# Set at sign-in when the second factor was checked outside django-otp (OIDC: the gemeente's
# identity provider asked for it).
SECOND_FACTOR_SESSION_KEY = "plus1_second_factor"


def has_second_factor(request: HttpRequest) -> bool:
    """Whether this employee's session passed a second factor: a TOTP code or the provider's.

    The back office and the admin ask the same question, so a session verified in one counts
    in the other.
    """
    user = getattr(request, "user", None)
    if user is not None and getattr(user, "is_verified", None) and user.is_verified():
        return True
    return bool(request.session.get(SECOND_FACTOR_SESSION_KEY))


def limit_resident_session(sender, request, user, **kwargs) -> None:
    """A DigiD or eHerkenning session ends after 15 minutes without activity (DigiD T14)."""
    if getattr(user, "bsn", "") or getattr(user, "kvk_number", ""):
        request.session.set_expiry(settings.RESIDENT_SESSION_SECONDS)


def remember_authentication_time(sender, request, user, **kwargs) -> None:
    """Note when the person logged in, so sensitive steps can ask for a fresh log-in."""
    if request is not None and hasattr(request, "session"):
        request.session[AUTHENTICATED_AT] = clock.now().timestamp()


def is_recently_authenticated(request: HttpRequest) -> bool:
    """Whether the log-in of this session is at most ``PLUS1_REAUTH_SECONDS`` old."""
    authenticated_at = request.session.get(AUTHENTICATED_AT)
    if authenticated_at is None:
        return False
    return clock.now().timestamp() - authenticated_at <= settings.PLUS1_REAUTH_SECONDS
