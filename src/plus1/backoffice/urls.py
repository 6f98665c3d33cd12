from django.urls import include, path

from . import (
    auth_views,
    dashboard_views,
    inbox_views,
    partner_views,
    processing_log_views,
    routing_views,
    zaak_search,
    zaak_views,
)

app_name = "backoffice"

urlpatterns = [
    path("", inbox_views.inbox_view, name="inbox"),
    path("werkvoorraad/oppakken/", inbox_views.claim_view, name="inbox-claim"),
    path("werkvoorraad/toewijzen/", inbox_views.assign_view, name="inbox-assign"),
    path("zoeken/", zaak_search.zaak_search_view, name="zaak-search"),
    path("zaken/<str:identificatie>/", zaak_views.zaak_detail_view, name="zaak-detail"),
    path(
        "zaken/<str:identificatie>/documenten/<uuid:document_uuid>/",
        zaak_views.zaak_document_view,
        name="zaak-document",
    ),
    path("zaken/<str:identificatie>/<slug:action>/", zaak_views.zaak_action_view, name="zaak-action"),
    path(
        "zaken/<str:identificatie>/delen/<uuid:share_uuid>/intrekken/",
        zaak_views.share_revoke_view,
        name="zaak-share-revoke",
    ),
    path("gedeeld/", partner_views.shared_zaken_view, name="shared-zaken"),
    path("gedeeld/<uuid:share_uuid>/", partner_views.shared_zaak_view, name="shared-zaak"),
    path(
        "gedeeld/<uuid:share_uuid>/documenten/<uuid:document_uuid>/",
        partner_views.shared_document_view,
        name="shared-document",
    ),
    path("gedeeld/<uuid:share_uuid>/<slug:action>/", partner_views.shared_action_view, name="shared-action"),
    path("dashboard/", dashboard_views.dashboard_view, name="dashboard"),
    path("verwerkingslog/", processing_log_views.processing_log_view, name="processing-log"),
    path("verwerkingslog/bijzonderheden/", processing_log_views.access_review_view, name="access-review"),
    path("zoekvragen/", routing_views.search_insights_view, name="search-insights"),
    # Klantwaardering (issue 19) and the incident register (issue 20): URL lists of their own.
    path("klantwaardering/", include("plus1.backoffice.feedback_urls")),
    path("incidenten/", include("plus1.backoffice.incident_urls")),
    path("incidenten/cijfers/", include("plus1.backoffice.incident_figures_urls")),
    path("opvolging/", include("plus1.backoffice.feedback_followup_urls")),
    # Payments and counter appointments (issue 21), medewerkers (issue 22).
    path("betalingen/", include("plus1.backoffice.payment_urls")),
    path("afspraken/", include("plus1.backoffice.appointment_urls")),
    path("medewerkers/", include("plus1.backoffice.development_urls")),
    path("inloggen/", auth_views.login_view, name="login"),
    path("inloggen/code/", auth_views.login_code_view, name="login-code"),
    path("inloggen/instellen/", auth_views.login_setup_view, name="login-setup"),
    path("uitloggen/", auth_views.logout_view, name="logout"),
]

# OpenID Connect (PLUS1_OIDC_ENABLED) is mounted by plus1.urls at backoffice/oidc/, without namespace.
