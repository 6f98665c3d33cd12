"""Portal URLs. One list of a gemeente's pages, mounted twice: under ``/<slug>/`` here and at
``/`` on the gemeente's own host name (``host_urls``). Reverse them with ``routing.portal_reverse``
or the ``{% portal_url %}`` tag, which add the slug only when the request came in by path."""

from django.urls import include, path

from . import legal_views, profile_views, request_views, search_views, views

app_name = "portal"

gemeente_patterns = [
    path("", views.home, name="home"),
    path("producten/", views.product_list, name="product-list"),
    path("producten/<slug:product_slug>/", views.product_detail, name="product-detail"),
    path("themas/", views.theme_list, name="theme-list"),
    path("themas/<slug:theme_slug>/", views.theme_detail, name="theme-detail"),
    path("zoeken/", search_views.search_page, name="search"),
    path("zoeken/gekozen/", search_views.search_choice, name="search-choice"),
    path("zoeken.json", search_views.search_json, name="search-json"),
    path("huisstijl.css", views.house_style, name="house-style"),
    path("privacyverklaring/", legal_views.statement, {"kind": "privacy"}, name="privacy"),
    path("toegankelijkheid/", legal_views.statement, {"kind": "toegankelijkheid"}, name="accessibility"),
    path("cookies/", legal_views.statement, {"kind": "cookies"}, name="cookies"),
    path("colofon/", legal_views.statement, {"kind": "colofon"}, name="colophon"),
    path("inloggen/", views.login, name="login"),
    path("inloggen/eherkenning/", views.login_eherkenning, name="login-eherkenning"),
    path("uitloggen/", views.logout, name="logout"),
    path("aanvragen/<slug:identificatie>/", request_views.start, name="request-start"),
    path("aanvragen/<slug:identificatie>/stap/<int:number>/", request_views.step, name="request-step"),
    path("aanvragen/<slug:identificatie>/documenten/", request_views.documents, name="request-documents"),
    path("aanvragen/<slug:identificatie>/controleren/", request_views.summary, name="request-summary"),
    path("melden/<slug:identificatie>/", request_views.report, name="report"),
    path("mijn-zaken/", views.my_zaken, name="my-zaken"),
    path("mijn-zaken/<str:identificatie>/", views.my_zaak_detail, name="my-zaak-detail"),
    path("mijn-gegevens/", profile_views.my_profile, name="my-profile"),
    path("mijn-gegevens/inzage/", views.my_data_access, name="my-data-access"),
    path("mijn-zaken/<str:identificatie>/inzage/", views.my_zaak_data_access, name="my-zaak-data-access"),
    path("mijn-zaken/<str:identificatie>/antwoord/", views.my_zaak_answer, name="my-zaak-answer"),
    path(
        "mijn-zaken/<str:identificatie>/documenten/<uuid:document_uuid>/",
        views.my_document,
        name="my-document",
    ),
    # Klantwaardering: the invitation links (no log-in needed).
    path("", include("plus1.portal.feedback_urls")),
    # Paying leges and booking counter appointments (issue 21).
    path("", include("plus1.portal.payment_urls")),
    path("", include("plus1.portal.appointment_urls")),
]

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:gemeente_slug>/", include(gemeente_patterns)),
]
