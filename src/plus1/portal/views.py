"""The resident portal of one gemeente: find a product, read how to get it. Thin views."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import auth, messages
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_POST

from plus1.audit import selectors as log_selectors
from plus1.audit.models import ProcessingAction
from plus1.audit.services import ObjectRef, record_read, subject_for
from plus1.cases import selectors as case_selectors
from plus1.cases import services as case_services
from plus1.cases.exceptions import ZaakError
from plus1.cases.models import Zaak
from plus1.cases.processing import Purpose
from plus1.catalog import selectors
from plus1.catalog.constants import GENERATED_DOCUMENT_TYPES, Direction
from plus1.catalog.models import Adoption, Product, Theme
from plus1.catalog.processing import ActivityCode, activity_for_code
from plus1.catalog.terms import describe_term
from plus1.core.ratelimit import limit_per_ip
from plus1.tenants.models import Organisation

from . import appointment_manage_views, feedback_views, payment_rows, zaak_history
from .forms import AnswerForm
from .product_pages import (
    appointment_product_for,
    how_to_arrange,
    join_choices,
    product_title,
    public_score_for,
)
from .routing import gemeente_for_request, portal_redirect, portal_reverse
from .visitors import business_kvk, require_fresh_login, require_login, resident_actor, resident_bsn


def _title(product: Product, adoption: Adoption | None) -> str:
    return product_title(product, adoption.zaaktype.omschrijving if adoption else None)


def _is_online(adoption: Adoption | None) -> bool:
    """The "Online" label: requestable online here, not a process done at the counter."""
    return adoption is not None and adoption.offers_online and adoption.zaaktype.allows_online


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The front door of the installation: the gemeenten that offer something online."""
    gemeenten = (
        Organisation.objects.gemeenten().filter(pk__in=Adoption.objects.values("tenant")).order_by("name")
    )
    return render(request, "portal/index.html", {"gemeenten": gemeenten})


@require_GET
def home(request: HttpRequest, gemeente_slug: str | None = None) -> HttpResponse:
    gemeente = gemeente_for_request(request, gemeente_slug)
    # "Direct online regelen" lists only what can be done online here, not counter-only products.
    adoptions = sorted(
        selectors.offered_adoptions(gemeente).filter(offers_online=True, zaaktype__allows_online=True),
        key=lambda a: a.zaaktype.omschrijving,
    )
    return render(request, "portal/home.html", {"gemeente": gemeente, "adoptions": adoptions})


@require_GET
def product_list(request: HttpRequest, gemeente_slug: str | None = None) -> HttpResponse:
    gemeente = gemeente_for_request(request, gemeente_slug)
    adopted = selectors.adoptions_by_product(gemeente)
    products = [
        {"product": p, "title": _title(p, adopted.get(p.id)), "is_online": _is_online(adopted.get(p.id))}
        for p in Product.objects.only("id", "slug", "upl_name")
    ]
    products.sort(key=lambda item: item["title"].lower())
    return render(request, "portal/product_list.html", {"gemeente": gemeente, "products": products})


