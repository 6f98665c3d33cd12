"""Uploaded documents live outside the web root; only the authorising views hand them out.

``PRIVATE_MEDIA_URL`` is a name the storage needs, not a route: no URL pattern serves that
folder, WhiteNoise serves only ``STATIC_ROOT``, and neither folder contains the other.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.urls import Resolver404, resolve
from django.views.static import serve
from privates.storages import private_media_storage

from plus1.conf import base
from plus1.portal.routing import HOST_URLCONF

SECRET = b"%PDF-1.4 uittreksel met persoonsgegevens"


def _inside(child, parent) -> bool:
    return Path(child).resolve().is_relative_to(Path(parent).resolve())


@pytest.mark.parametrize("conf", [settings, base], ids=["test settings", "defaults"])
def test_the_private_folder_is_apart_from_static_and_public_media(conf):
    public = [conf.STATIC_ROOT, conf.MEDIA_ROOT, *conf.STATICFILES_DIRS]
    for folder in public:
        assert not _inside(conf.PRIVATE_MEDIA_ROOT, folder), folder
        assert not _inside(folder, conf.PRIVATE_MEDIA_ROOT), folder
    assert not conf.PRIVATE_MEDIA_URL.startswith(conf.STATIC_URL)


@pytest.fixture
def stored_document():
    name = private_media_storage.save("documenten/2026/01/uittreksel.pdf", ContentFile(SECRET))
    yield name
    private_media_storage.delete(name)


@pytest.mark.parametrize("urlconf", ["plus1.urls", HOST_URLCONF])
def test_no_url_pattern_serves_the_private_folder(stored_document, urlconf):
    path = settings.PRIVATE_MEDIA_URL + stored_document
    try:
        match = resolve(path, urlconf=urlconf)
    except Resolver404:
        return
    # /private-media/... may look like a gemeente's portal page (slug "private-media"); never a file.
    assert match.func is not serve
    assert match.func.__module__.startswith("plus1.portal"), match


@pytest.mark.django_db
def test_the_private_files_cannot_be_fetched_by_any_public_address(client, stored_document):
    addresses = [
        settings.PRIVATE_MEDIA_URL + stored_document,
        settings.STATIC_URL + stored_document,
        settings.STATIC_URL + "../private-media/" + stored_document,
        "/media/" + stored_document,
        "/" + stored_document,
    ]
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 404, address
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert SECRET not in body, address


def test_staticfiles_and_whitenoise_do_not_know_the_private_files(stored_document):
    assert finders.find(stored_document) is None
    assert Path(private_media_storage.path(stored_document)).is_file()
    assert not _inside(private_media_storage.path(stored_document), settings.STATIC_ROOT)
