from django.conf import settings
from django.urls import include, path

from . import auth_views, dashboard_views, inbox_views

app_name = "backoffice"

urlpatterns = [
    path("", inbox_views.inbox_view, name="inbox"),
    path("toewijzen/", inbox_views.assign_view, name="assign"),
    path("zaken/<str:identificatie>/oppakken/", inbox_views.claim_view, name="claim"),
    path("zaken/<str:identificatie>/", inbox_views.zaak_placeholder_view, name="zaak-detail"),
    path("dashboard/", dashboard_views.dashboard_view, name="dashboard"),
    path("inloggen/", auth_views.login_view, name="login"),
    path("inloggen/code/", auth_views.login_code_view, name="login-code"),
    path("inloggen/instellen/", auth_views.login_setup_view, name="login-setup"),
    path("uitloggen/", auth_views.logout_view, name="logout"),
]

if settings.PLUS1_OIDC_ENABLED:
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))