@require_GET
def product_detail(request: HttpRequest, product_slug: str, gemeente_slug: str | None = None) -> HttpResponse:
    gemeente = gemeente_for_request(request, gemeente_slug)
    try:
        product, adoption = selectors.get_product_for_portal(gemeente=gemeente, slug=product_slug)
    except Product.DoesNotExist as exc:
        raise Http404 from exc
    context = {
        "gemeente": gemeente,
        "product": product,
        "adoption": adoption,
        "title": _title(product, adoption),
        "product_text": selectors.get_product_text(gemeente=gemeente, product=product),
        "how_to": how_to_arrange(gemeente=gemeente, product=product, adoption=adoption),
        "public_score": public_score_for(gemeente, adoption),
        # "Afspraak maken" for a product the gemeente takes counter bookings for (issue 21).
        "appointment_product": appointment_product_for(gemeente, product),
    }
    if adoption is not None:
        zaaktype = adoption.zaaktype
        context |= {
            "zaaktype": zaaktype,
            "lead_time": describe_term(zaaktype.lead_time),
            "service_norm": describe_term(zaaktype.service_norm),
            # The request form itself is made from the answers: nothing the resident brings.
            "documents": zaaktype.document_types.filter(direction="inkomend")
            .exclude(informatieobjecttype__omschrijving__in=GENERATED_DOCUMENT_TYPES)
            .select_related("informatieobjecttype"),
            "can_request_online": adoption.offers_online and zaaktype.allows_online,
            # Leges paid online before the request is sent (issue 21).
            "pays_online": payment_rows.pays_online(adoption),
            "eherkenning_login_url": portal_reverse(request, "portal:login-eherkenning")
            + "?"
            + urlencode(
                {"next": portal_reverse(request, "portal:request-start", adoption.process.identificatie)}
            ),
            "channels": join_choices(
                [
                    label
                    for flag, label in (
                        (adoption.offers_online and zaaktype.allows_online, _("online")),
                        (adoption.offers_counter, _("aan de balie")),
                        (adoption.offers_phone, _("telefonisch")),
                        (adoption.offers_post, _("per post")),
                    )
                    if flag
                ]
            ),
        }
    return render(request, "portal/product_detail.html", context)


@require_GET
def theme_list(request: HttpRequest, gemeente_slug: str | None = None) -> HttpResponse:
    """Browse by theme: the SDG information areas that hold products."""
    gemeente = gemeente_for_request(request, gemeente_slug)
    themes = selectors.themes_with_counts(gemeente)
    return render(request, "portal/theme_list.html", {"gemeente": gemeente, "themes": themes})


@require_GET
def theme_detail(request: HttpRequest, theme_slug: str, gemeente_slug: str | None = None) -> HttpResponse:
    """The products of one theme; those this gemeente offers online are marked."""
    gemeente = gemeente_for_request(request, gemeente_slug)
    theme = get_object_or_404(Theme, slug=theme_slug)
    adopted = selectors.adoptions_by_product(gemeente)
    products = [
        {"product": p, "title": _title(p, adopted.get(p.id)), "is_online": _is_online(adopted.get(p.id))}
        for p in theme.products.only("id", "slug", "upl_name")
    ]
    products.sort(key=lambda item: (not item["is_online"], item["title"].lower()))
    return render(
        request, "portal/theme_detail.html", {"gemeente": gemeente, "theme": theme, "products": products}
    )


@require_GET
@cache_control(max_age=300, public=True)
def house_style(request: HttpRequest, gemeente_slug: str | None = None) -> HttpResponse:
    """The gemeente's colours as CSS custom properties (a file, so no inline styles are needed)."""
    gemeente = gemeente_for_request(request, gemeente_slug)
    css = (
        ":root {\n"
        f"  --plus1-color-primary: {gemeente.primary_color};\n"
        f"  --plus1-color-accent: {gemeente.accent_color};\n"
        "}\n"
    )
    return HttpResponse(css, content_type="text/css; charset=utf-8")


def _send_to_login_service(request: HttpRequest, service: str) -> HttpResponse:
    default_next = portal_reverse(request, "portal:my-zaken")
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = default_next
    params = urlencode(
        {
            "next": request.build_absolute_uri(next_url or default_next),
            "cancel": request.build_absolute_uri(portal_reverse(request, "portal:home")),
        }
    )
    return redirect(f"{reverse(service)}?{params}")


@require_GET
@limit_per_ip("portal-login", rate_setting="PLUS1_RATELIMIT_PORTAL_LOGIN", methods=("GET",))
def login(request: HttpRequest, gemeente_slug: str | None = None) -> HttpResponse:
    """Send the resident to DigiD; they come back to Mijn zaken (or where they were going)."""
    gemeente_for_request(request, gemeente_slug)
    return _send_to_login_service(request, "digid:login")


