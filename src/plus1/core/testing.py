"""Test helpers shared by apps: logging in to the admin, posting the admin's own forms back, and
running functions in parallel transactions (PostgreSQL race tests)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from django import forms
from django.db import connections
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice


def log_in_to_admin(client: Any, user: Any) -> Any:
    """Log ``user`` in as after password and authenticator code: the admin admits no less.

    A plain ``force_login`` is a session without the second factor, which the admin sends to
    the log-in page.
    """
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=True)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def admin_change_form_data(response: Any) -> dict[str, Any]:
    """What the admin's change form in ``response`` would post back unchanged, inlines included."""
    data: dict[str, Any] = {}
    form = response.context["adminform"].form
    for name, field in form.fields.items():
        value = form[name].value()
        # A file field left out keeps its file, as in the browser.
        if value is not None and not isinstance(field, forms.FileField):
            data[name] = value
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for name in formset.management_form.fields:
            value = formset.management_form[name].value()
            data[f"{formset.prefix}-{name}"] = "" if value is None else value
        for sub in formset.forms:
            for name in sub.fields:
                value = sub[name].value()
                if value not in (None, False):
                    data[sub.add_prefix(name)] = value
    return data


def in_parallel(*functions: Callable[[], Any]) -> list[Any]:
    """Run the functions in threads that start together; returns what each returned or raised.

    Each thread has its own database connection, so on PostgreSQL the functions really race
    (SQLite has one writer at a time and cannot).
    """
    barrier = threading.Barrier(len(functions))
    results: list[Any] = [None] * len(functions)

    def run(index: int, function: Callable[[], Any]) -> None:
        try:
            barrier.wait()
            results[index] = function()
        except Exception as exc:  # the test looks at it
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, f)) for i, f in enumerate(functions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results
