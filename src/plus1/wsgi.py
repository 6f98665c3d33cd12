import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plus1.conf.dev")

application = get_wsgi_application()

# Import the URLconf now, with every API and its schemas (seconds of CPU), and not in the
# first request each process answers. With gunicorn's preload (``plus1 serve``) the master
# does it once and every worker starts with it done.
get_resolver().url_patterns  # noqa: B018