@require_GET
@limit_per_ip("portal-login", rate_setting="PLUS1_RATELIMIT_PORTAL_LOGIN", methods=("GET",))
def login_eherkenning(request: HttpRequest, gemeente_slug: str | None = None) -> HttpResponse:
    """Send a business to eHerkenning; it comes back to Mijn zaken (or where it was going)."""
    gemeente_for_request(request, gemeente_slug)
    return _send_to_login_service(request, "eherkenning:login")


@require_POST
def logout(request: HttpRequest, gemeente_slug: str | None = None) -> HttpResponse:
    gemeente_for_request(request, gemeente_slug)
    auth.logout(request)
    # After logout() the session is new and empty, so the message survives the redirect.
    messages.success(request, _("U bent uitgelogd."))
    return portal_redirect(request, "portal:home")


@require_GET
def my_zaken(request: HttpRequest, gemeente_slug: str | None = None) -> HttpResponse:
    gemeente = gemeente_for_request(request, gemeente_slug)
    if (redirect_to_login := require_login(request)) is not None:
        return redirect_to_login
    purpose = _purpose(request)
    if bsn := resident_bsn(request):
        zaken = case_selectors.zaken_for_resident(tenant=gemeente, bsn=bsn, purpose=purpose)
    else:
        zaken = case_selectors.zaken_for_business(
            tenant=gemeente, kvk_number=business_kvk(request), purpose=purpose
        )
    zaken = zaak_history.with_results(zaken)
    rows = zaak_history.rows_for_my_zaken(zaken)
    context = {
        "gemeente": gemeente,
        "zaken": zaken,
        "rows": rows,
        # Counter appointments still to come (issue 21).
        "appointments": appointment_manage_views.appointments_for_my_zaken(request, gemeente),
        # Saved requests that wait for the leges (issue 21).
        "open_payments": payment_rows.open_payment_rows(
            gemeente=gemeente, bsn=resident_bsn(request), kvk_number=business_kvk(request)
        ),
    }
    return render(request, "portal/my_zaken.html", context)


@require_GET
def my_zaak_detail(
    request: HttpRequest, identificatie: str, gemeente_slug: str | None = None
) -> HttpResponse:
    gemeente = gemeente_for_request(request, gemeente_slug)
    if (redirect_to_login := require_login(request)) is not None:
        return redirect_to_login
    zaak = _own_zaak(request, gemeente, identificatie)
    return _render_my_zaak(request, gemeente, zaak)


def _answer_document_types(zaak: Zaak):
    return zaak.zaaktype.document_types.filter(direction=Direction.INKOMEND).select_related(
        "informatieobjecttype"
    )


def _render_my_zaak(
    request: HttpRequest, gemeente: Organisation, zaak: Zaak, *, answer_form=None, errors=(), status=200
) -> HttpResponse:
    question = case_selectors.open_information_request(zaak)
    if question is not None and answer_form is None:
        answer_form = AnswerForm(
            document_types=list(_answer_document_types(zaak)),
            requested_type_id=question.requested_document_type_id,
        )
    context = {
        "gemeente": gemeente,
        "zaak": zaak,
        "deadline": case_selectors.deadline_summary(zaak),
        "question": question,
        "answer_form": answer_form,
        "errors": errors,
        "outcome": zaak_history.outcome_for(zaak),
        "history": zaak_history.history_for(zaak),
        "max_mb": settings.PLUS1_MAX_UPLOAD_BYTES // 1_000_000,
        "shares": case_selectors.share_overview(zaak),
        "feedback_url": feedback_views.invitation_link_for_zaak(request, zaak),
        "paid": payment_rows.paid_for(zaak),
    }
    return render(request, "portal/my_zaak_detail.html", context, status=status)


