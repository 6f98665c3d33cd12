"""The ZGW standard's numbered business rules (``rules/*.yaml``) and the report of their tests.

``catalogue`` loads the rules, ``report`` maps the results of tests/api/conformance onto them and
renders docs/zgw-conformance.md; ``plus1 zgw-conformance`` runs both.
"""
