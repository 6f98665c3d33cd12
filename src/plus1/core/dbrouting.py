"""Reads that may be slightly behind go to a streaming replica; a writer's own reads never do.

With ``PLUS1_DATABASE_REPLICA_URL`` set the settings add ``DATABASES["replica"]`` and this
router. Without it nothing here runs: no router, and the middleware passes requests straight on.

Which reads may use the replica (``ReplicaReadMiddleware``): only those of a GET or HEAD whose
view is listed in ``PLUS1_REPLICA_READ_VIEWS`` (portal product pages, ZGW lists and details,
back-office dashboards). Everything else stays on the leader: every write, every read inside a
transaction on the leader, every read after the request wrote, and the session and task tables.

Read-your-writes: when a request wrote, the leader's WAL position is kept after it, for the
visitor's session or the API client (in the cache, ``PLUS1_REPLICA_WRITE_MEMORY_SECONDS``). A
later lag-tolerant request uses the replica only when the replica has replayed at least that
position (one query, ``pg_last_wal_replay_lsn()``); otherwise it reads from the leader. So a
resident who just submitted sees their zaak, and a client reads its own create.

A replica that cannot be reached (refused, timed out, broken connection) is skipped for
``PLUS1_REPLICA_RETRY_SECONDS`` by this process; reads go to the leader without an error.

Every response says where its reads came from in ``X-Plus1-Read-From: replica|leader`` (only
when a replica is configured), so a cluster test can see the routing work.
"""

from __future__ import annotations

import contextlib
import contextvars
import fnmatch
import hashlib
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import jwt
from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import DatabaseError, InterfaceError, connections
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger(__name__)

LEADER = "default"
REPLICA = "replica"
HEADER = "X-Plus1-Read-From"
# Where a visitor's last write position is kept (portal and back office).
SESSION_KEY = "plus1_wal_position"
# Never from the replica: the session that holds the write position itself, and the task queue.
LEADER_ONLY_APPS = frozenset({"sessions", "django_tasks_db"})
# A required position meaning "whatever the leader has written by now".
LEADER_NOW = -1
# The first word of a statement that changes nothing; anything else counts as a write.
_READ_STARTS = ("SELECT", "(SELECT", "SAVEPOINT", "RELEASE", "ROLLBACK", "SHOW")


def replica_configured() -> bool:
    return REPLICA in connections.settings


def parse_lsn(text: str) -> int:
    """A PostgreSQL WAL position ("16/B374D848") as a number that compares."""
    high, low = text.split("/")
    return (int(high, 16) << 32) + int(low, 16)


def leader_position() -> int:
    """The leader's WAL insert position now: at or past the end of every commit made so far."""
    with connections[LEADER].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_insert_lsn()::text")
        return parse_lsn(cursor.fetchone()[0])


def replica_position() -> int | None:
    """How far the replica has replayed the WAL; None when it is not replaying (a leader)."""
    with connections[REPLICA].cursor() as cursor:
        cursor.execute("SELECT pg_last_wal_replay_lsn()::text")
        value = cursor.fetchone()[0]
    return None if value is None else parse_lsn(value)


# Process-local circuit breaker: until when (time.monotonic) the replica is not tried again.
_skip_until: dict[str, float] = {}


def replica_usable(required: int | None) -> bool:
    """Whether the replica answers and has replayed ``required`` (None: any position)."""
    if time.monotonic() < _skip_until.get(REPLICA, 0.0):
        return False
    try:
        replayed = replica_position()
    except (DatabaseError, InterfaceError) as exc:
        seconds = getattr(settings, "PLUS1_REPLICA_RETRY_SECONDS", 10)
        _skip_until[REPLICA] = time.monotonic() + seconds
        logger.warning("Replica not reachable, reading from the leader for %s s: %s", seconds, exc)
        if replica_configured():
            with contextlib.suppress(DatabaseError, InterfaceError):
                connections[REPLICA].close()
        return False
    return replayed is None or required is None or replayed >= required


def reset_breaker() -> None:
    """Try the replica again at the next read (tests; after an operator fixed it)."""
    _skip_until.clear()


def lag_tolerant(view_name: str) -> bool:
    return any(fnmatch.fnmatchcase(view_name, pattern) for pattern in settings.PLUS1_REPLICA_READ_VIEWS)


