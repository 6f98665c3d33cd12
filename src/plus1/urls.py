from django.conf import settings
from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Plus1 beheer"
admin.site.site_title = "Plus1"
admin.site.index_title = "Catalogus en organisaties"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("backoffice/", include("plus1.backoffice.urls")),
    *(
        [
            path("digid/", include("digid_eherkenning.mock.digid_urls")),
            path("digid/idp/", include("digid_eherkenning.mock.idp.digid_urls")),
        ]
        if settings.DIGID_MOCK
        else [
            path("digid/", include("digid_eherkenning.digid_urls")),
            path("saml/metadata/", include("digid_eherkenning.metadata_urls")),
        ]
    ),
    # Last: a gemeente's portal lives at its slug (/utrecht/).
    path("", include("plus1.portal.urls")),
]