@require_POST
def my_zaak_answer(
    request: HttpRequest, identificatie: str, gemeente_slug: str | None = None
) -> HttpResponse:
    """The resident answers the gemeente's question; the legal term runs again (Awb 4:15)."""
    gemeente = gemeente_for_request(request, gemeente_slug)
    if (redirect_to_login := require_login(request)) is not None:
        return redirect_to_login
    zaak = _own_zaak(request, gemeente, identificatie)
    document_types = list(_answer_document_types(zaak))
    form = AnswerForm(request.POST, document_types=document_types)
    errors: list[str] = []
    if form.is_valid():
        type_id = form.cleaned_data.get("informatieobjecttype")
        uploads = [(type_id, upload) for upload in request.FILES.getlist("files")] if type_id else []
        try:
            case_services.answer_information_request(
                zaak=zaak, answer=form.cleaned_data["answer"], uploads=uploads, actor=resident_actor(request)
            )
        except ZaakError as exc:
            errors.append(str(exc))
        else:
            messages.success(request, _("Dank u wel. Wij hebben uw antwoord ontvangen."))
            return portal_redirect(request, "portal:my-zaak-detail", zaak.identificatie)
    zaak = _own_zaak(request, gemeente, identificatie)
    return _render_my_zaak(request, gemeente, zaak, answer_form=form, errors=errors, status=400)


def _purpose(request: HttpRequest) -> Purpose:
    """The resident or business looking at their own zaken (logged, Logboek dataverwerkingen)."""
    match = request.resolver_match
    return Purpose.own_zaken(resident_actor(request), operation=match.view_name if match else "")


def _own_zaak(request: HttpRequest, gemeente: Organisation, identificatie: str) -> Zaak:
    """One of the logged-in resident's or business's zaken here; anyone else's is "not found"."""
    purpose = _purpose(request)
    try:
        if bsn := resident_bsn(request):
            return case_selectors.get_zaak_for_resident(
                tenant=gemeente, bsn=bsn, identificatie=identificatie, purpose=purpose
            )
        return case_selectors.get_zaak_for_business(
            tenant=gemeente, kvk_number=business_kvk(request), identificatie=identificatie, purpose=purpose
        )
    except Zaak.DoesNotExist as exc:
        raise Http404 from exc


@require_GET
def my_document(
    request: HttpRequest, identificatie: str, document_uuid: str, gemeente_slug: str | None = None
) -> HttpResponse:
    """Serve one of the resident's own documents; the file itself never sits in the web root."""
    gemeente = gemeente_for_request(request, gemeente_slug)
    if (redirect_to_login := require_login(request)) is not None:
        return redirect_to_login
    zaak = _own_zaak(request, gemeente, identificatie)
    if (redirect_to_login := require_fresh_login(request, request.get_full_path())) is not None:
        return redirect_to_login
    try:
        document = case_selectors.get_zaak_document(
            zaak=zaak, document_uuid=document_uuid, purpose=_purpose(request), for_initiator=True
        )
    except (ObjectDoesNotExist, ValidationError) as exc:
        raise Http404 from exc
    response = FileResponse(document.file.open("rb"), content_type=document.content_type)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=document.filename
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


# --- "Wie heeft mijn gegevens ingezien?" -------------------------------------------------

ACCESS_PAGE_SIZE = 20
OWN_ACTOR_TYPES = ("resident", "business")