@dataclass
class RequestReads:
    """What one request may read from where, and what it did."""

    tolerant: bool = False
    required: int | None = None
    wrote: bool = False
    # None until the first read asks: then whether this request reads from the replica.
    replica_ok: bool | None = None
    served_by_replica: bool = False

    def watch(self, execute: Callable, sql: Any, params: Any, many: bool, context: dict) -> Any:
        """Execute wrapper on the leader: note the first statement that may change data."""
        if not self.wrote and not (
            isinstance(sql, str) and sql.lstrip()[:10].upper().startswith(_READ_STARTS)
        ):
            self.wrote = True
        return execute(sql, params, many, context)

    def read_from(self) -> str:
        if not self.tolerant or self.wrote or connections[LEADER].in_atomic_block:
            return LEADER
        if self.replica_ok is None:
            if self.required == LEADER_NOW:
                self.required = leader_position()
            self.replica_ok = replica_usable(self.required)
        if self.replica_ok:
            self.served_by_replica = True
            return REPLICA
        return LEADER


_current: contextvars.ContextVar[RequestReads | None] = contextvars.ContextVar("plus1_reads", default=None)


@contextlib.contextmanager
def request_reads(reads: RequestReads) -> Iterator[RequestReads]:
    """Route the reads of the code inside by ``reads`` (the middleware does this per request)."""
    token = _current.set(reads)
    try:
        yield reads
    finally:
        _current.reset(token)


class ReplicaRouter:
    """Sends a read to the replica only inside a lag-tolerant request that may use it."""

    def db_for_read(self, model: type, **hints: Any) -> str:
        reads = _current.get()
        if reads is None or model._meta.app_label in LEADER_ONLY_APPS:
            return LEADER
        return reads.read_from()

    def db_for_write(self, model: type, **hints: Any) -> str:
        return LEADER

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        # One database seen through two connections: instances read from the replica can be
        # related to and saved with those of the leader.
        if {obj1._state.db, obj2._state.db} <= {LEADER, REPLICA}:
            return True
        return None

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        return False if db == REPLICA else None


def _client_key(client_id: str) -> str:
    return "plus1:wal:" + hashlib.sha256(client_id.encode()).hexdigest()[:32]


def _claimed_client(request: HttpRequest) -> str | None:
    """The client_id a ZGW token claims, unverified: it only picks where reads come from."""
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        return None
    try:
        claims = jwt.decode(header[7:], options={"verify_signature": False})
    except jwt.PyJWTError:
        return None
    client_id = claims.get("client_id") if isinstance(claims, dict) else None
    return client_id if isinstance(client_id, str) and client_id else None


def client_positions_shared() -> bool:
    """Whether every app process sees the positions kept for API clients (not a local cache)."""
    return not isinstance(caches["default"], LocMemCache)


def _recorded_position(request: HttpRequest) -> int | None:
    client_id = _claimed_client(request)
    if client_id is not None:
        if not client_positions_shared():
            # Kept in this process only: with a second app node the client's write may have
            # gone through the other. Ask for all the leader has now instead.
            return LEADER_NOW
        return cache.get(_client_key(client_id))
    session = getattr(request, "session", None)
    return session.get(SESSION_KEY) if session is not None else None


def _remember_position(request: HttpRequest) -> None:
    try:
        position = leader_position()
    except (DatabaseError, InterfaceError):
        logger.warning("Could not read the leader's WAL position after a write", exc_info=True)
        return
    # The verified client of a ZGW request (set by the API's authentication).
    client_id = getattr(getattr(request, "auth", None), "client_id", None)
    if isinstance(client_id, str) and client_id:
        seconds = getattr(settings, "PLUS1_REPLICA_WRITE_MEMORY_SECONDS", 60)
        cache.set(_client_key(client_id), position, seconds)
    elif getattr(request, "session", None) is not None:
        request.session[SESSION_KEY] = position


class ReplicaReadMiddleware:
    """Marks lag-tolerant requests, watches for writes, and keeps the writer's WAL position.

    After the session middleware (it keeps the position in the session, saved after it).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not replica_configured():
            return self.get_response(request)
        with request_reads(RequestReads()) as reads:
            with connections[LEADER].execute_wrapper(reads.watch):
                response = self.get_response(request)
            if reads.wrote:
                _remember_position(request)
        response[HEADER] = "replica" if reads.served_by_replica else "leader"
        return response

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> None:
        reads = _current.get()
        match = request.resolver_match
        if reads is None or request.method not in ("GET", "HEAD") or match is None:
            return
        if reads.wrote or not lag_tolerant(match.view_name):
            return
        reads.required = _recorded_position(request)
        reads.tolerant = True
