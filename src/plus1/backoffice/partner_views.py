"""The back office for chain partners: the zaken shared with them, and only the shared parts.

A partner employee reaches a zaak only through a share in force (``get_shared_zaak``); after
its end date or a revocation the page says so and shows nothing of the zaak. Every view of a
shared zaak or one of its documents is logged for the gemeente that owns it.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST

from plus1.audit.services import Actor
from plus1.cases import selectors, services, timeline
from plus1.cases.exceptions import ZaakError
from plus1.cases.models import ZaakShare
from plus1.cases.shared_data import answers_for_share

from . import forms
from .access import partner_view


def _actor(request: HttpRequest) -> Actor:
    name = request.user.get_full_name() or request.user.get_username()
    return Actor(type="partner", id=str(request.user.pk), label=f"{name} ({request.tenant.name})")


def _ended(request: HttpRequest, share_uuid) -> HttpResponse:
    """A share of this partner that ended: say so, show nothing of the zaak. Anything else: 404."""
    ended = selectors.ended_share_for_partner(partner=request.tenant, share_uuid=share_uuid)
    if ended is None:
        raise Http404
    return render(request, "backoffice/shared_ended.html", {"nav": "shared", "share": ended}, status=404)


def _shared(request: HttpRequest, share_uuid) -> ZaakShare | None:
    """The share in force, with its zaak, after logging this view; None when it is not (any more)."""
    try:
        share = selectors.get_shared_zaak(partner=request.tenant, share_uuid=share_uuid)
    except ZaakShare.DoesNotExist:
        return None
    selectors.record_partner_access(share=share, user=request.user)
    return share


@require_GET
@partner_view
def shared_zaken_view(request: HttpRequest) -> HttpResponse:
    shares = selectors.zaken_shared_with_partner(partner=request.tenant)
    return render(request, "backoffice/shared_zaken.html", {"nav": "shared", "shares": shares})


def _render_shared(request: HttpRequest, share: ZaakShare, *, bound=None, status: int = 200) -> HttpResponse:
    zaak = share.zaak
    bound = bound or {}
    context = {
        "nav": "shared",
        "share": share,
        "zaak": zaak,
        "gemeente": share.tenant,
        "initiator": selectors.initiator_of(zaak) if share.shares_contact_data else None,
        # Only the classes of request fields the share grants (a phone number is contact data).
        "answers": answers_for_share(share),
        "documents": selectors.documents_for_share(share),
        "timeline": timeline.timeline_for_share(share),
        "deadline": selectors.deadline_summary(zaak) if share.shares_status else None,
        "note_form": (bound.get("notitie") or forms.PartnerNoteForm())
        if share.partner_may_add_notes
        else None,
        "document_form": (
            (bound.get("document") or forms.PartnerDocumentForm(zaak=zaak))
            if share.partner_may_add_documents
            else None
        ),
    }
    return render(request, "backoffice/shared_zaak.html", context, status=status)


@require_GET
@partner_view
def shared_zaak_view(request: HttpRequest, share_uuid) -> HttpResponse:
    share = _shared(request, share_uuid)
    if share is None:
        return _ended(request, share_uuid)
    return _render_shared(request, share)


@require_POST
@partner_view
def shared_action_view(request: HttpRequest, share_uuid, action: str) -> HttpResponse:
    if action not in ("notitie", "document"):
        raise Http404
    share = _shared(request, share_uuid)
    if share is None:
        return _ended(request, share_uuid)
    allowed = share.partner_may_add_notes if action == "notitie" else share.partner_may_add_documents
    if not allowed:
        raise PermissionDenied("De gemeente heeft niet afgesproken dat u dit toevoegt.")
    if action == "notitie":
        form = forms.PartnerNoteForm(request.POST)
    else:
        form = forms.PartnerDocumentForm(request.POST, request.FILES, zaak=share.zaak)
    if form.is_valid():
        try:
            if action == "notitie":
                services.add_partner_note(
                    share=share, text=form.cleaned_data["text"], user=request.user, actor=_actor(request)
                )
                message = gettext("Uw notitie is opgeslagen. De gemeente ziet haar bij de zaak.")
            else:
                services.add_partner_document(
                    share=share,
                    informatieobjecttype_id=form.cleaned_data["informatieobjecttype"],
                    upload=form.cleaned_data["file"],
                    actor=_actor(request),
                )
                message = gettext("Het document is toegevoegd. De gemeente ziet het bij de zaak.")
        except ZaakError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, message)
            return redirect(reverse("backoffice:shared-zaak", args=[share.uuid]))
    return _render_shared(request, share, bound={action: form}, status=400)


@require_GET
@partner_view
def shared_document_view(request: HttpRequest, share_uuid, document_uuid) -> HttpResponse:
    share = _shared(request, share_uuid)
    if share is None:
        return _ended(request, share_uuid)
    document = selectors.documents_for_share(share).filter(uuid=document_uuid).first()
    if document is None:
        raise Http404
    response = FileResponse(document.file.open("rb"), content_type=document.content_type)
    response["Content-Disposition"] = content_disposition_header(False, document.filename)
    # A document is shown, never run: no scripts, no same-origin rights.
    response["Content-Security-Policy"] = "sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    return response
