"""Request a product: a multi-step form from the zaaktype's eigenschappen, drafts, submit once."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from plus1.audit.models import Channel
from plus1.audit.services import Actor
from plus1.cases import services as case_services
from plus1.cases.exceptions import InvalidRequestData, InvalidUpload, MissingDocuments
from plus1.cases.models import RequestDraft
from plus1.cases.services import reports as report_services
from plus1.catalog import selectors as catalog_selectors
from plus1.catalog.answers import clean_answers
from plus1.catalog.conditions import requirement_note
from plus1.catalog.constants import GENERATED_DOCUMENT_TYPES
from plus1.catalog.models import Adoption
from plus1.catalog.processing import ActivityCode, activity_for_code, activity_for_zaaktype
from plus1.connectors.brp import lookup_person
from plus1.core.ratelimit import limit_per_ip
from plus1.formats.display import display_value

from . import payment_rows, payment_views
from .forms import SubmitForm, step_form
from .profile_views import contact_prefill
from .report_map import map_config
from .routing import gemeente_for_request, portal_redirect, portal_reverse
from .visitors import business_kvk, require_fresh_login, require_login, resident_actor, resident_bsn


def _adoption(gemeente, identificatie: str) -> Adoption:
    adoption = (
        # Only what the portal offers: a known UPL product on a runnable version.
        catalog_selectors.offered_adoptions(gemeente)
        .filter(process__identificatie=identificatie, offers_online=True, zaaktype__allows_online=True)
        .first()
    )
    if adoption is None:
        raise Http404(_("Dit product kunt u bij deze gemeente niet online aanvragen."))
    return adoption


def _steps(adoption: Adoption) -> list[tuple[str, list]]:
    steps: dict[str, list] = {}
    for eigenschap in adoption.zaaktype.eigenschappen.all():
        steps.setdefault(eigenschap.step, []).append(eigenschap)
    return list(steps.items())


def _document_types(adoption: Adoption):
    """The documents a resident can add; the form itself is made by Plus1, not uploaded."""
    return (
        adoption.zaaktype.document_types.filter(direction="inkomend")
        .exclude(informatieobjecttype__omschrijving__in=GENERATED_DOCUMENT_TYPES)
        .select_related("informatieobjecttype")
    )


def _total_pages(adoption: Adoption) -> int:
    return len(_steps(adoption)) + (1 if _document_types(adoption).exists() else 0) + 1


def _after_last_step(request: HttpRequest, identificatie: str, adoption: Adoption) -> HttpResponse:
    if _document_types(adoption).exists():
        return portal_redirect(request, "portal:request-documents", identificatie)
    return portal_redirect(request, "portal:request-summary", identificatie)


def _uuid_or_404(value: str) -> uuid.UUID:
    """Ids in hidden fields come from the browser: anything that is not a UUID is "not found"."""
    try:
        return uuid.UUID(value)
    except ValueError as exc:
        raise Http404(_("Deze aanvraag bestaat niet (meer).")) from exc


def _draft_owner(request: HttpRequest) -> dict[str, str]:
    """Who owns a draft: the resident's BSN or the business's KvK number, never both."""
    if bsn := resident_bsn(request):
        return {"owner_bsn": bsn}
    return {"owner_kvk_number": business_kvk(request)}


def _draft(request: HttpRequest, gemeente, adoption) -> RequestDraft:
    return case_services.start_or_resume_draft(tenant=gemeente, adoption=adoption, **_draft_owner(request))


def _initiator_and_actor(request: HttpRequest, adoption: Adoption) -> tuple[case_services.Initiator, Actor]:
    if kvk_number := business_kvk(request):
        initiator = case_services.Initiator(
            name=f"Onderneming met KvK-nummer {kvk_number}", kvk_number=kvk_number
        )
        return initiator, resident_actor(request)
    # The name on the zaak comes from the BRP: a read for handling the request itself.
    person = lookup_person(
        tenant=adoption.tenant,
        bsn=resident_bsn(request),
        actor=resident_actor(request),
        activity=activity_for_zaaktype(adoption.zaaktype),
        channel=Channel.PORTAL,
    )
    initiator = case_services.Initiator(
        name=person.full_name if person else "Inwoner", bsn=resident_bsn(request)
    )
    return initiator, resident_actor(request)


@require_http_methods(["GET"])
def start(request: HttpRequest, identificatie: str, gemeente_slug: str | None = None) -> HttpResponse:
    gemeente = gemeente_for_request(request, gemeente_slug)
    adoption = _adoption(gemeente, identificatie)
    if (redirect_to_login := require_login(request, adoption.zaaktype)) is not None:
        return redirect_to_login
    _draft(request, gemeente, adoption)
    return portal_redirect(request, "portal:request-step", identificatie, 1)


@require_http_methods(["GET", "POST"])
def step(
    request: HttpRequest, identificatie: str, number: int, gemeente_slug: str | None = None
) -> HttpResponse:
    gemeente = gemeente_for_request(request, gemeente_slug)
    adoption = _adoption(gemeente, identificatie)
    if (redirect_to_login := require_login(request, adoption.zaaktype)) is not None:
        return redirect_to_login
    steps = _steps(adoption)
    if not 1 <= number <= len(steps):
        return portal_redirect(request, "portal:request-summary", identificatie)
    title, eigenschappen = steps[number - 1]
    draft = _draft(request, gemeente, adoption)
    if request.method == "POST":
        form = step_form(eigenschappen, data=request.POST, answers=draft.data)
        if form.is_valid():
            answers = {e.name: form.cleaned_data.get(e.name) or "" for e in eigenschappen}
            try:
                case_services.save_draft_answers(draft=draft, answers=answers)
            except InvalidRequestData as exc:
                for name, message in exc.errors.items():
                    form.add_error(name, message)
            else:
                if "opslaan" in request.POST:
                    messages.success(
                        request, _("Uw aanvraag is bewaard. U kunt later verder via dezelfde knop Aanvragen.")
                    )
                    return portal_redirect(request, "portal:product-detail", adoption.zaaktype.product.slug)
                if "vorige" in request.POST and number > 1:
                    return portal_redirect(request, "portal:request-step", identificatie, number - 1)
                if number < len(steps):
                    return portal_redirect(request, "portal:request-step", identificatie, number + 1)
                return _after_last_step(request, identificatie, adoption)
    else:
        form = step_form(eigenschappen, initial=_prefilled(request, draft, eigenschappen), answers=draft.data)
    context = {
        "gemeente": gemeente,
        "adoption": adoption,
        "form": form,
        "step_title": title,
        "number": number,
        "total": _total_pages(adoption),
        "identificatie": identificatie,
    }
    return render(request, "portal/request_step.html", context)


@require_http_methods(["GET", "POST"])
def documents(request: HttpRequest, identificatie: str, gemeente_slug: str | None = None) -> HttpResponse:
    """Add documents; every file is checked by content and size, and errors name the file."""
    gemeente = gemeente_for_request(request, gemeente_slug)
    adoption = _adoption(gemeente, identificatie)
    if (redirect_to_login := require_login(request, adoption.zaaktype)) is not None:
        return redirect_to_login
    draft = _draft(request, gemeente, adoption)
    document_types = list(_document_types(adoption))
    errors: list[str] = []
    if request.method == "POST":
        for link in document_types:
            for upload in request.FILES.getlist(f"type-{link.informatieobjecttype_id}"):
                try:
                    case_services.add_draft_document(
                        draft=draft, informatieobjecttype_id=link.informatieobjecttype_id, upload=upload
                    )
                except InvalidUpload as exc:
                    errors.append(str(exc))
        if not errors and "volgende" in request.POST:
            return portal_redirect(request, "portal:request-summary", identificatie)
        if not errors and "vorige" in request.POST:
            return portal_redirect(
                request, "portal:request-step", identificatie, max(1, len(_steps(adoption)))
            )
    uploaded = {}
    for document in draft.documenten.all():
        uploaded.setdefault(document.informatieobjecttype_id, []).append(document)
    rows = [
        {
            "link": link,
            "files": uploaded.get(link.informatieobjecttype_id, []),
            # "niet verplicht", or why an earlier answer made it required (catalog.conditions).
            "note": requirement_note(link, draft.data),
        }
        for link in document_types
    ]
    context = {
        "gemeente": gemeente,
        "adoption": adoption,
        "rows": rows,
        "errors": errors,
        "number": _total_pages(adoption) - 1,
        "total": _total_pages(adoption),
        "identificatie": identificatie,
        "max_mb": settings.PLUS1_MAX_UPLOAD_BYTES // 1_000_000,
    }
    return render(request, "portal/request_documents.html", context, status=400 if errors else 200)


def _prefilled(request: HttpRequest, draft: RequestDraft, eigenschappen) -> dict[str, str]:
    """Earlier answers first; otherwise what the BRP knows (e.g. postcode), so nobody types it twice."""
    initial = dict(draft.data)
    person = lookup_person(
        tenant=draft.tenant,
        bsn=resident_bsn(request),
        actor=resident_actor(request),
        activity=activity_for_code(ActivityCode.BRP_PREFILL),
        channel=Channel.PORTAL,
    )
    if person is not None:
        for eigenschap in eigenschappen:
            if eigenschap.name not in initial and eigenschap.data_type == "postcode" and person.postcode:
                initial[eigenschap.name] = person.postcode
    # The e-mail address and phone number the resident keeps in Mijn gegevens (plus1.residents).
    contact = contact_prefill(request, draft.tenant)
    for eigenschap in eigenschappen:
        if eigenschap.name not in initial and contact.get(eigenschap.data_type):
            initial[eigenschap.name] = contact[eigenschap.data_type]
    return initial


@require_http_methods(["GET", "POST"])
def summary(request: HttpRequest, identificatie: str, gemeente_slug: str | None = None) -> HttpResponse:
    gemeente = gemeente_for_request(request, gemeente_slug)
    adoption = _adoption(gemeente, identificatie)
    if (redirect_to_login := require_login(request, adoption.zaaktype)) is not None:
        return redirect_to_login
    problems: dict[str, str] = {}
    form = SubmitForm(
        data=request.POST if request.method == "POST" else None,
        initial={"confirm_to": contact_prefill(request, gemeente).get("email", "")},
    )
    if request.method == "POST":
        # The draft's id is the idempotency key: a repeated POST finds it already submitted.
        draft_id = _uuid_or_404(request.POST.get("draft", ""))
        draft = RequestDraft.objects.filter(
            tenant=gemeente, adoption=adoption, uuid=draft_id, **_draft_owner(request)
        ).first()
        if draft is None:
            raise Http404(_("Deze aanvraag bestaat niet (meer)."))
    else:
        draft = _draft(request, gemeente, adoption)
    fee = payment_rows.fee_to_pay_online(draft)
    if request.method == "POST" and form.is_valid():
        # Sending is a sensitive step: an old log-in goes through DigiD/eHerkenning again and
        # comes back to this summary; the draft stays in the database, so nothing is lost.
        summary_url = portal_reverse(request, "portal:request-summary", identificatie)
        if (redirect_to_login := require_fresh_login(request, summary_url)) is not None:
            return redirect_to_login
        initiator, actor = _initiator_and_actor(request, adoption)
        if fee is not None:
            # Leges first: the request is sent when the provider says it is paid (issue 21).
            return payment_views.start_and_show(
                request,
                gemeente=gemeente,
                draft=draft,
                initiator=initiator,
                confirm_to=form.cleaned_data["confirm_to"],
            )
        try:
            zaak = case_services.submit_draft(
                draft=draft,
                initiator=initiator,
                actor=actor,
                confirm_to=form.cleaned_data["confirm_to"],
            )
        except InvalidRequestData as exc:
            problems = exc.errors
        except MissingDocuments as exc:
            problems = {"__documents__": str(exc)}
        else:
            messages.success(
                request,
                _("Uw aanvraag is verstuurd. Uw zaaknummer is %(nummer)s.") % {"nummer": zaak.identificatie},
            )
            return portal_redirect(request, "portal:my-zaak-detail", zaak.identificatie)
    steps = _steps(adoption)
    rows = [
        {
            "step": number,
            "label": e.label,
            "value": display_value(draft.data.get(e.name, ""), e.data_type),
            "problem": problems.get(e.name, ""),
        }
        for number, (_title, eigenschappen) in enumerate(steps, start=1)
        for e in eigenschappen
    ]
    context = {
        "gemeente": gemeente,
        "adoption": adoption,
        "rows": rows,
        "form": form,
        "problems": problems,
        "draft": draft,
        "missing_documents": problems.get("__documents__", ""),
        "number": _total_pages(adoption),
        "total": _total_pages(adoption),
        "identificatie": identificatie,
        "fee": payment_rows.euro(fee) if fee is not None else "",
    }
    return render(request, "portal/request_summary.html", context, status=400 if problems else 200)


@require_http_methods(["GET", "POST"])
@limit_per_ip("portal-report", rate_setting="PLUS1_RATELIMIT_REPORT")
def report(request: HttpRequest, identificatie: str, gemeente_slug: str | None = None) -> HttpResponse:
    """Report something without logging in, where the process allows it (melding openbare ruimte).

    With photos (stored as the zaak's documents) and, where a tile server is configured, a point
    on a map next to the address field (portal.report_map).
    """
    gemeente = gemeente_for_request(request, gemeente_slug)
    adoption = _adoption(gemeente, identificatie)
    if not adoption.zaaktype.allows_anonymous:
        raise Http404(_("Voor dit product moet u inloggen."))
    eigenschappen = list(adoption.zaaktype.eigenschappen.all())
    # A logged-in resident's e-mail and phone from Mijn gegevens; anonymous: nothing.
    known = contact_prefill(request, gemeente)
    form = step_form(
        eigenschappen,
        data=request.POST if request.method == "POST" else None,
        initial={e.name: known[e.data_type] for e in eigenschappen if known.get(e.data_type)},
    )
    contact = SubmitForm(
        data=request.POST if request.method == "POST" else None,
        initial={"confirm_to": known.get("email", "")},
    )
    token = request.POST.get("token") or str(uuid.uuid4())
    takes_photos = report_services.photo_document_type(adoption.zaaktype) is not None
    photo_errors: list[str] = []
    if request.method == "POST" and form.is_valid() and contact.is_valid():
        answers = {e.name: form.cleaned_data.get(e.name) or "" for e in eigenschappen}
        email_answers = [answers[e.name] for e in eigenschappen if e.data_type == "email" and answers[e.name]]
        token_id = _uuid_or_404(token)
        try:
            zaak = report_services.submit_report(
                tenant=gemeente,
                adoption=adoption,
                token=token_id,
                answers=clean_answers(eigenschappen, answers, complete=True),
                email=contact.cleaned_data["confirm_to"] or next(iter(email_answers), ""),
                actor=Actor(type="anonymous", id="-", label="Melder zonder inloggen"),
                photos=request.FILES.getlist("fotos") if takes_photos else [],
                point=report_services.report_point(
                    request.POST.get("latitude", ""), request.POST.get("longitude", "")
                ),
            )
        except ValidationError as exc:
            for name, field_errors in exc.message_dict.items():
                form.add_error(name if name in form.fields else None, field_errors[0])
        except InvalidRequestData as exc:
            for name, message in exc.errors.items():
                form.add_error(name if name in form.fields else None, message)
        except InvalidUpload as exc:
            photo_errors.append(str(exc))
        else:
            messages.success(
                request,
                _("Bedankt voor uw melding. Uw zaaknummer is %(nummer)s. Bewaar dit nummer.")
                % {"nummer": zaak.identificatie},
            )
            return portal_redirect(request, "portal:product-detail", adoption.zaaktype.product.slug)
    map_settings = map_config()
    context = {
        "gemeente": gemeente,
        "adoption": adoption,
        "form": form,
        "contact": contact,
        "token": token,
        # The process may ask for an e-mail address itself; then we do not ask twice.
        "asks_email": not any(e.data_type == "email" for e in eigenschappen),
        "takes_photos": takes_photos,
        "photo_errors": photo_errors,
        "max_photos": report_services.MAX_REPORT_PHOTOS,
        "max_mb": settings.PLUS1_MAX_UPLOAD_BYTES // 1_000_000,
        "map": map_settings,
        # A point chosen before a refused send stays on the map.
        "latitude": request.POST.get("latitude", ""),
        "longitude": request.POST.get("longitude", ""),
        # The map goes right after the address question (the field named "locatie").
        "map_after": next((e.name for e in eigenschappen if e.name == "locatie"), eigenschappen[-1].name)
        if eigenschappen
        else "",
    }
    status = 400 if request.method == "POST" else 200
    response = render(request, "portal/report.html", context, status=status)
    if map_settings is not None:
        # Only this page may load tiles, and only from the configured host (django-csp update).
        response._csp_update = {"img-src": [map_settings.origin]}
    return response
