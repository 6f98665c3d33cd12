"""The Klantinteracties APIs (Contactmomenten, Verzoeken): where a zaak's contacts are kept.

The Zaken API relates a zaak to a contactmoment or a verzoek by URL (zaakcontactmomenten,
zaakverzoeken). The standard asks the provider to make the same relation in the API that holds
the contactmoment or verzoek (zrc-025, zrc-024): ``POST /objectcontactmomenten`` or
``POST /objectverzoeken`` with ``{"contactmoment"|"verzoek", "object": <zaak>, "objectType": "zaak"}``,
and to remove it when the zaak's relation goes.

``Klantinteracties`` is the interface; ``KlantinteractiesApi`` talks to the APIs configured
with ``PLUS1_KLANTINTERACTIES_CONTACTMOMENTEN_URL`` / ``..._VERZOEKEN_URL`` (a ZGW JWT from
``..._CLIENT_ID`` and ``..._SECRET``); ``KlantinteractiesSimulator`` keeps the relations in
memory (demo and tests); ``NoKlantinteracties`` mirrors nothing (production without such an
API). ``PLUS1_KLANTINTERACTIES_CLIENT`` chooses; production refuses the simulator
(``plus1.core.simulators``).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import ClassVar, Literal, Protocol

import httpx
import jwt
from django.conf import settings
from django.utils.module_loading import import_string

Kind = Literal["contactmoment", "verzoek"]
# The collection of each kind's mirror in its API.
MIRROR_COLLECTIONS: dict[str, str] = {"contactmoment": "objectcontactmomenten", "verzoek": "objectverzoeken"}
TIMEOUT_SECONDS = 10


class KlantinteractiesError(Exception):
    """The API holding the contactmoment or verzoek did not take the relation."""


@dataclass(frozen=True)
class Relation:
    """A zaak (its Zaken API URL) related to a contactmoment or verzoek (``target``, its URL)."""

    kind: Kind
    target: str
    zaak: str


class Klantinteracties(Protocol):
    def mirror(self, relation: Relation) -> None:
        """Make the relation in the API that holds ``relation.target``."""

    def unmirror(self, relation: Relation) -> None:
        """Remove the relation there; nothing happens when it is not there."""


class NoKlantinteracties:
    """No Klantinteracties API: the zaak keeps its relations, nothing is mirrored."""

    def mirror(self, relation: Relation) -> None:
        return None

    def unmirror(self, relation: Relation) -> None:
        return None


class KlantinteractiesSimulator:
    """Keeps the mirrored relations in memory, as the other API would hold them (demo, tests)."""

    relations: ClassVar[set[Relation]] = set()
    _lock = threading.Lock()

    def mirror(self, relation: Relation) -> None:
        with self._lock:
            KlantinteractiesSimulator.relations.add(relation)

    def unmirror(self, relation: Relation) -> None:
        with self._lock:
            KlantinteractiesSimulator.relations.discard(relation)

    @classmethod
    def mirrored(cls, zaak: str) -> set[tuple[str, str]]:
        """(kind, target) of every relation of ``zaak`` the simulated API holds."""
        with cls._lock:
            return {(relation.kind, relation.target) for relation in cls.relations if relation.zaak == zaak}


class KlantinteractiesApi:
    """The Contactmomenten and Verzoeken APIs of the gemeente, over HTTP.

    Only a contactmoment or verzoek in a configured API is mirrored: a URL elsewhere points at
    an API Plus1 has no link with (and Plus1 does not post to addresses a client chose).
    """

    def __init__(self) -> None:
        self.roots: dict[str, str] = {
            "contactmoment": settings.PLUS1_KLANTINTERACTIES_CONTACTMOMENTEN_URL.rstrip("/"),
            "verzoek": settings.PLUS1_KLANTINTERACTIES_VERZOEKEN_URL.rstrip("/"),
        }
        self.client_id = settings.PLUS1_KLANTINTERACTIES_CLIENT_ID
        self.secret = settings.PLUS1_KLANTINTERACTIES_SECRET

    def _root(self, relation: Relation) -> str | None:
        root = self.roots.get(relation.kind)
        return root if root and relation.target.startswith(f"{root}/") else None

    def _headers(self) -> dict[str, str]:
        now = int(time.time())
        token = jwt.encode(
            {"iss": self.client_id, "iat": now, "client_id": self.client_id, "user_id": "plus1"},
            self.secret,
            algorithm="HS256",
        )
        return {"Authorization": f"Bearer {token}", "Accept": "application/json"}

    def mirror(self, relation: Relation) -> None:
        root = self._root(relation)
        if root is None:
            return
        body = {relation.kind: relation.target, "object": relation.zaak, "objectType": "zaak"}
        try:
            response = httpx.post(
                f"{root}/{MIRROR_COLLECTIONS[relation.kind]}",
                json=body,
                headers=self._headers(),
                timeout=TIMEOUT_SECONDS,
            )
        except httpx.HTTPError as exc:
            raise KlantinteractiesError(f"De Klantinteracties API is niet bereikbaar ({exc}).") from None
        # 400 "unique": the relation is there already (made by the other side).
        if response.status_code not in (200, 201) and not _already_there(response):
            raise KlantinteractiesError(f"De Klantinteracties API antwoordde {response.status_code}.")

    def unmirror(self, relation: Relation) -> None:
        root = self._root(relation)
        if root is None:
            return
        collection = f"{root}/{MIRROR_COLLECTIONS[relation.kind]}"
        try:
            found = httpx.get(
                collection,
                params={relation.kind: relation.target, "object": relation.zaak},
                headers=self._headers(),
                timeout=TIMEOUT_SECONDS,
            )
            found.raise_for_status()
            rows = found.json()
            for row in rows.get("results", []) if isinstance(rows, dict) else rows:
                if row.get("object") == relation.zaak and row.get("url"):
                    httpx.delete(row["url"], headers=self._headers(), timeout=TIMEOUT_SECONDS)
        except (httpx.HTTPError, ValueError) as exc:
            raise KlantinteractiesError(f"De Klantinteracties API is niet bereikbaar ({exc}).") from None


def _already_there(response: httpx.Response) -> bool:
    try:
        params = response.json().get("invalidParams") or []
    except ValueError:
        return False
    return response.status_code == 400 and any(param.get("code") == "unique" for param in params)


def get_klantinteracties() -> Klantinteracties:
    return import_string(settings.PLUS1_KLANTINTERACTIES_CLIENT)()
