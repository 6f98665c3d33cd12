"""The steady load and the subscriber of the cluster failure test (bench/cluster_failover.py).

API threads create zaken over the ZGW Zaken API (a 201 acknowledges the zaak); portal threads
are residents logged in with the DigiD simulator who fill in and send a request form (the
confirmation page acknowledges it). Every attempt is recorded with its times and outcome.
The subscriber is a small threaded HTTP server that records every notification POST with its
Idempotency-Key, so the test can tell a retry of one notification from a second notification.
"""

from __future__ import annotations

import html
import json
import re
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import jwt

# A request that waits longer than this counts as failed (a killed leader can leave a connection hanging).
REQUEST_TIMEOUT = 15.0
# A client waits before trying again (as long as a 503's Retry-After asks, at most 5 s), so the
# error count is about one per second per client while a part is down, not a tight loop.
RETRY_PAUSE = 1.0
HIDDEN_INPUT = re.compile(r"<input[^>]*>", re.IGNORECASE)
ATTRIBUTE = re.compile(r"""([a-zA-Z_:-]+)=(?:"([^"]*)"|'([^']*)')""")
CONFIRMATION = re.compile(r"/mijn-zaken/([A-Z0-9-]+)/$")


@dataclass
class Attempt:
    """One write: an API create or a portal submission, acknowledged or not."""

    kind: str
    started: float
    ended: float
    ok: bool
    ref: str = ""  # the zaak's uuid (API) or identificatie (portal)
    uuid: str | None = None
    error: str = ""


