"""The access matrix: every URL of Plus1, as every kind of visitor, against gemeente A's zaak.

The URLs come from the URL configuration itself (a new page is walked without touching this
file); each is requested with GET and with POST. The visitors: anonymous, the resident who
owns the zaak, another resident, a business, every back-office role of gemeente A (in and out
of the zaak's team, and the privacy officer) and of gemeente B, a chain partner the zaak is
shared with (request data only) and a partner it is not shared with. For every response:

- nobody outside gemeente A, the resident and the share sees anything of the zaak;
- the partner never sees what was not shared (documents, notes, the BSN, contact data, and the
  phone number the resident gave on the request form: a field classed as contact data);
- whenever a response shows the resident's personal data, the processing log gained a
  record about that resident in the same request;
- after the walk, nothing of the zaak was changed by anyone not allowed to;
- an aggression incident about the resident (with a running maatregel) is seen only by the
  gemeente's agressiecoördinator and the employee who reported it; a resident's open answer to
  the klantwaardering only by the gemeente's teamleider, quality staff and the team that calls back.

The ZGW APIs have a walk of their own, driven by their OpenAPI documents
(``test_api_isolation.py``): an application of gemeente B against gemeente A's objects.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_otp import DEVICE_ID_SESSION_KEY

from plus1.accounts.constants import BACK_OFFICE_ROLES, EMPLOYEE_ROLES, Role
from plus1.accounts.models import Team
from plus1.audit.selectors import records_for_subject
from plus1.backoffice.incident_views import ACTIONS as INCIDENT_ACTIONS
from plus1.backoffice.tests.conftest import make_employee, make_partner_employee
from plus1.backoffice.zaak_views import ACTIONS
from plus1.cases import services
from plus1.cases.constants import SharePart
from plus1.cases.models import Note, Zaak
from plus1.cases.tests.factories import SYSTEM, adopt_with_team, handling_zaaktype, new_zaak
from plus1.catalog.models import Eigenschap, Product, SelectielijstProcestype, Theme
from plus1.core import clock
from plus1.feedback.services import invitation_token as feedback_token
from plus1.routing.models import SearchQuery
from plus1.tenants.selectors import get_collective
from plus1.tenants.services import create_partner_organisation

from .matrix_extra import PLAN, PLAN_READERS, add_payments_appointments_and_development

pytestmark = pytest.mark.django_db

BSN = "999993653"
NAME = "Suzanne Moulin"
CASE = "ZAAK-2026-0009999"  # only gemeente A has this number
KENTEKEN = "GEHEIM-KENTEKEN-77"
# An answer on the request form that is contact data (Eigenschap.data_class, inferred from "phone").
PHONE = "0698765432"
DOCUMENT = "paspoort-van-suzanne.pdf"
NOTE = "Interne notitie over Suzanne"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
INCIDENT = "Schold de medewerker uit aan de balie"
FEEDBACK = "De wachttijd aan de telefoon was veel te lang"
ZAAK_SECRETS = (NAME, BSN, KENTEKEN, PHONE, DOCUMENT, NOTE, PDF.decode())
SECRETS = (*ZAAK_SECRETS, INCIDENT, FEEDBACK, PLAN)

# Pages outside the application itself: the admin has its own walk (test_admin_isolation.py);
# log-in and log-out flows hand over to DigiD, eHerkenning or the TOTP step; the ZGW APIs are
# walked operation by operation in test_api_isolation.py (the public Referentielijsten API is
# walked here).
SKIPPED_PREFIXES = (
    "admin/",
    "catalogi/api/",
    "zaken/api/",
    "documenten/api/",
    "besluiten/api/",
    "autorisaties/api/",
    "notificaties/api/",
    # The read-only klantwaardering API: its own isolation test (src/plus1/api/feedback/tests).
    "klantwaardering/api/",
)
SESSION_ENDING = {"portal:logout", "backoffice:logout", "digid:logout"}


def _url_patterns(patterns=None, prefix="", namespace=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from _url_patterns(
                pattern.url_patterns, prefix + str(pattern.pattern), pattern.namespace or namespace
            )
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield (
                prefix + str(pattern.pattern),
                f"{namespace}:{pattern.name}" if namespace else pattern.name,
                pattern,
            )


@dataclass
class World:
    gemeente: object
    zaak: Zaak
    document: object
    share: object
    process: str
    # Filled once the visitors exist (the incident is reported by one of them).
    incident: object = None
    letter_task: object = None
    call_back: object = None
    invitation: object = None
    # URL values of the payments, appointments and development data (matrix_extra.py).
    extra_values: dict | None = None


@pytest.fixture
def world(gemeente_a, gemeente_b):
    zaaktype = handling_zaaktype()
    Eigenschap.objects.create(
        zaaktype=zaaktype,
        order=1,
        name="kenteken",
        label="Kenteken",
        data_type="text",
        step="Auto",
        is_required=False,
    )
    Eigenschap.objects.create(
        zaaktype=zaaktype,
        order=2,
        name="telefoonnummer",
        label="Telefoonnummer",
        data_type="phone",
        step="Auto",
        is_required=False,
    )
    adoption = adopt_with_team(gemeente=gemeente_a, zaaktype=zaaktype)
    zaak = new_zaak(adoption, bsn=BSN, name=NAME, data={"kenteken": KENTEKEN, "telefoonnummer": PHONE})
    Zaak.objects.filter(pk=zaak.pk).update(identificatie=CASE)
    zaak.refresh_from_db()
    iot = zaak.zaaktype.document_types.filter(direction="inkomend").first().informatieobjecttype_id
    document = services.add_zaak_document(
        zaak=zaak, informatieobjecttype_id=iot, upload=SimpleUploadedFile(DOCUMENT, PDF), actor=SYSTEM
    )
    services.add_note(zaak=zaak, text=NOTE, author=None, actor=SYSTEM)
    services.request_information(
        zaak=zaak,
        question="Stuur uw kenteken.",
        answer_due_on=datetime.date(2099, 1, 1),
        actor=SYSTEM,
        expected_version=None,
    )
    partner = create_partner_organisation(name="GGD regio Utrecht")
    share = services.share_zaak(
        tenant=gemeente_a,
        zaak=zaak,
        partner=partner,
        purpose="Onderzoek naar de woonsituatie",
        legal_ground="Wmo 2015, artikel 5.3.1",
        parts=[SharePart.REQUEST_DATA],
        valid_until=clock.today() + datetime.timedelta(days=30),
        actor=SYSTEM,
    )
    # Gemeente B has its own zaak of the same process, for its own staff to work on.
    new_zaak(
        adopt_with_team(gemeente=gemeente_b, zaaktype=zaaktype), bsn="999990019", name="Erebos Bultenaar"
    )
    return World(gemeente_a, zaak, document, share, adoption.process.identificatie)


@dataclass(frozen=True)
class Visitor:
    name: str
    user: object | None
    sees_zaak: bool = False  # may see the zaak in full (the resident, gemeente A's staff)
    sees_shared_part: bool = False  # may see the request data only (the partner with a share)
    also_sees: frozenset = frozenset()  # further secrets this visitor may see (incident, answer)


def _visitors(world, gemeente_b, actor) -> list[Visitor]:
    from django.contrib.auth import get_user_model

    users = get_user_model()
    visitors = [
        Visitor("anonymous", None),
        Visitor("resident who owns the zaak", users.digid_objects.digid_create(BSN), sees_zaak=True),
        Visitor("another resident", users.digid_objects.digid_create("999991723")),
        Visitor("a business", users.eherkenning_objects.eherkenning_create("69599084")),
    ]
    other_team_a = Team.objects.create(tenant=world.gemeente, name="Burgerzaken")
    team_b = Team.objects.get(tenant=gemeente_b)
    also_sees = {
        # The incident's reporter, and the coordinator (who also sees who it was about).
        Role.BEHANDELAAR: {INCIDENT, FEEDBACK},
        Role.AGRESSIECOORDINATOR: {INCIDENT, NAME, BSN},
        # Dashboards (themes of the open answers) and, for the team, the call-back.
        Role.TEAMLEIDER: {FEEDBACK},
        Role.KWALITEITSMEDEWERKER: {FEEDBACK},
    }
    # The behandelaar's own development plan: themself, their teamleider and HR.
    for role in PLAN_READERS:
        also_sees[role] = also_sees.get(role, set()) | {PLAN}
    for role in BACK_OFFICE_ROLES:
        in_team = world.zaak.team if role in (Role.BEHANDELAAR, Role.TEAMLEIDER) else None
        visitors.append(
            Visitor(
                f"A {role}",
                make_employee(f"a-{role}", gemeente=world.gemeente, role=role, team=in_team, actor=actor),
                # The privacy officer reads the processing log, the quality staff the klantwaardering
                # and the agressiecoördinator the incident register: none of them the zaak itself.
                sees_zaak=role in EMPLOYEE_ROLES,
                also_sees=frozenset(also_sees.get(role, ())),
            )
        )
        visitors.append(
            Visitor(
                f"B {role}",
                make_employee(f"b-{role}", gemeente=gemeente_b, role=role, team=team_b, actor=actor),
            )
        )
    visitors.append(
        Visitor(
            "A behandelaar of another team",
            make_employee("a-other-team", gemeente=world.gemeente, team=other_team_a, actor=actor),
            sees_zaak=True,
        )
    )
    visitors.append(
        Visitor(
            "the collective's catalog manager",
            make_employee("collectief", gemeente=get_collective(), role=Role.CATALOG_MANAGER, actor=actor),
        )
    )
    stranger = create_partner_organisation(name="Woningcorporatie Zonder Deling")
    # Partners first: gemeente A's own staff may revoke the share during their part of the walk.
    return [
        Visitor(
            "partner with a share",
            make_partner_employee("ggd", partner=world.share.partner, actor=actor),
            sees_shared_part=True,
        ),
        Visitor("partner without a share", make_partner_employee("woco", partner=stranger, actor=actor)),
        *visitors,
    ]


def _register_and_rate(world, visitors: list[Visitor], actor) -> None:
    """Sensitive data beside the zaak: an incident about its resident with a running maatregel
    and a waarschuwingsbrief, and an unhappy klantwaardering answer that asks for a call-back."""
    from plus1.feedback import services as feedback
    from plus1.incidents import services as incidents
    from plus1.incidents.constants import Category, Channel, MeasureKind, PersonKind, TaskKind

    by_name = {visitor.name: visitor.user for visitor in visitors}
    reporter = by_name[f"A {Role.BEHANDELAAR}"]
    coordinator = by_name[f"A {Role.AGRESSIECOORDINATOR}"]
    incident = incidents.report_incident(
        tenant=world.gemeente,
        reporter=reporter,
        employee=reporter,
        data=incidents.IncidentData(
            occurred_at=clock.now() - datetime.timedelta(hours=2),
            location="Stadskantoor, balie 3",
            channel=Channel.BALIE,
            categories=[Category.VERBAAL],
            description=INCIDENT,
            person=incidents.Person(kind=PersonKind.RESIDENT, bsn=BSN),
        ),
        zaak=world.zaak,
        actor=actor,
    )
    incidents.set_measure(
        incident=incident,
        user=coordinator,
        actor=actor,
        kind=MeasureKind.BY_APPOINTMENT,
        starts_on=clock.today(),
        ends_on=clock.today() + datetime.timedelta(days=90),
        expected_version=None,
    )
    world.letter_task = incidents.make_warning_letter(
        task=incident.tasks.get(kind=TaskKind.REACTION), user=coordinator, actor=actor, expected_version=None
    )
    incident.refresh_from_db()
    world.incident = incident
    invitation = feedback.create_contact_invitation(
        tenant=world.gemeente, channel="telefoon", process=None, team=world.zaak.team, created_by=reporter
    )
    answer = feedback.submit_answer(
        invitation=invitation,
        score=3,
        effort=2,
        improvement=FEEDBACK,
        own_answers={},
        may_call=True,
        call_phone="0612345678",
    )
    world.call_back = answer.call_back
    world.invitation = feedback.create_contact_invitation(
        tenant=world.gemeente, channel="balie", process=None, team=world.zaak.team, created_by=reporter
    )
    world.extra_values = add_payments_appointments_and_development(
        world, by_name, bsn=BSN, name=NAME, actor=actor
    )


def _log_in(client: Client, visitor: Visitor) -> None:
    client.logout()
    if visitor.user is None:
        return
    client.force_login(visitor.user, backend="django.contrib.auth.backends.ModelBackend")
    device = visitor.user.totpdevice_set.filter(confirmed=True).first()
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()


def _urls(world) -> list[tuple[str, str]]:
    """One concrete URL per pattern (one per action for the action patterns), aimed at A's zaak."""
    values = {
        "gemeente_slug": world.gemeente.slug,
        "product_slug": Product.objects.get(upl_name="parkeervergunning").slug,
        "theme_slug": Theme.objects.order_by("pk").first().slug,
        "number": 1,
        "document_uuid": world.document.uuid,
        "share_uuid": world.share.uuid,
        # The detail routes of the Referentielijsten API (public reference data, no tenant):
        # a procestype's uuid; the other collections answer it with 404.
        "uuid": SelectielijstProcestype.objects.order_by("pk").first().uuid,
        "incident_uuid": world.incident.uuid,
        "task_id": world.letter_task.pk,
        "callback_id": world.call_back.pk,
        "invitation_id": world.invitation.pk,
        "code": world.invitation.code,
        "token": feedback_token(world.invitation),
        **(world.extra_values or {}),
    }
    urls = []
    for route, name, pattern in _url_patterns():
        if route.startswith(SKIPPED_PREFIXES) or name in SESSION_ENDING:
            continue
        converters = pattern.pattern.converters
        kwargs = {key: values[key] for key in converters if key in values}
        if name.startswith("portal:appointment-") and "token" in converters:
            kwargs["token"] = values["appointment_token"]
        if "identificatie" in converters:
            kwargs["identificatie"] = (
                world.process if name.startswith(("portal:request", "portal:report")) else CASE
            )
        gemeente_kwarg = (
            {"gemeente_slug": world.gemeente.slug}
            if name.startswith("portal:") and name != "portal:index"
            else {}
        )
        if "action" not in converters:
            actions = [None]
        elif name == "backoffice:incident-action":
            actions = list(INCIDENT_ACTIONS)
        else:
            actions = [*ACTIONS, "delen", "notitie", "document"]
        for action in dict.fromkeys(actions):
            extra = {"action": action} if action else {}
            urls.append((name, reverse(name, kwargs={**kwargs, **gemeente_kwarg, **extra})))
    return urls