def _access_entry(record, gemeente: Organisation) -> dict:
    """One line of the processing log the way a resident reads it: never an employee's name."""
    verbs = {
        ProcessingAction.READ: _("bekeken"),
        ProcessingAction.CREATE: _("vastgelegd"),
        ProcessingAction.UPDATE: _("gewijzigd"),
        ProcessingAction.DELETE: _("verwijderd"),
        ProcessingAction.SEARCH: _("gezocht"),
        ProcessingAction.EXPORT: _("overgedragen (export)"),
    }
    if record.actor_type in OWN_ACTOR_TYPES:
        who = _("U zelf, in Mijn zaken")
    elif record.actor_type == "system":
        who = _("Gemeente %(name)s, automatisch") % {"name": gemeente.name}
    else:
        who = record.actor_unit or _("Gemeente %(name)s") % {"name": gemeente.name}
    if record.activity_code == ActivityCode.LOG_INSPECTION:
        # The privacy officer looked up this log about you: the supervision, not your zaken.
        what = _("Dit overzicht over u ingezien door de privacy officer (toezicht)")
    elif record.action == ProcessingAction.SEARCH and not record.object_id:
        what = _("Gezocht naar uw zaken met uw BSN")
    elif record.object_type == "cases.zaak":
        what = _("Zaak %(number)s %(verb)s") % {"number": record.object_label, "verb": verbs[record.action]}
    elif record.object_type == "cases.informatieobject":
        what = _("Document %(name)s %(verb)s") % {"name": record.object_label, "verb": verbs[record.action]}
    elif record.object_type == "brp.persoon":
        what = _("Uw gegevens in de BRP (Basisregistratie Personen) %(verb)s") % {
            "verb": verbs[record.action]
        }
    else:
        what = f"{record.object_label} {verbs[record.action]}".strip()
    return {"record": record, "who": who, "what": what}


def _access_page(request: HttpRequest, gemeente: Organisation, zaak: Zaak | None = None) -> HttpResponse:
    bsn, kvk_number = resident_bsn(request), business_kvk(request)
    show_own = request.GET.get("ook-eigen") == "1"
    filters: dict = {"exclude_actor_types": () if show_own else OWN_ACTOR_TYPES}
    if zaak is not None:
        documents = [("cases.informatieobject", str(d.uuid)) for d in zaak.documenten.all()]
        filters |= {"objects": [("cases.zaak", str(zaak.pk)), *documents]}
    records = log_selectors.records_for_subject(
        tenant=gemeente,
        identifier=bsn or kvk_number,
        subject_type="bsn" if bsn else "kvk",
        **filters,
    )
    page = Paginator(records, ACCESS_PAGE_SIZE).get_page(request.GET.get("pagina"))
    # Reading the log about yourself is a processing too (shown with "also what I did").
    record_read(
        tenant=gemeente,
        actor=resident_actor(request),
        activity=activity_for_code(ActivityCode.MY_ZAKEN),
        channel="portal",
        obj=ObjectRef("audit.processingrecord", "", "Wie heeft mijn gegevens ingezien?"),
        subject=subject_for(bsn=bsn, kvk_number=kvk_number),
        operation=request.resolver_match.view_name,
    )
    query = request.GET.copy()
    query.pop("pagina", None)
    context = {
        "gemeente": gemeente,
        "zaak": zaak,
        "page": page,
        "entries": [_access_entry(record, gemeente) for record in page.object_list],
        "show_own": show_own,
        "page_query": query.urlencode(),
        "is_business": not bsn,
    }
    return render(request, "portal/data_access.html", context)


@require_GET
def my_data_access(request: HttpRequest, gemeente_slug: str | None = None) -> HttpResponse:
    """Wie heeft mijn gegevens ingezien? Every processing of the resident's data here (AVG art. 15)."""
    gemeente = gemeente_for_request(request, gemeente_slug)
    if (redirect_to_login := require_login(request)) is not None:
        return redirect_to_login
    return _access_page(request, gemeente)


@require_GET
def my_zaak_data_access(
    request: HttpRequest, identificatie: str, gemeente_slug: str | None = None
) -> HttpResponse:
    """The same, for one of the resident's zaken."""
    gemeente = gemeente_for_request(request, gemeente_slug)
    if (redirect_to_login := require_login(request)) is not None:
        return redirect_to_login
    zaak = _own_zaak(request, gemeente, identificatie)
    return _access_page(request, gemeente, zaak)
