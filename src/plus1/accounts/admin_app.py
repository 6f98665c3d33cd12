"""Django's admin app with Plus1's admin site (``admin_site.Plus1AdminSite``) as ``admin.site``.

Listed in ``INSTALLED_APPS`` instead of ``django.contrib.admin``: Django's documented way to
replace the default admin site. A module of its own, because app configs are imported before
the models are ready and the site needs the auth views.
"""

from django.contrib.admin.apps import AdminConfig


class Plus1AdminConfig(AdminConfig):
    default_site = "plus1.accounts.admin_site.Plus1AdminSite"
