"""Purpose-bound sharing of one zaak with a chain partner (GGD, schuldhulp, woningcorporatie ...).

The gemeente stays responsible for the data (AVG art. 5: purpose limitation and data
minimisation): it states why it shares and on what legal ground, opens only the parts the
partner needs, for a limited time, and can revoke the share at any moment. The partner can
add notes or documents only when the share allows it, and only while it is in force.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from plus1.audit.services import Actor
from plus1.core import clock
from plus1.tenants.models import Organisation

from ..constants import MAX_SHARE_DAYS, SharePart
from ..exceptions import ShareError
from ..models import InformatieObject, Note, Zaak, ZaakShare
from ..processing import record_change
from .handling import add_zaak_document, lock_zaak, save_locked_zaak


def _snapshot(share: ZaakShare) -> dict:
    return {
        "partner": share.partner.name,
        "purpose": share.purpose,
        "legal_ground": share.legal_ground,
        "parts": [part.value for part in share.parts],
        "partner_may_add_notes": share.partner_may_add_notes,
        "partner_may_add_documents": share.partner_may_add_documents,
        "valid_from": share.valid_from.isoformat(),
        "valid_until": share.valid_until.isoformat(),
    }


@transaction.atomic
def share_zaak(
    *,
    tenant: Organisation,
    zaak: Zaak,
    partner: Organisation,
    purpose: str,
    legal_ground: str,
    parts: Iterable[SharePart | str],
    valid_until: datetime.date,
    actor: Actor,
    user: AbstractBaseUser | None = None,
    partner_may_add_notes: bool = False,
    partner_may_add_documents: bool = False,
) -> ZaakShare:
    """Share ``zaak`` of gemeente ``tenant`` with ``partner`` from today up to ``valid_until``.

    Rules: only a zaak of this gemeente; only with a chain partner; a purpose and a legal
    ground are required; at least one part is shared; the end date lies after today and at
    most MAX_SHARE_DAYS ahead; one share in force per partner and zaak at a time.
    """
    if zaak.tenant_id != tenant.pk:
        raise ShareError("Deze zaak hoort niet bij uw gemeente.")
    if not partner.is_partner:
        raise ShareError("U kunt een zaak alleen delen met een ketenpartner.")
    purpose = purpose.strip()
    legal_ground = legal_ground.strip()
    if not purpose:
        raise ShareError("Schrijf op waarvoor de ketenpartner de gegevens nodig heeft.")
    if not legal_ground:
        raise ShareError("Vul de grondslag in: de wet of afspraak die het delen toestaat.")
    chosen = {SharePart(part) for part in parts}
    if not chosen:
        raise ShareError("Kies wat u deelt: ten minste één onderdeel van de zaak.")
    today = clock.today()
    if valid_until <= today:
        raise ShareError("De einddatum moet na vandaag liggen.")
    if valid_until > today + datetime.timedelta(days=MAX_SHARE_DAYS):
        raise ShareError(f"U kunt een zaak hoogstens {MAX_SHARE_DAYS} dagen (een jaar) delen.")
    zaak = lock_zaak(zaak, None, must_be_open=False)
    running = ZaakShare.objects.for_tenant(tenant).active_on(today).filter(zaak=zaak, partner=partner).first()
    if running is not None:
        raise ShareError(
            f"Deze zaak is al gedeeld met {partner.name} tot en met {running.valid_until:%d-%m-%Y}. "
            "Trek dat eerst in als u iets anders wilt delen."
        )
    share = ZaakShare.objects.create(
        tenant=tenant,
        zaak=zaak,
        partner=partner,
        purpose=purpose[:500],
        legal_ground=legal_ground[:200],
        **{part.value: part in chosen for part in SharePart},
        partner_may_add_notes=partner_may_add_notes,
        partner_may_add_documents=partner_may_add_documents,
        valid_from=today,
        valid_until=valid_until,
        created_by=user,
        created_by_label=actor.label[:255],
    )
    record_change(tenant=tenant, actor=actor, action="share_zaak", obj=share, after=_snapshot(share))
    return share


@transaction.atomic
def revoke_share(
    *, share: ZaakShare, actor: Actor, reason: str = "", user: AbstractBaseUser | None = None
) -> ZaakShare:
    """End a share now; the partner loses access at once. The row stays, for the record."""
    share = ZaakShare.objects.select_for_update().select_related("partner", "tenant").get(pk=share.pk)
    if share.is_revoked:
        raise ShareError("Dit delen is al ingetrokken.")
    share.revoked_at = clock.now()
    share.revoked_by = user
    share.revoked_by_label = actor.label[:255]
    share.revoke_reason = reason.strip()[:500]
    share.save(update_fields=["revoked_at", "revoked_by", "revoked_by_label", "revoke_reason"])
    record_change(
        tenant=share.tenant,
        actor=actor,
        action="revoke_share",
        obj=share,
        before={"valid_until": share.valid_until.isoformat()},
        after={"revoked_at": share.revoked_at.isoformat()},
        note=share.revoke_reason,
    )
    return share


def _in_force(share: ZaakShare) -> ZaakShare:
    current = ZaakShare.objects.select_for_update().select_related("partner", "tenant").get(pk=share.pk)
    if not current.is_active_on(clock.today()):
        raise ShareError("Deze zaak is niet meer met u gedeeld.")
    return current


@transaction.atomic
def add_partner_note(*, share: ZaakShare, text: str, user: AbstractBaseUser, actor: Actor) -> Note:
    """The partner writes a note on the shared zaak; only when the share allows it and is in force."""
    share = _in_force(share)
    if not share.partner_may_add_notes:
        raise ShareError("De gemeente heeft niet afgesproken dat u notities toevoegt.")
    text = text.strip()
    if not text:
        raise ShareError("Een notitie mag niet leeg zijn.")
    zaak = lock_zaak(share.zaak, None, must_be_open=False)
    note = Note.objects.create(
        zaak=zaak,
        author=user,
        author_label=actor.label[:255],
        text=text,
        created_at=clock.now(),
        share=share,
    )
    save_locked_zaak(zaak)
    record_change(
        tenant=share.tenant,
        actor=actor,
        action="add_partner_note",
        obj=zaak,
        after={"note": note.pk, "share": str(share.uuid)},
    )
    return note


@transaction.atomic
def add_partner_document(
    *, share: ZaakShare, informatieobjecttype_id: int, upload: UploadedFile, actor: Actor
) -> InformatieObject:
    """The partner adds a document; checked by content and size like every other upload."""
    share = _in_force(share)
    if not share.partner_may_add_documents:
        raise ShareError("De gemeente heeft niet afgesproken dat u documenten toevoegt.")
    return add_zaak_document(
        zaak=share.zaak,
        informatieobjecttype_id=informatieobjecttype_id,
        upload=upload,
        actor=actor,
        share=share,
    )
