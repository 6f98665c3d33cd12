"""An audittrail entry shows what was recorded, whole: no value is cut off in the answer."""

from __future__ import annotations

import datetime
import uuid

from plus1.api.common.audittrail import serialize
from plus1.audit.models import AuditEntry


def _entry(**values) -> AuditEntry:
    defaults = {
        "uuid": uuid.uuid4(),
        "actor_id": "medewerker-1",
        "actor_label": "Medewerker",
        "action": "create",
        "object_type": "cases.zaak",
        "object_label": "ZAAK-1",
        "before": None,
        "after": {"omschrijving": "x"},
        "created_at": datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
        "zgw": None,
    }
    return AuditEntry(**{**defaults, **values})


def test_a_long_resource_weergave_is_shown_whole():
    # The label is stored up to 255 characters (AuditEntry.object_label); the document says so.
    label = "Bezwaar tegen " + "de beschikking " * 15
    assert 200 < len(label) <= 255
    answer = serialize(_entry(object_label=label), hoofd_object_url="https://x.nl/zaken/1", bron="zrc")
    assert answer["resourceWeergave"] == label


def test_the_user_is_shown_as_recorded():
    label = "M" * 255
    answer = serialize(
        _entry(actor_id="a" * 100, actor_label=label), hoofd_object_url="https://x.nl/zaken/1", bron="zrc"
    )
    assert answer["gebruikersId"] == "a" * 100 and answer["gebruikersWeergave"] == label
