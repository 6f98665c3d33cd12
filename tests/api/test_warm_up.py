"""The official ZGW documents are parsed with the URLconf, not in the first write of a process.

Parsed in pure Python they cost seconds of CPU; a freshly started app node answered its first
creates only after 50-150 s on a loaded machine.
"""

import plus1.urls  # noqa: F401  (the URLconf every serving process imports at start-up)
from plus1.api.registry import APIS, official_document


def test_every_official_document_is_parsed_when_the_urlconf_is_loaded():
    assert official_document.cache_info().currsize == len(APIS)


def test_a_document_is_parsed_once_per_process():
    assert official_document("zaken") is official_document("zaken")
    assert official_document("zaken")["info"]["version"] == APIS["zaken"].version
