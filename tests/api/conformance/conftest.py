"""The standard's business rules, tested as an outside client would: only over HTTP, only the API.

Each test is named after the rule it checks (``test_zrc_001_...``); ``plus1 zgw-conformance``
runs this folder and writes docs/zgw-conformance.md from the results.
"""

from plus1.api.conftest import zgw_client  # noqa: F401  (the live-server client fixture)