def _snapshot(zaak) -> tuple:
    zaak = Zaak.objects.get(pk=zaak.pk)
    return (
        zaak.version,
        zaak.assignee_id,
        zaak.current_status_id,
        zaak.ended_on,
        Note.objects.filter(zaak=zaak).count(),
        zaak.documenten.count(),
        zaak.information_requests.filter(answered_at__isnull=True).count(),
    )


@override_settings(
    PLUS1_RATELIMIT_REPORT="100000/h",
    PLUS1_RATELIMIT_PORTAL_LOGIN="100000/m",
    PLUS1_RATELIMIT_BACKOFFICE_LOGIN="100000/m",
    PLUS1_RATELIMIT_SEARCH="100000/m",
)
def test_every_url_as_every_visitor_leaks_nothing_and_logs_every_personal_data_access(
    world, gemeente_b, actor, capsys
):
    visitors = _visitors(world, gemeente_b, actor)
    _register_and_rate(world, visitors, actor)
    urls = _urls(world)
    assert {
        "backoffice:zaak-detail",
        "portal:my-zaak-detail",
        "backoffice:shared-zaak",
        "portal:my-profile",  # Mijn gegevens: BRP data and contact preferences
        "portal:privacy",
        "backoffice:incident-detail",
        "backoffice:callback-detail",
        "backoffice:feedback-dashboard",
        "portal:feedback-answer",
        "portal:payment-start",
        "portal:appointment-manage",
        "portal:my-appointment",
        "backoffice:appointment-agenda",
        "backoffice:payment-refund",
        "backoffice:development-plan",
        "backoffice:development-team",
    } <= {n for n, _ in urls}
    before = _snapshot(world.zaak)
    client = Client()
    problems: list[str] = []
    seen: dict[str, set[str]] = {visitor.name: set() for visitor in visitors}
    cells = 0
    for visitor in visitors:
        for name, url in urls:
            for method in ("get", "post"):
                _log_in(client, visitor)
                logged_before = records_for_subject(tenant=world.gemeente, identifier=BSN).count()
                response = getattr(client, method)(url)
                cells += 1
                where = f"{visitor.name}: {method.upper()} {url} ({name}) -> {response.status_code}"
                if response.status_code >= 500:
                    problems.append(f"{where}: server error")
                    continue
                body = response.content.decode(errors="replace") if not response.streaming else ""
                if response.streaming:
                    body = b"".join(response.streaming_content).decode(errors="replace")
                shown = {secret for secret in SECRETS if secret in body}
                if visitor.sees_zaak:
                    allowed = set(ZAAK_SECRETS)
                elif visitor.sees_shared_part:
                    allowed = {KENTEKEN}
                else:
                    allowed = set()
                allowed = allowed | visitor.also_sees
                seen[visitor.name] |= shown
                if shown - allowed:
                    problems.append(f"{where}: shows {sorted(shown - allowed)}")
                personal = shown & {NAME, BSN, KENTEKEN, PHONE, DOCUMENT, PDF.decode()}
                if (
                    personal
                    and records_for_subject(tenant=world.gemeente, identifier=BSN).count() == logged_before
                ):
                    problems.append(f"{where}: showed {sorted(personal)} without a processing record")
    with capsys.disabled():
        # The size of the matrix is reported with every run (and in the closing note).
        print(f"\naccess matrix: {len(visitors)} visitors x {len(urls)} URLs x 2 methods = {cells} requests")  # noqa: T201

    assert problems == [], "\n".join(problems)
    # The walk reached the data, so the checks above had something to catch.
    assert {KENTEKEN, DOCUMENT} <= seen["resident who owns the zaak"]
    assert {NAME, BSN, KENTEKEN, PHONE, DOCUMENT, NOTE} <= seen[f"A {Role.BEHANDELAAR}"]
    assert seen["partner with a share"] == {KENTEKEN}
    # The register and the klantwaardering were reached too, by those who may see them.
    assert {INCIDENT, NAME} <= seen[f"A {Role.AGRESSIECOORDINATOR}"]
    assert INCIDENT in seen[f"A {Role.BEHANDELAAR}"]
    assert FEEDBACK in seen[f"A {Role.BEHANDELAAR}"]
    # And the development plan, by its employee and HR.
    assert PLAN in seen[f"A {Role.BEHANDELAAR}"]
    assert PLAN in seen[f"A {Role.HR}"]
    after = _snapshot(world.zaak)
    assert after == before, "a POST without a valid form changed gemeente A's zaak"


