from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from plus1.api.referentielijsten.api import api as referentielijsten_api
from plus1.backoffice.oidc import oidc_urlpatterns

# Log-in and language: the same on the shared host and on a gemeente's own host (host_urls).
common_patterns = [
    path("taal/", include("django.conf.urls.i18n")),
    *(
        [
            # The library's DigiD simulator, its log-in form and return rate-limited.
            path("digid/", include("plus1.connectors.digid_mock_urls")),
            path("eherkenning/", include("plus1.connectors.eherkenning_mock_urls")),
        ]
        if settings.DIGID_MOCK
        else [
            # The library's views, answering 503 while their SAML configuration is incomplete.
            path("digid/", include("plus1.connectors.digid_urls")),
            path("eherkenning/", include("plus1.connectors.eherkenning_urls")),
            path("saml/metadata/", include("digid_eherkenning.metadata_urls")),
        ]
    ),
]

urlpatterns = [
    # admin.site is plus1.accounts.admin_site.Plus1AdminSite: staff with a second factor only.
    path("admin/", admin.site.urls),
    *([path("backoffice/oidc/", include(oidc_urlpatterns()))] if settings.PLUS1_OIDC_ENABLED else []),
    path("backoffice/", include("plus1.backoffice.urls")),
    path("", include("plus1.api.urls")),
    *common_patterns,
    # The Worldline hosted payment page simulator (demo and tests only, as DigiD's).
    *(
        [path("betaalsimulator/", include("plus1.connectors.worldline_simulator_urls"))]
        if settings.DIGID_MOCK
        else []
    ),
    path("referentielijsten/api/v1/", referentielijsten_api.urls),
    # Last: a gemeente's portal lives at its slug (/utrecht/).
    path("", include("plus1.portal.urls")),
]
