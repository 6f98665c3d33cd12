"""Create, change and remove applications: the one door for the admin, the command and the API."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction

from plus1.audit.services import Actor, record_change
from plus1.catalog.models import BesluitType, InformatieObjectType, ZaakType
from plus1.core import zgw
from plus1.core.exceptions import FieldProblem
from plus1.notifications.services import bump_access_stamp, publish
from plus1.tenants.models import Organisation

from .access import CONFIDENTIALITY_ORDER
from .constants import SCOPES, TYPED_COMPONENTS, Component
from .models import Application, Autorisatie, ClientCredential

# ac-003's "scopes die betrekking hebben tot zaken/documenten/besluiten", per component.
MAIN_RESOURCE_SCOPE_PREFIX = {
    Component.ZRC: "zaken.",
    Component.DRC: "documenten.",
    Component.BRC: "besluiten.",
}
TYPE_MODELS = {"zaaktype": ZaakType, "informatieobjecttype": InformatieObjectType, "besluittype": BesluitType}


@dataclass(frozen=True)
class AutorisatieSpec:
    component: str
    scopes: Sequence[str]
    zaaktype: ZaakType | None = None
    informatieobjecttype: InformatieObjectType | None = None
    besluittype: BesluitType | None = None
    max_confidentiality: str = ""


def _check(
    *,
    tenant: Organisation,
    client_ids: Sequence[str],
    has_all_autorisaties: bool,
    autorisaties: Sequence[AutorisatieSpec],
    application: Application | None,
) -> None:
    problems: list[tuple[str, str, str]] = []
    if not client_ids:
        problems.append(("clientIds", "required", "Geef ten minste één client-id."))
    taken = ClientCredential.objects.filter(client_id__in=client_ids)
    if application is not None:
        taken = taken.exclude(application=application)
    for client_id in taken.values_list("client_id", flat=True):
        # ac-001: a client id identifies exactly one application.
        problems.append(
            ("clientIds", "clientId-exists", f"Client-id {client_id} hoort al bij een applicatie.")
        )
    if has_all_autorisaties and autorisaties:
        problems.append(
            (
                "nonFieldErrors",
                "ambiguous-authorizations-specified",
                "Kies óf alle autorisaties, óf een lijst autorisaties, niet allebei.",
            )
        )
    if not has_all_autorisaties and not autorisaties:
        problems.append(
            (
                "nonFieldErrors",
                "missing-authorizations",
                "Geef autorisaties op, of kies voor alle autorisaties.",
            )
        )
    readable_tenants = (tenant.pk, _collective_id())
    for index, spec in enumerate(autorisaties):
        prefix = f"autorisaties.{index}"
        if spec.component not in Component.values:
            problems.append(
                (f"{prefix}.component", "invalid_choice", f"Onbekende component {spec.component}.")
            )
            continue
        # Scopes are free labels in the standard (no list, no minimum): one our APIs do not know
        # grants nothing, and a standard client may send one (zrc with notificaties.publiceren).
        type_field = TYPED_COMPONENTS.get(spec.component)
        for field in TYPE_MODELS:
            value = getattr(spec, field)
            if value is not None and field != type_field:
                problems.append(
                    (f"{prefix}.{field}", "not-allowed", f"{field} hoort niet bij {spec.component}.")
                )
            if value is not None and value.tenant_id not in readable_tenants:
                problems.append((f"{prefix}.{field}", "not-found", f"Dit {field} bestaat hier niet."))
        if type_field and is_about_main_resource(spec.component, spec.scopes):
            if getattr(spec, type_field) is None:
                problems.append((f"{prefix}.{type_field}", "required", f"Geef het {type_field} op (ac-003)."))
            if spec.component != Component.BRC and not spec.max_confidentiality:
                problems.append(
                    (
                        f"{prefix}.maxVertrouwelijkheidaanduiding",
                        "required",
                        "Geef de maximale vertrouwelijkheidaanduiding op (ac-003).",
                    )
                )
        if spec.max_confidentiality and spec.max_confidentiality not in CONFIDENTIALITY_ORDER:
            problems.append(
                (
                    f"{prefix}.maxVertrouwelijkheidaanduiding",
                    "invalid_choice",
                    "Onbekende vertrouwelijkheidaanduiding.",
                )
            )
    if problems:
        raise FieldProblem(problems)


def is_about_main_resource(component: str, scopes: Sequence[str]) -> bool:
    """Whether ``scopes`` are about the component's main resource, so ac-003 asks for a type.

    ac-003: "scopes die betrekking hebben tot zaken" (documenten, besluiten): the reference
    implementation reads that as a scope starting with ``zaken.``; ``audittrails.lezen`` or
    ``notificaties.publiceren`` on zrc need no zaaktype.
    """
    prefix = MAIN_RESOURCE_SCOPE_PREFIX.get(component)
    return prefix is not None and any(scope.startswith(prefix) for scope in scopes)


def _collective_id() -> int | None:
    from plus1.tenants.selectors import get_collective

    try:
        return get_collective().pk
    except Organisation.DoesNotExist:
        return None


def case_data_autorisaties(tenant: Organisation) -> list[AutorisatieSpec]:
    """Every autorisatie on ``tenant``'s case data, without the right to change applications.

    ``heeftAlleAutorisaties`` includes ``autorisaties.bijwerken`` (as in the standard), so an
    integration holding it may rename or delete any application of its gemeente, itself
    included. This grants all scopes of the other components, and only reading on the
    Autorisaties API. Zaken, documenten and besluiten are granted per type (ac-003): every type
    of the gemeente's own catalog and of the collective's, up to zeer geheim, as they exist now;
    a type added later needs an autorisatie of its own (admin).
    """
    readable = [pk for pk in (tenant.pk, _collective_id()) if pk is not None]
    specs = [
        AutorisatieSpec(component=Component.AC, scopes=["autorisaties.lezen"]),
        AutorisatieSpec(component=Component.NRC, scopes=list(SCOPES[Component.NRC])),
        AutorisatieSpec(component=Component.ZTC, scopes=list(SCOPES[Component.ZTC])),
    ]
    for component, type_field in TYPED_COMPONENTS.items():
        # The besluittype has no confidentiality of its own (Autorisaties API).
        maximum = "" if component == Component.BRC else CONFIDENTIALITY_ORDER[-1]
        for type_obj in TYPE_MODELS[type_field].objects.filter(tenant__in=readable).order_by("pk"):
            specs.append(
                AutorisatieSpec(
                    component=component,
                    scopes=list(SCOPES[component]),
                    max_confidentiality=maximum,
                    **{type_field: type_obj},
                )
            )
    return specs


def _write_autorisaties(application: Application, autorisaties: Sequence[AutorisatieSpec]) -> None:
    application.autorisaties.all().delete()
    Autorisatie.objects.bulk_create(
        Autorisatie(
            application=application,
            component=spec.component,
            scopes=list(spec.scopes),
            zaaktype=spec.zaaktype,
            informatieobjecttype=spec.informatieobjecttype,
            besluittype=spec.besluittype,
            max_confidentiality=spec.max_confidentiality,
        )
        for spec in autorisaties
    )


def snapshot(application: Application) -> dict:
    return {
        "label": application.label,
        "client_ids": sorted(application.credentials.values_list("client_id", flat=True)),
        "has_all_autorisaties": application.has_all_autorisaties,
        "autorisaties": [
            {"component": a.component, "scopes": a.scopes, "max": a.max_confidentiality}
            for a in application.autorisaties.all()
        ],
    }


def _notify(application: Application, actie: str) -> None:
    # The kept access of the application's client ids ends with this transaction.
    bump_access_stamp(application.tenant_id)
    resource_url = zgw.url("autorisaties", "applicaties", application.uuid)
    publish(
        tenant=application.tenant,
        kanaal="autorisaties",
        hoofd_object=resource_url,
        resource="applicatie",
        resource_url=resource_url,
        actie=actie,
        kenmerken={},
    )


@transaction.atomic
def create_application(
    *,
    tenant: Organisation,
    label: str,
    client_ids: Sequence[str],
    actor: Actor,
    secret: str | None = None,
    has_all_autorisaties: bool = False,
    only_published_documents: bool = False,
    autorisaties: Sequence[AutorisatieSpec] = (),
) -> Application:
    """Register an application of ``tenant`` with its client ids and autorisaties (ac-001..003).

    Every client id gets ``secret``, or a new random one when none is given (the Autorisaties
    API has no field for secrets: they are agreed out of band).
    """
    # The same client id twice is one client id: stored once (the standard does not refuse it).
    client_ids = list(dict.fromkeys(client_ids))
    _check(
        tenant=tenant,
        client_ids=client_ids,
        has_all_autorisaties=has_all_autorisaties,
        autorisaties=autorisaties,
        application=None,
    )
    application = Application.objects.create(
        tenant=tenant,
        label=label or client_ids[0],
        has_all_autorisaties=has_all_autorisaties,
        only_published_documents=only_published_documents,
    )
    ClientCredential.objects.bulk_create(
        ClientCredential(
            application=application, client_id=client_id, secret=secret or secrets.token_urlsafe(32)
        )
        for client_id in client_ids
    )
    _write_autorisaties(application, autorisaties)
    record_change(
        tenant=tenant, actor=actor, action="create_application", obj=application, after=snapshot(application)
    )
    _notify(application, "create")
    return application


@transaction.atomic
def update_application(
    *,
    application: Application,
    actor: Actor,
    label: str | None = None,
    client_ids: Sequence[str] | None = None,
    has_all_autorisaties: bool | None = None,
    only_published_documents: bool | None = None,
    autorisaties: Sequence[AutorisatieSpec] | None = None,
) -> Application:
    """Change an application; a field left ``None`` keeps its value (PATCH), all given is PUT."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    before = snapshot(application)
    new_client_ids = (
        list(dict.fromkeys(client_ids))
        if client_ids is not None
        else list(application.credentials.values_list("client_id", flat=True))
    )
    new_all = application.has_all_autorisaties if has_all_autorisaties is None else has_all_autorisaties
    if autorisaties is None:
        current = [
            AutorisatieSpec(
                component=a.component,
                scopes=a.scopes,
                zaaktype=a.zaaktype,
                informatieobjecttype=a.informatieobjecttype,
                besluittype=a.besluittype,
                max_confidentiality=a.max_confidentiality,
            )
            for a in application.autorisaties.select_related(
                "zaaktype", "informatieobjecttype", "besluittype"
            )
        ]
        # Switching to "all autorisaties" drops the list, as ac-002 requires one or the other.
        new_autorisaties: Sequence[AutorisatieSpec] = [] if new_all else current
    else:
        new_autorisaties = autorisaties
    _check(
        tenant=application.tenant,
        client_ids=new_client_ids,
        has_all_autorisaties=new_all,
        autorisaties=new_autorisaties,
        application=application,
    )
    if label is not None:
        application.label = label
    if only_published_documents is not None:
        application.only_published_documents = only_published_documents
    application.has_all_autorisaties = new_all
    application.save()
    existing = dict(application.credentials.values_list("client_id", "secret"))
    application.credentials.exclude(client_id__in=new_client_ids).delete()
    # A client id added later shares the secret of the first one; a new secret is agreed out of band.
    shared_secret = next(iter(existing.values()), None) or secrets.token_urlsafe(32)
    ClientCredential.objects.bulk_create(
        ClientCredential(application=application, client_id=client_id, secret=shared_secret)
        for client_id in new_client_ids
        if client_id not in existing
    )
    _write_autorisaties(application, new_autorisaties)
    record_change(
        tenant=application.tenant,
        actor=actor,
        action="update_application",
        obj=application,
        before=before,
        after=snapshot(application),
    )
    _notify(application, "partial_update" if autorisaties is None else "update")
    return application


def application_changed(*, application: Application, actor: Actor, before: dict | None = None) -> None:
    """Record and announce a change made outside these services (the admin edits the rows itself).

    The audit row keeps who changed what (secrets are never in a snapshot); the notification
    moves the gemeente's change stamp, so no kept access (``access.current_access``) outlives
    the change.
    """
    record_change(
        tenant=application.tenant,
        actor=actor,
        action="update_application",
        obj=application,
        before=before,
        after=snapshot(application),
    )
    _notify(application, "update")


@transaction.atomic
def delete_application(*, application: Application, actor: Actor) -> None:
    """Remove an application; its tokens stop working at once (no cache to wait for)."""
    record_change(
        tenant=application.tenant,
        actor=actor,
        action="delete_application",
        obj=application,
        before=snapshot(application),
    )
    _notify(application, "destroy")
    application.delete()
