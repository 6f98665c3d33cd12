"""OpenID Connect sign-in for employees (PLUS1_OIDC_ENABLED, docs/backoffice-login.md).

The gemeente's identity provider (Entra ID, Keycloak ...) checks the password and the second
factor; Plus1 only accepts employees it already knows, matched on e-mail address.
"""

from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from .access import SECOND_FACTOR_SESSION_KEY


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
