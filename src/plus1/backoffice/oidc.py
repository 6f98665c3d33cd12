"""OpenID Connect sign-in for employees (PLUS1_OIDC_ENABLED, docs/backoffice-login.md).

The gemeente's identity provider (Entra ID, Keycloak ...) checks the password and the second
factor; Plus1 only accepts employees it already knows, matched on e-mail address.
"""

from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.urls import URLPattern, path
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from plus1.accounts.sessions import SECOND_FACTOR_SESSION_KEY
from plus1.core.ratelimit import limit_per_ip

CALLBACK_URL_NAME = "oidc_authentication_callback"


class EmployeeOIDCBackend(OIDCAuthenticationBackend):
    def filter_users_by_claims(self, claims):
        email = claims.get("email")
        if not email or not claims.get("email_verified", True):
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(
            email__iexact=email, is_active=True, memberships__isnull=False
        ).distinct()


@receiver(user_logged_in)
def _mark_second_factor(sender, request, user, **kwargs):
    if request is not None and request.session.get(BACKEND_SESSION_KEY, "").endswith(".EmployeeOIDCBackend"):
        request.session[SECOND_FACTOR_SESSION_KEY] = "oidc"


def oidc_urlpatterns() -> list[URLPattern]:
    """mozilla-django-oidc's URLs, with the callback (which redeems a code) rate-limited per IP.

    The root urlconf mounts them outside the ``backoffice:`` namespace, because the library and
    the log-in page reverse these names without one.
    """
    from mozilla_django_oidc import urls as oidc_urls

    limited = limit_per_ip(
        "backoffice-oidc", rate_setting="PLUS1_RATELIMIT_BACKOFFICE_LOGIN", methods=("GET", "POST")
    )
    return [
        path(str(pattern.pattern), limited(pattern.callback), name=pattern.name)
        if pattern.name == CALLBACK_URL_NAME
        else pattern
        for pattern in oidc_urls.urlpatterns
    ]