class Subscriber:
    """Records every notification POST: its body and its Idempotency-Key."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.received: list[tuple[str, dict]] = []
        received, lock = self.received, self.lock

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                try:
                    body = json.loads(self.rfile.read(length) or b"{}")
                except ValueError:
                    body = {}
                with lock:
                    received.append((self.headers.get("Idempotency-Key", ""), body))
                self.send_response(204)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/notificaties"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()

    def count(self) -> int:
        with self.lock:
            return len(self.received)

    def _creates(self) -> list[tuple[str, str]]:
        """(zaak uuid, key) of every "zaak create" notification received, retries included."""
        with self.lock:
            return [
                (str(body.get("resourceUrl", "")).rstrip("/").rsplit("/", 1)[-1], key)
                for key, body in self.received
                if body.get("resource") == "zaak" and body.get("actie") == "create"
            ]

    def created_uuids(self) -> set[str]:
        return {uuid for uuid, _key in self._creates()}

    def create_keys(self) -> dict[str, set[str]]:
        """Per zaak, the distinct notifications (Idempotency-Keys) that told of its create."""
        keys: dict[str, set[str]] = {}
        for uuid, key in self._creates():
            keys.setdefault(uuid, set()).add(key)
        return keys

    def duplicates(self) -> dict[str, int]:
        """Per zaak, how many POSTs repeated a notification it already had (same key)."""
        posts: dict[str, int] = {}
        for uuid, _key in self._creates():
            posts[uuid] = posts.get(uuid, 0) + 1
        keys = self.create_keys()
        return {uuid: count - len(keys[uuid]) for uuid, count in posts.items()}


class Load:
    """Threads that write until stopped; ``snapshot`` gives every attempt so far."""

    def __init__(self, base_url: str, data: dict, *, api_threads: int, portal_threads: int):
        self.base_url, self.data = base_url, data
        self.attempts: list[Attempt] = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        # Read-your-writes through the real replica: each create is read back at once by the
        # same client; a 404 is a stale read. Which database answered comes from the
        # X-Plus1-Read-From header (replica or leader).
        self.own_reads: dict[str, int] = {}
        self.stale_reads: list[str] = []
        self.threads = [threading.Thread(target=self._api, daemon=True) for _ in range(api_threads)] + [
            threading.Thread(target=self._portal, args=(index,), daemon=True)
            for index in range(portal_threads)
        ]

    def start(self) -> None:
        for thread in self.threads:
            thread.start()

    def stop(self) -> None:
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=REQUEST_TIMEOUT * 3)

    def snapshot(self) -> list[Attempt]:
        with self.lock:
            return list(self.attempts)

    def _record(self, attempt: Attempt) -> None:
        with self.lock:
            self.attempts.append(attempt)

    def _api(self) -> None:
        data = self.data
        body = {
            "bronorganisatie": data["rsin"],
            "verantwoordelijkeOrganisatie": data["rsin"],
            "zaaktype": f"{self.base_url}{data['zaaktype_path']}",
            "startdatum": time.strftime("%Y-%m-%d"),
            "omschrijving": "Failover-test",
        }
        with httpx.Client(base_url=self.base_url, timeout=REQUEST_TIMEOUT) as client:
            while not self.stopping.is_set():
                token = jwt.encode(
                    {"iss": data["client_id"], "iat": int(time.time()), "client_id": data["client_id"]},
                    data["secret"],
                    algorithm="HS256",
                )
                headers = {
                    "Authorization": f"Bearer {token}",
                    "Accept-Crs": "EPSG:4326",
                    "Content-Crs": "EPSG:4326",
                }
                started = time.monotonic()
                try:
                    response = client.post("/zaken/api/v1/zaken", json=body, headers=headers)
                except httpx.HTTPError as exc:
                    self._record(Attempt("api", started, time.monotonic(), False, error=type(exc).__name__))
                    time.sleep(RETRY_PAUSE)
                    continue
                if response.status_code == 201:
                    url = response.json()["url"]
                    uuid = url.rstrip("/").rsplit("/", 1)[-1]
                    self._record(Attempt("api", started, time.monotonic(), True, ref=uuid, uuid=uuid))
                    self._read_back(client, url, headers, uuid)
                else:
                    self._record(
                        Attempt("api", started, time.monotonic(), False, error=f"HTTP {response.status_code}")
                    )
                    time.sleep(retry_after(response))

    def _read_back(self, client: httpx.Client, url: str, headers: dict, uuid: str) -> None:
        try:
            response = client.get(url, headers=headers)
        except httpx.HTTPError:
            return  # a node going down is not a stale read
        with self.lock:
            if response.status_code == 404:
                self.stale_reads.append(uuid)
            elif response.status_code == 200:
                source = response.headers.get("X-Plus1-Read-From", "unknown")
                self.own_reads[source] = self.own_reads.get(source, 0) + 1

    def _portal(self, index: int) -> None:
        resident = Resident(self.base_url, self.data, bsn=valid_bsn(index))
        try:
            while not self.stopping.is_set():
                started = time.monotonic()
                try:
                    identificatie = resident.submit()
                except (httpx.HTTPError, PortalError) as exc:
                    error = str(exc) if isinstance(exc, PortalError) else type(exc).__name__
                    self._record(Attempt("portal", started, time.monotonic(), False, error=error))
                    time.sleep(RETRY_PAUSE)
                    continue
                self._record(Attempt("portal", started, time.monotonic(), True, ref=identificatie))
        finally:
            resident.client.close()


def retry_after(response: httpx.Response) -> float:
    try:
        return min(max(float(response.headers.get("Retry-After", RETRY_PAUSE)), RETRY_PAUSE), 5.0)
    except ValueError:
        return RETRY_PAUSE


class PortalError(Exception):
    """A portal page that was not what a resident expects (the text says which)."""


def valid_bsn(index: int) -> str:
    """A BSN that passes the eleven test, different per resident (drafts are per person)."""
    number = 999990000 + index * 7
    while True:
        digits = [int(d) for d in f"{number:09d}"]
        if (sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - digits[8]) % 11 == 0:
            return f"{number:09d}"
        number += 1


def form_fields(page: str) -> dict[str, str]:
    """The hidden inputs of a page (csrf token, the draft's id)."""
    fields = {}
    for tag in HIDDEN_INPUT.findall(page):
        attributes = {name: double or single for name, double, single in ATTRIBUTE.findall(tag)}
        if attributes.get("type") == "hidden" and "name" in attributes:
            fields[attributes["name"]] = html.unescape(attributes.get("value", ""))
    return fields


class Resident:
    """A resident in a browser: logs in with the DigiD simulator and sends the request form."""

    def __init__(self, base_url: str, data: dict, *, bsn: str):
        self.base_url, self.data, self.bsn = base_url, data, bsn
        self.client = httpx.Client(base_url=base_url, timeout=REQUEST_TIMEOUT, follow_redirects=True)
        self.prefix = f"/{data['slug']}/aanvragen/{data['process']}"

    def _check(self, response: httpx.Response, what: str) -> httpx.Response:
        if response.status_code >= 400:
            raise PortalError(f"{what}: HTTP {response.status_code}")
        return response

    def _log_in(self, response: httpx.Response) -> httpx.Response:
        """From the DigiD simulator's first page to the page that asked for the log-in."""
        match = re.search(r"""href=["']([^"']*inloggen_bsn[^"']*)["']""", response.text)
        if match is None:
            raise PortalError(f"no DigiD log-in link on {response.url.path}")
        page = self._check(self.client.get(html.unescape(match.group(1))), "DigiD BSN page")
        action = re.search(r"""<form[^>]*method=["']post["'][^>]*action=["']([^"']*)["']""", page.text, re.I)
        target = html.unescape(action.group(1)) if action and action.group(1) else str(page.url)
        fields = form_fields(page.text) | {"auth_bsn": self.bsn}
        return self._check(self.client.post(target, data=fields), "DigiD log-in")

    def _get(self, path: str, what: str) -> httpx.Response:
        response = self._check(self.client.get(path), what)
        if "/digid/" in response.url.path:
            response = self._log_in(response)
        return response

    def submit(self) -> str:
        """Fill in every step and send; returns the zaak's identificatie from the confirmation page."""
        page = self._get(f"{self.prefix}/", "start")
        for number, answers in enumerate(self.data["steps"], start=1):
            if not page.url.path.endswith(f"/stap/{number}/"):
                page = self._get(f"{self.prefix}/stap/{number}/", f"step {number}")
            fields = form_fields(page.text) | answers | {"volgende": ""}
            page = self._check(
                self.client.post(f"{self.prefix}/stap/{number}/", data=fields), f"step {number}"
            )
        if page.url.path.endswith("/documenten/"):
            fields = form_fields(page.text) | {"volgende": ""}
            page = self._check(self.client.post(page.url.path, data=fields), "documents")
        if not page.url.path.endswith("/controleren/"):
            raise PortalError(f"expected the summary, got {page.url.path}")
        page = self._check(self.client.post(page.url.path, data=form_fields(page.text)), "send")
        if "/digid/" in page.url.path:  # a sensitive step after an old log-in: DigiD again
            page = self._log_in(page)
            page = self._check(self.client.post(page.url.path, data=form_fields(page.text)), "send")
        match = CONFIRMATION.search(page.url.path)
        if match is None:
            raise PortalError(f"no confirmation page, got {page.url.path}")
        return match.group(1)
