"""Changing a statement: one door, with an audit row (ARCHITECTURE 3)."""

from __future__ import annotations

from django.db import transaction

from plus1.audit.services import Actor, record_change
from plus1.tenants.models import Organisation

from .models import LegalPage


@transaction.atomic
def save_legal_page(*, tenant: Organisation, kind: str, title: str, body: str, actor: Actor) -> LegalPage:
    """Create or replace ``tenant``'s text for ``kind``; the collective's text is every gemeente's default."""
    page = LegalPage.objects.select_for_update().filter(tenant=tenant, kind=kind).first()
    before = {"title": page.title, "body": page.body} if page is not None else None
    if page is None:
        page = LegalPage(tenant=tenant, kind=kind)
    page.title, page.body = title, body
    page.full_clean()
    page.save()
    record_change(
        tenant=tenant,
        actor=actor,
        action="change_legalpage" if before else "create_legalpage",
        obj=page,
        before=before,
        after={"title": title, "body": body},
    )
    return page


@transaction.atomic
def delete_legal_page(*, page: LegalPage, actor: Actor) -> None:
    """Remove a gemeente's own text: its portal shows the collective's default again."""
    record_change(
        tenant=page.tenant,
        actor=actor,
        action="delete_legalpage",
        obj=page,
        before={"title": page.title, "body": page.body},
    )
    page.delete()