def test_only_the_collective_sees_the_failing_search_questions_of_all_gemeenten(world, gemeente_b, actor):
    """The page spans every gemeente, so no gemeente's staff (nor a partner, nor a resident) enter."""
    for tenant, query in ((world.gemeente, "vraag uit gemeente a"), (gemeente_b, "vraag uit gemeente b")):
        SearchQuery.objects.create(tenant=tenant, query=query, outcome="no_answer")
    client = Client()
    url = reverse("backoffice:search-insights")
    answers = {}
    for visitor in _visitors(world, gemeente_b, actor):
        _log_in(client, visitor)
        response = client.get(url)
        answers[visitor.name] = response.status_code
        shown = {
            q for q in ("vraag uit gemeente a", "vraag uit gemeente b") if q in response.content.decode()
        }
        expected = {"vraag uit gemeente a", "vraag uit gemeente b"} if response.status_code == 200 else set()
        assert shown == expected, visitor.name
    assert {name for name, status in answers.items() if status == 200} == {"the collective's catalog manager"}
    assert {status for status in answers.values()} == {200, 302, 403}


def test_zaak_search_finds_the_zaak_only_for_gemeente_a_staff_and_logs_every_bsn_search(
    world, gemeente_b, actor
):
    """Zaak zoeken (open and closed zaken) with A's number, name and BSN, as every visitor.

    The walk above requests the page without a query; here each visitor searches. Only gemeente
    A's employees (also of another team) find the zaak; a BSN search they make is logged.
    """
    url = reverse("backoffice:zaak-search")
    link = f'href="{reverse("backoffice:zaak-detail", args=[CASE])}"'
    client = Client()
    problems = []
    for visitor in _visitors(world, gemeente_b, actor):
        may_find = visitor.sees_zaak and visitor.name != "resident who owns the zaak"
        for query in (CASE, NAME, BSN):
            _log_in(client, visitor)
            searches_before = (
                records_for_subject(tenant=world.gemeente, identifier=BSN).filter(action="search").count()
            )
            response = client.get(url, {"zoek": query, "status": "alle"})
            found = link in response.content.decode(errors="replace")
            if found != may_find:
                problems.append(f"{visitor.name} searching {query}: found={found} ({response.status_code})")
            logged = (
                records_for_subject(tenant=world.gemeente, identifier=BSN).filter(action="search").count()
                > searches_before
            )
            if query == BSN and found and not logged:
                problems.append(f"{visitor.name}: BSN search not in the processing log")
    assert problems == [], "\n".join(problems)
