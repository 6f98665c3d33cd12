"""The zaak detail page and its actions. Thin: parse the form, call the service, show the result.

Each action posts to its own URL with the version of the zaak the employee saw. A rule the
service refuses, or a change somebody else made first, shows the page again with the
employee's input kept and the reason in plain Dutch.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST

from plus1.audit.services import Actor
from plus1.cases import policies, selectors, services
from plus1.cases.exceptions import ZaakConflict, ZaakError
from plus1.cases.models import Zaak
from plus1.cases.processing import Purpose
from plus1.cases.reachability import why_initiator_cannot_answer
from plus1.cases.timeline import timeline_for_zaak
from plus1.feedback.services import invite_on_commit
from plus1.incidents.safety_signal import safety_signal_for_zaak
from plus1.tenants.models import Organisation

from . import forms, next_step, zaak_parts
from .access import employee_view

# The newest entries of the timeline shown at the top; the rest behind "Hele tijdlijn".
RECENT_TIMELINE = 5


@dataclass(frozen=True)
class Action:
    form: type[forms.ZaakActionForm]
    perform: Callable[[HttpRequest, Zaak, dict], str]
    is_shown: Callable[[Zaak], bool]
    is_allowed: Callable[..., bool] = policies.can_change_zaak


def _actor(request: HttpRequest) -> Actor:
    return request.actor


def _claim(request, zaak, data):
    services.claim_zaak(zaak=zaak, user=request.user, actor=_actor(request), expected_version=data["version"])
    return gettext("U behandelt deze zaak nu.")


def _status(request, zaak, data):
    services.set_status(
        zaak=zaak,
        statustype=data["statustype"],
        note=data["note"],
        actor=_actor(request),
        expected_version=data["version"],
    )
    invite_on_commit(zaak)  # klantwaardering, if this status ended the zaak
    return gettext("De status is nu '%(status)s'.") % {"status": data["statustype"].omschrijving}


def _ask(request, zaak, data):
    services.request_information(
        zaak=zaak,
        question=data["question"],
        answer_due_on=data["answer_due_on"],
        actor=_actor(request),
        expected_version=data["version"],
        document_type_id=data.get("document_type"),
    )
    return gettext(
        "De vraag staat klaar in Mijn zaken van de inwoner. "
        "Zolang het antwoord er niet is, staat de termijn stil."
    )


def _resume(request, zaak, data):
    services.resume_zaak(
        zaak=zaak, note=data["note"], actor=_actor(request), expected_version=data["version"]
    )
    return gettext("De termijn loopt weer.")


def _extend(request, zaak, data):
    services.extend_zaak(
        zaak=zaak, reason=data["reason"], actor=_actor(request), expected_version=data["version"]
    )
    return gettext("De termijn is verlengd. De inwoner krijgt bericht met de reden.")


def _note(request, zaak, data):
    services.add_note(zaak=zaak, text=data["text"], author=request.user, actor=_actor(request))
    return gettext("De notitie is opgeslagen.")


def _link(request, zaak, data):
    services.link_zaken(
        zaak=zaak,
        other_identificatie=data["other"],
        relation=data["relation"],
        actor=_actor(request),
        expected_version=data["version"],
    )
    return gettext("Zaak %(other)s is gekoppeld.") % {"other": data["other"]}


def _unlink(request, zaak, data):
    services.unlink_zaken(
        zaak=zaak, link_id=data["link"], actor=_actor(request), expected_version=data["version"]
    )
    return gettext("De koppeling is verwijderd.")


def _document(request, zaak, data):
    services.add_zaak_document(
        zaak=zaak,
        informatieobjecttype_id=data["informatieobjecttype"],
        upload=data["file"],
        actor=_actor(request),
    )
    return gettext("Het document is toegevoegd.")


def _decide(request, zaak, data):
    besluittype = zaak.zaaktype.besluittypen.get(pk=data["besluittype"])
    besluit = services.decide_zaak(
        zaak=zaak,
        besluittype=besluittype,
        decided_on=data["decided_on"],
        effective_on=data["effective_on"],
        expires_on=data["expires_on"],
        toelichting=data["toelichting"],
        actor=_actor(request),
        expected_version=data["version"],
    )
    return gettext("Besluit %(besluit)s is vastgelegd; de besluitbrief staat bij de documenten.") % {
        "besluit": besluit.identificatie
    }


def _close(request, zaak, data):
    resultaattype = zaak.zaaktype.resultaattypen.get(pk=data["resultaattype"])
    services.close_zaak(
        zaak=zaak,
        resultaattype=resultaattype,
        toelichting=data["toelichting"],
        actor=_actor(request),
        expected_version=data["version"],
    )
    invite_on_commit(zaak)  # klantwaardering
    return gettext("De zaak is afgesloten met resultaat '%(resultaat)s'.") % {
        "resultaat": resultaattype.omschrijving
    }


def _reopen(request, zaak, data):
    services.reopen_zaak(
        zaak=zaak, reason=data["reason"], actor=_actor(request), expected_version=data["version"]
    )
    return gettext("De zaak is weer open.")


def _share(request, zaak, data):
    share = services.share_zaak(
        tenant=request.tenant,
        zaak=zaak,
        partner=data["partner"],
        purpose=data["purpose"],
        legal_ground=data["legal_ground"],
        parts=data["parts"],
        valid_until=data["valid_until"],
        partner_may_add_notes="partner_may_add_notes" in data["partner_may"],
        partner_may_add_documents="partner_may_add_documents" in data["partner_may"],
        actor=_actor(request),
        user=request.user,
    )
    return gettext("De zaak is gedeeld met %(partner)s tot en met %(date)s.") % {
        "partner": share.partner.name,
        "date": f"{share.valid_until:%d-%m-%Y}",
    }


def _has_next_status(zaak: Zaak) -> bool:
    return zaak.is_open and bool(forms.next_statuses(zaak))


ACTIONS: dict[str, Action] = {
    "oppakken": Action(forms.ClaimForm, _claim, lambda z: z.is_open and z.assignee_id is None),
    "status": Action(forms.StatusForm, _status, _has_next_status),
    "vraag": Action(
        forms.InformationRequestForm,
        _ask,
        # Only when the initiator can log in to Mijn zaken to answer (cases/reachability.py).
        lambda z: (
            z.is_open
            and selectors.open_information_request(z) is None
            and why_initiator_cannot_answer(z) is None
        ),
    ),
    "hervatten": Action(forms.ResumeForm, _resume, lambda z: z.is_open and z.is_suspended),
    "verlengen": Action(
        forms.ExtendForm, _extend, lambda z: z.is_open and z.zaaktype.extension_allowed and not z.is_extended
    ),
    "notitie": Action(forms.NoteForm, _note, lambda z: True),
    "koppelen": Action(forms.LinkForm, _link, lambda z: True),
    # One button per related zaak (in "Gerelateerde zaken"), not an action card of its own.
    "ontkoppelen": Action(forms.UnlinkForm, _unlink, lambda z: False),
    "document": Action(forms.DocumentForm, _document, lambda z: z.zaaktype.document_types.exists()),
    "besluit": Action(forms.DecideForm, _decide, lambda z: z.is_open and z.zaaktype.besluittypen.exists()),
    "afsluiten": Action(forms.CloseForm, _close, lambda z: z.is_open),
    "heropenen": Action(forms.ReopenForm, _reopen, lambda z: not z.is_open),
    "delen": Action(
        forms.ShareForm, _share, lambda z: Organisation.objects.partners().exists(), policies.can_share
    ),
}


def _purpose(request: HttpRequest) -> Purpose:
    match = request.resolver_match
    return Purpose.handling(request.actor, operation=match.view_name if match else "")


def _get_zaak(request: HttpRequest, identificatie: str) -> Zaak:
    try:
        zaak = selectors.get_zaak_for_employee(
            tenant=request.tenant, identificatie=identificatie, purpose=_purpose(request)
        )
    except Zaak.DoesNotExist as exc:
        raise Http404 from exc
    if not policies.can_view_zaak(request.user, zaak):
        raise Http404
    return zaak


def _render_detail(
    request: HttpRequest,
    zaak: Zaak,
    *,
    bound: dict[str, forms.ZaakActionForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    can_change = policies.can_change_zaak(request.user, zaak)
    bound = bound or {}
    situation = next_step.situation_of(zaak)
    actions: dict[str, forms.ZaakActionForm] = {}
    if can_change:
        for name, action in ACTIONS.items():
            if not action.is_allowed(request.user, zaak):
                continue
            if action.is_shown(zaak) or name in bound:
                actions[name] = bound.get(name) or action.form(zaak=zaak)
    plan = next_step.plan(situation, actions)
    for name, reason in plan.unfit.items():
        if name not in bound:
            next_step.require_confirmation(actions[name], reason)
    # Forms open one at a time: the one just sent (with its errors), or the one asked for.
    chosen = request.GET.get("actie", "")
    open_action = next(iter(bound), None) or (chosen if chosen in actions else None)
    timeline = timeline_for_zaak(zaak)
    initiator = next((r for r in zaak.rollen.all() if r.roltype.generic == "initiator"), None)
    context = {
        "nav": "inbox",
        "zaak": zaak,
        "initiator": initiator,
        # Rollen an application adds through the Zaken API (a belanghebbende, an adviseur ...).
        "other_rollen": [rol for rol in zaak.rollen.all() if rol is not initiator],
        "timeline": timeline[:RECENT_TIMELINE],
        "older_timeline": timeline[RECENT_TIMELINE:],
        "links": zaak.links.all(),
        "linked_from": selectors.zaken_linking_to(zaak),
        # Every document of the zaak, also those an application linked from another zaak.
        "documents": selectors.all_documents(zaak),
        # What other systems add through the Zaken API, in plain words.
        "zaakobjecten": zaak_parts.object_rows(zaak.zaakobjecten.all()),
        "geometry": zaak_parts.geometry_summary(zaak.zaakgeometrie),
        "zaakcontactmomenten": zaak.zaakcontactmomenten.all(),
        "zaakverzoeken": zaak.zaakverzoeken.all(),
        "besluiten": zaak.besluiten.all(),
        "open_question": selectors.open_information_request(zaak),
        # Why "Informatie opvragen" is not offered, for a zaak whose initiator cannot answer.
        "cannot_ask": why_initiator_cannot_answer(zaak) if zaak.is_open else None,
        "deadline": selectors.deadline_summary(zaak),
        "can_change": can_change,
        "next_step": plan.next_step,
        "first_action": (plan.first, actions[plan.first]) if plan.first else None,
        "other_actions": [(name, actions[name]) for name in plan.others],
        "unfit_actions": [(name, actions[name]) for name in plan.unfit],
        "open_action": open_action,
        "shares": selectors.share_overview(zaak),
        "can_share": policies.can_share(request.user, zaak),
        # A running maatregel towards one of the zaak's people: whom to contact first (issue 20).
        "safety_signal": safety_signal_for_zaak(zaak=zaak, viewer=request.user, purpose=_purpose(request)),
    }
    return render(request, "backoffice/zaak_detail.html", context, status=status)


@require_GET
@employee_view
def zaak_detail_view(request: HttpRequest, identificatie: str) -> HttpResponse:
    return _render_detail(request, _get_zaak(request, identificatie))


@require_POST
@employee_view
def zaak_action_view(request: HttpRequest, identificatie: str, action: str) -> HttpResponse:
    zaak = _get_zaak(request, identificatie)
    spec = ACTIONS.get(action)
    if spec is None:
        raise Http404
    if not spec.is_allowed(request.user, zaak):
        raise PermissionDenied("Alleen het team van deze zaak kan haar wijzigen.")
    form = spec.form(request.POST, request.FILES, zaak=zaak)
    # An action that does not fit the status now needs the case handler's tick (next_step.py).
    reason = next_step.why_unfit(next_step.situation_of(zaak), action)
    if reason:
        next_step.require_confirmation(form, reason)
    status = 400
    if form.is_valid():
        try:
            message = spec.perform(request, zaak, form.cleaned_data)
        except ZaakConflict as exc:
            # Show the newest state; keep the input, now on the current version, to send again.
            data = request.POST.copy()
            data[form.add_prefix("version")] = str(exc.current_version)
            form = spec.form(data, zaak=zaak)
            if reason:
                next_step.require_confirmation(form, reason)
            form.full_clean()
            form.add_error(None, str(exc))
            status = 409
        except ZaakError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, message)
            return redirect(reverse("backoffice:zaak-detail", args=[zaak.identificatie]))
    return _render_detail(request, _get_zaak(request, identificatie), bound={action: form}, status=status)


@require_GET
@employee_view
def zaak_document_view(request: HttpRequest, identificatie: str, document_uuid) -> FileResponse:
    zaak = _get_zaak(request, identificatie)
    try:
        document = selectors.get_zaak_document(
            zaak=zaak, document_uuid=document_uuid, purpose=_purpose(request), include_linked=True
        )
    except (ObjectDoesNotExist, ValidationError) as exc:
        raise Http404 from exc
    response = FileResponse(document.file.open("rb"), content_type=document.content_type)
    response["Content-Disposition"] = content_disposition_header(False, document.filename)
    # A document is shown, never run: no scripts, no same-origin rights.
    response["Content-Security-Policy"] = "sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
@employee_view
def share_revoke_view(request: HttpRequest, identificatie: str, share_uuid) -> HttpResponse:
    """Revoke one share of this zaak at once; the partner loses access on the next page view."""
    zaak = _get_zaak(request, identificatie)
    share = selectors.shares_for_zaak(zaak).filter(uuid=share_uuid).first()
    if share is None:
        raise Http404
    if not policies.can_share(request.user, zaak):
        raise PermissionDenied("Alleen het team van deze zaak kan delen intrekken.")
    form = forms.RevokeShareForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        services.revoke_share(share=share, reason=reason, actor=_actor(request), user=request.user)
    except ZaakError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, gettext("%(partner)s kan deze zaak niet meer zien.") % {"partner": share.partner.name}
        )
    return redirect(reverse("backoffice:zaak-detail", args=[zaak.identificatie]) + "#kop-gedeeld")
