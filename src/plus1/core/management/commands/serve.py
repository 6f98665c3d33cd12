import multiprocessing

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from gunicorn.app.base import BaseApplication

# Path without the query string and no referrer: a query can carry personal data (the DigiD
# mock returns with ?bsn=..., a search holds what a resident typed), and logs must not.
ACCESS_LOG_FORMAT = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(L)ss'


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

    def handle(self, *args, host, port, workers, threads, **options):
        # Collect once at start-up so WhiteNoise can serve compressed, fingerprinted files.
        call_command("collectstatic", interactive=False, verbosity=0)
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
            }
        ).run()
