import ctypes
import errno
import gc
import multiprocessing
import os
import signal
import socket
import sys
import time
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.dispatch import Signal
from gunicorn.app.base import BaseApplication

# Path without the query string and no referrer: a query can carry personal data (the DigiD
# mock returns with ?bsn=..., a search holds what a resident typed), and logs must not.
ACCESS_LOG_FORMAT = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(L)ss'
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def die_with_master(arbiter: Any, worker: Any) -> None:
    """gunicorn ``post_fork`` hook, run in each new worker: the worker ends when its master ends.

    Without it, after a kill -9 of the master its workers went on: they notice a changed parent
    only between requests and then drain their connections while holding the listening socket,
    so a restart found the port taken and gave up. The kernel now sends SIGKILL the moment the
    master is gone (PR_SET_PDEATHSIG). SIGKILL rather than SIGTERM: nobody supervises these
    workers any more, and a graceful drain would keep the port for up to graceful_timeout; what
    was in flight is cut as in any crash (each request's transaction rolls back as a whole).
    A normal stop is unaffected: the master ends its workers before it exits itself. (The
    signal follows the thread that forked; gunicorn forks from its main thread, which lives as
    long as the master.)
    """
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            arbiter.log.warning(
                "Worker %s cannot follow its master (prctl errno %s)", os.getpid(), ctypes.get_errno()
            )
    # The master may have died between fork() and prctl(): no signal will come for that, but
    # our parent is then another process.
    if os.getppid() != worker.ppid:
        os._exit(0)


# Sent in the master before each worker is forked: apps build their per-process caches here (the
# router's index, plus1.catalog), so every worker starts with them and the first question in a
# worker does not pay for them. Receivers must be cheap when called again and close what they open.
before_fork = Signal()


def freeze_before_fork(arbiter: Any, worker: Any) -> None:
    """gunicorn ``pre_fork`` hook, run in the master: what the preloaded app made is kept out of GC.

    Python's cyclic garbage collector walks every tracked object on a full collection; after the
    preload those are Django, the URLconf and the API schemas, which live as long as the
    process. A large answer (the widest allowed ``expand``) allocates enough to start full
    collections, and walking all of that made one request in ten take three to four times the
    median (bench/expand_bench.py). ``gc.freeze()`` moves them to the permanent generation, as
    the Python documentation advises before fork; it also keeps their memory pages shared
    between master and workers. The ``before_fork`` receivers run first, so what they build is
    frozen and shared too.
    """
    before_fork.send(sender=None)
    gc.freeze()


def wait_until_free(host: str, port: int, *, timeout: float) -> bool:
    """Wait until ``host:port`` can be bound (as gunicorn binds, with SO_REUSEADDR); False at timeout.

    gunicorn itself tries five times a second apart. The port stays taken a little longer when
    the workers of a crashed master (or another server) still hold it; rather than give up
    and leave the service down, the restart waits for it. No SO_REUSEPORT (gunicorn's
    reuse_port): with it a second server of the same user on the same port would quietly take
    part of the requests (an old version after a deploy, a second start by mistake) instead of
    failing loudly, and drained old workers would still be handed new connections.
    """
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    deadline = time.monotonic() + timeout
    while True:
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(address)
                return True
            except OSError as exc:
                if exc.errno != errno.EADDRINUSE or time.monotonic() >= deadline:
                    return False
        time.sleep(0.2)


class _Gunicorn(BaseApplication):
    def __init__(self, options: dict):
        self.options = options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from plus1.wsgi import application

        return application


class Command(BaseCommand):
    help = "Serve Plus1 with gunicorn (static files included, through WhiteNoise)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument(
            "--workers", type=int, default=min(4, multiprocessing.cpu_count() * 2), help="worker processes"
        )
        parser.add_argument("--threads", type=int, default=4, help="threads per worker")
        parser.add_argument(
            "--no-collectstatic",
            action="store_false",
            dest="collectstatic",
            help="serve the static files collected before (an image built with them, a quick restart)",
        )
        parser.add_argument(
            "--bind-wait",
            type=float,
            default=30,
            help="seconds to wait for the port while another process still holds it",
        )

    def handle(self, *args, host, port, workers, threads, bind_wait, collectstatic, **options):
        if collectstatic:
            # Collect once at start-up so WhiteNoise can serve compressed, fingerprinted files.
            call_command("collectstatic", interactive=False, verbosity=0)
        if not wait_until_free(host, port, timeout=0):
            self.stdout.write(
                f"Poort {port} is nog bezet (een vorige server?); ik wacht er tot {bind_wait:g} s op."
            )
            if not wait_until_free(host, port, timeout=bind_wait):
                raise CommandError(f"Poort {port} op {host} is na {bind_wait:g} seconden nog bezet.")
        self.stdout.write(f"Plus1 draait op http://{host}:{port}/  (stoppen: Ctrl+C)")
        _Gunicorn(
            {
                "bind": f"{host}:{port}",
                "workers": workers,
                "threads": threads,
                "worker_class": "gthread",
                "accesslog": "-",
                "access_log_format": ACCESS_LOG_FORMAT,
                "timeout": 60,
                "preload_app": True,
                "proc_name": f"plus1 ({settings.SETTINGS_MODULE})",
                "pre_fork": freeze_before_fork,
                "post_fork": die_with_master,
                # gunicorn 27's control socket: one path per user (~/.gunicorn/gunicorn.ctl),
                # taken over by each instance in turn, and Plus1 does not use it.
                "control_socket_disable": True,
            }
        ).run()
