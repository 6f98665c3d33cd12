from django.urls import path

from . import request_views, views

app_name = "portal"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:gemeente_slug>/", views.home, name="home"),
    path("<slug:gemeente_slug>/producten/", views.product_list, name="product-list"),
    path("<slug:gemeente_slug>/producten/<slug:product_slug>/", views.product_detail, name="product-detail"),
    path("<slug:gemeente_slug>/zoeken/", views.search_page, name="search"),
    path("<slug:gemeente_slug>/zoeken.json", views.search_json, name="search-json"),
    path("<slug:gemeente_slug>/huisstijl.css", views.house_style, name="house-style"),
    path("<slug:gemeente_slug>/inloggen/", views.login, name="login"),
    path("<slug:gemeente_slug>/uitloggen/", views.logout, name="logout"),
    path("<slug:gemeente_slug>/aanvragen/<slug:identificatie>/", request_views.start, name="request-start"),
    path(
        "<slug:gemeente_slug>/aanvragen/<slug:identificatie>/stap/<int:number>/",
        request_views.step,
        name="request-step",
    ),
    path(
        "<slug:gemeente_slug>/aanvragen/<slug:identificatie>/documenten/",
        request_views.documents,
        name="request-documents",
    ),
    path(
        "<slug:gemeente_slug>/aanvragen/<slug:identificatie>/controleren/",
        request_views.summary,
        name="request-summary",
    ),
    path("<slug:gemeente_slug>/melden/<slug:identificatie>/", request_views.report, name="report"),
    path("<slug:gemeente_slug>/mijn-zaken/", views.my_zaken, name="my-zaken"),
    path("<slug:gemeente_slug>/mijn-zaken/<str:identificatie>/", views.my_zaak_detail, name="my-zaak-detail"),
    path(
        "<slug:gemeente_slug>/mijn-zaken/<str:identificatie>/documenten/<uuid:document_uuid>/",
        views.my_document,
        name="my-document",
    ),
]
