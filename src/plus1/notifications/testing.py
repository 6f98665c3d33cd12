"""A real subscriber for tests: a small HTTP server on 127.0.0.1 that records what is posted to it."""

from __future__ import annotations

import json
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Subscriber:
    url: str
    received: list[dict] = field(default_factory=list)
    headers: list[dict] = field(default_factory=list)
    # The headers of every request, also of those answered with an error.
    attempts: list[dict] = field(default_factory=list)
    # The answers to give, in order; then 204 for everything.
    answers: list[int] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None

    def wrap_tls(self, context: ssl.SSLContext) -> None:
        """Answer over https from now on (the url keeps its port and host)."""
        assert self.server is not None
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)


@contextmanager
def running_subscriber() -> Iterator[Subscriber]:
    state = Subscriber(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            status = state.answers.pop(0) if state.answers else 204
            state.attempts.append(dict(self.headers))
            if status < 300:
                state.received.append(json.loads(body))
                state.headers.append(dict(self.headers))
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.server = server
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_port}/callback"
    yield state
    server.shutdown()
    server.server_close()


ZAAK_URL = "https://plus1.example.nl/zaken/api/v1/zaken/0b6e4a4e-7b1f-4d6c-9a3e-1c2d3e4f5a6b"


def publish_zaak_created(gemeente, kenmerken: dict[str, str] | None = None):
    """Publish one "zaak created" notification on kanaal ``zaken`` of ``gemeente`` (tests)."""
    from plus1.notifications import services

    return services.publish(
        tenant=gemeente,
        kanaal="zaken",
        hoofd_object=ZAAK_URL,
        resource="zaak",
        resource_url=ZAAK_URL,
        actie="create",
        kenmerken=kenmerken or {},
    )
