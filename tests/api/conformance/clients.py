"""What every rule test does as a client first: absolute URLs and a document of its own."""

from __future__ import annotations

import base64

EIO = "/documenten/api/v1/enkelvoudiginformatieobjecten"
RSIN = "100000009"  # gemeente A's RSIN (the root conftest)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def absolute(client, path: str) -> str:
    return str(client.base_url).rstrip("/") + path


def document_body(iot: str, **overrides) -> dict:
    return {
        "bronorganisatie": RSIN,
        "creatiedatum": "2026-11-30",
        "titel": "Brief aan de aanvrager",
        "auteur": "Team Vergunningen",
        "taal": "dut",
        "bestandsnaam": "brief.pdf",
        "formaat": "application/pdf",
        "inhoud": base64.b64encode(PDF).decode(),
        "informatieobjecttype": iot,
        **overrides,
    }


def new_document(client, iot: str, **overrides) -> dict:
    created = client.post(EIO, json=document_body(iot, **overrides))
    assert created.status_code == 201, created.text
    return created.json()
