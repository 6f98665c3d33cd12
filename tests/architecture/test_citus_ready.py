"""Ready for Citus: the zaak tables can be distributed by gemeente when one leader is no longer enough.

Citus distributes a table by one column (here ``tenant_id``) and co-locates the tables that
share it, so that everything of one gemeente lives on one node. That works only when:

- every table that belongs to a gemeente carries ``tenant_id`` itself (a Status that reaches
  its gemeente only through its Zaak cannot be placed next to that Zaak);
- every primary key, unique constraint and exclusion constraint of a distributed table holds
  ``tenant_id`` (a node can only enforce uniqueness within its own shards);
- foreign keys point from distributed tables to co-located distributed tables or to reference
  tables (replicated to every node), from reference tables only to reference tables, and from
  the coordinator's local tables never to distributed tables.

Each table is therefore one of three kinds. A table that has the tenant column, or points to a
table that is distributed, is *distributed by tenant*. A table listed in ``REFERENCE_TABLES``
(shared, catalog-like data every node needs) or ``LOCAL_TABLES`` (Django's own bookkeeping,
kept on the coordinator) is not. Any other table fails the test until someone decides.

Where a distributed table does not yet follow the rules, the gap is listed with the step of the
plan that closes it (docs/operations.md, "Sharding with Citus"):

- ``PK_RULE``: every primary key is the ``id`` of one global sequence; at distribution it
  becomes ``(tenant_id, id)``, and because the ids never repeat, uniqueness still holds.
- A unique key that holds the foreign key of a distributed parent (``(zaak_id, eigenschap_id)``)
  is unique per gemeente already, because the parent belongs to exactly one gemeente; the
  migration puts ``tenant_id`` in front of it. It needs no listing.
- ``MISSING_TENANT_COLUMN``: tables that reach their gemeente through a parent; they get a
  ``tenant_id`` column, filled from that parent, before distribution.
- ``UUID_ADDRESSED``: ZGW resources with a globally unique uuid (uuid4). The APIs always look a
  uuid up within the client's gemeente (``request.tenant``), so ``(tenant_id, uuid)`` suffices.
- ``KNOWN_GAPS``: the keys that are looked up *without* a gemeente (a payment reference from the
  payment provider, a link in an e-mail). Each gets a small reference table key -> tenant_id.

A new table, or a new unique key without the tenant column, fails here until it carries the
tenant column or is listed with its reason. Listed tables and keys that no longer exist fail too.
"""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, models

from plus1.tenants.models import Organisation

TENANT_FIELD = "tenant"
TENANT_COLUMN = "tenant_id"

PK_RULE = (
    "PK is id alone (BigAutoField, one global sequence); at distribution the PK becomes "
    "(tenant_id, id); ids never repeat, so uniqueness holds"
)


def _reasoned(*groups: tuple[str, Iterable[str]]) -> dict[str, str]:
    return {table: reason for reason, tables in groups for table in tables}


REFERENCE_TABLES: dict[str, str] = _reasoned(
    (
        "the tenants themselves: every node resolves a host, slug or RSIN to its gemeente",
        ["tenants_organisation", "tenants_mandate"],
    ),
    (
        "catalog (collective base processes, adoptions, zaaktypen and their types, UPL, "
        "Selectielijst): small, written on publication only, joined by every zaak query",
        [
            "catalog_catalogus",
            "catalog_product",
            "catalog_selectielijstprocestype",
            "catalog_selectielijstresultaat",
            "catalog_resultaattypeomschrijving",
            "catalog_communicatiekanaal",
            "catalog_process",
            "catalog_zaaktype",
            "catalog_zaaktype_besluittypen",
            "catalog_adoption",
            "catalog_informatieobjecttype",
            "catalog_zaaktypeinformatieobjecttype",
            "catalog_besluittype",
            "catalog_besluittype_informatieobjecttypen",
            "catalog_processingactivity",
            "catalog_producttext",
            "catalog_statustype",
            "catalog_resultaattype",
            "catalog_resultaattype_besluittypen",
            "catalog_resultaattype_informatieobjecttypen",
            "catalog_roltype",
            "catalog_eigenschap",
            "catalog_zaakobjecttype",
            "catalog_theme",
            "catalog_theme_products",
        ],
    ),
    (
        "people and teams: one account works for several gemeenten (log-in looks it up before a "
        "gemeente is known); zaken join their team and handler",
        ["accounts_user", "accounts_membership", "accounts_team", "accounts_team_members"],
    ),
    (
        "API clients: the client id is looked up before the gemeente is known; autorisaties "
        "point into the catalog",
        ["apiclients_application", "apiclients_clientcredential", "apiclients_autorisatie"],
    ),
    (
        "notification channels and subscriptions: the collective's kanalen have no tenant; "
        "every notification reads them",
        ["notifications_kanaal", "notifications_abonnement", "notifications_abonnementkanaal"],
    ),
    (
        "counter set-up (locations, hours, counters, bookable products): small, read when "
        "appointments are shown",
        [
            "appointments_location",
            "appointments_openinghours",
            "appointments_closedday",
            "appointments_counter",
            "appointments_appointmentproduct",
            "appointments_appointmentproduct_locations",
        ],
    ),
    (
        "feedback set-up: the survey versions the answers point to",
        ["feedback_surveyversion"],
    ),
    (
        "staff development (competence frameworks shared by the collective, tenant may be empty; "
        "employees, not residents): a few rows per employee, rarely written",
        [
            "development_competenceframework",
            "development_competence",
            "development_competencelevel",
            "development_frameworkadoption",
            "development_roleprofile",
            "development_roleprofileitem",
            "development_employeeprofile",
            "development_roleclarification",
            "development_roleclarification_participants",
            "development_clarificationresponse",
            "development_clarificationanswer",
            "development_assessment",
            "development_assessmentrating",
            "development_developmentplan",
            "development_plangoal",
            "development_planaction",
            "development_training",
            "development_enrolment",
            "development_pulse",
            "development_pulseresponse",
            "development_pulsereceipt",
        ],
    ),
)

LOCAL_TABLES: dict[str, str] = _reasoned(
    (
        "Django internals: sessions, content types, permissions, admin log",
        [
            "django_session",
            "django_content_type",
            "django_admin_log",
            "auth_permission",
            "auth_group",
            "auth_group_permissions",
            "accounts_user_groups",
            "accounts_user_user_permissions",
        ],
    ),
    (
        "the workers' queue, heartbeats and daily schedule: one for the whole installation",
        ["django_tasks_database_dbtaskresult", "core_workerheartbeat", "core_scheduledrun"],
    ),
    (
        "log-in machinery: DigiD/eHerkenning configuration and certificates, second factor, "
        "lock-out after failed log-ins",
        [
            "simple_certmanager_signingrequest",
            "simple_certmanager_certificate",
            "digid_eherkenning_configcertificate",
            "digid_eherkenning_digidconfiguration",
            "digid_eherkenning_mockdigiduser",
            "digid_eherkenning_eherkenningconfiguration",
            "otp_totp_totpdevice",
            "axes_accessfailurelog",
            "axes_accessattempt",
            "axes_accessattemptexpiration",
            "axes_accesslog",
        ],
    ),
)

# Tables without a model: name (and its shadow tables name_*) -> (only on this vendor, why).
TABLES_WITHOUT_MODEL: dict[str, tuple[str | None, str]] = {
    "django_migrations": (None, "local: Django's record of applied migrations"),
    "catalog_product_fts": (
        "sqlite",
        "SQLite's full-text index of the UPL products (with its shadow tables); PostgreSQL "
        "searches an index on catalog_product, a reference table",
    ),
}

# Distributed tables without the tenant column: table -> the foreign key through which the
# row reaches its gemeente (the migration fills tenant_id from it).
MISSING_TENANT_COLUMN: dict[str, str] = {
    "cases_status": "zaak",
    "cases_rol": "zaak",
    "cases_zaakeigenschap": "zaak",
    "cases_resultaat": "zaak",
    "cases_zaakobject": "zaak",
    "cases_informationrequest": "zaak",
    "cases_zaaksuspension": "zaak",
    "cases_note": "zaak",
    "cases_zaaklink": "zaak",
    "notifications_delivery": "notification",
    "incidents_incidenttask": "incident",
    "incidents_incident_witnesses": "incident",
    "appointments_appointment_products": "appointment",
}

# ZGW (and ZGW-like) resources with a unique uuid: looked up within the client's gemeente.
UUID_ADDRESSED: frozenset[str] = frozenset(
    {
        "audit_auditentry",
        "notifications_notification",
        "cases_zaak",
        "cases_status",
        "cases_rol",
        "cases_zaakeigenschap",
        "cases_resultaat",
        "cases_zaakobject",
        "cases_requestdraft",
        "cases_informatieobject",
        "cases_bestandsdeel",
        "cases_zaakinformatieobject",
        "cases_objectinformatieobject",
        "cases_gebruiksrecht",
        "cases_verzending",
        "cases_besluit",
        "cases_besluitinformatieobject",
        "cases_klantcontact",
        "cases_zaakcontactmoment",
        "cases_zaakverzoek",
        "cases_zaaknotitie",
        "cases_informationrequest",
        "cases_zaakshare",
        "feedback_invitation",
        "incidents_incident",
        "payments_payment",
        "appointments_appointment",
    }
)

# Unique keys of distributed tables that hold neither tenant_id nor a distributed parent:
# (table, columns) -> why, and what the plan does about it.
KNOWN_GAPS: dict[tuple[str, tuple[str, ...]], str] = {
    ("payments_payment", ("reference",)): (
        "the payment provider calls back with our reference alone; the reference gets a "
        "reference table reference -> tenant_id, written in the same transaction"
    ),
    ("appointments_appointment", ("token_hash",)): (
        "the resident's cancel link carries the token alone; token_hash -> tenant_id lookup table"
    ),
    ("feedback_invitation", ("code",)): (
        "the invitation link carries the code alone; code -> tenant_id lookup table"
    ),
}

# PostgreSQL exclusion constraints (SQLite has none) without tenant_id: (table, name) -> why.
EXCLUSION_GAPS: dict[tuple[str, str], str] = {
    ("appointments_appointment", "appointments_no_overlap_per_counter"): (
        "no double booking per counter; a counter belongs to one gemeente, so adding "
        "tenant_id WITH = keeps its meaning"
    ),
}


# ---- reading the schema -------------------------------------------------------------------


def _models() -> dict[str, type[models.Model]]:
    """Every table of a model: installed models, their many-to-many tables, and the unmanaged
    ones whose table a hand-written migration makes (cases_zaakcount)."""
    return {
        model._meta.db_table: model
        for model in apps.get_models(include_auto_created=True)
        if not model._meta.proxy
    }


def _tenant_field(model: type[models.Model]) -> models.Field | None:
    try:
        field = model._meta.get_field(TENANT_FIELD)
    except FieldDoesNotExist:
        return None
    if field.is_relation and field.concrete and field.related_model is Organisation:
        return field
    return None


def _foreign_keys(model: type[models.Model]) -> list[models.Field]:
    """The foreign keys the database enforces (a ``db_constraint=False`` one Citus never sees)."""
    return [
        f
        for f in model._meta.concrete_fields
        if f.is_relation and f.related_model is not None and getattr(f, "db_constraint", True)
    ]


def _distributed() -> set[str]:
    """Tables with the tenant column, and every table that points to one (Citus then needs
    it co-located), unless listed as reference or local table."""
    tables = _models()
    listed = REFERENCE_TABLES.keys() | LOCAL_TABLES.keys()
    distributed = {t for t, m in tables.items() if t not in listed and _tenant_field(m)}
    grown = True
    while grown:
        grown = False
        for table, model in tables.items():
            if table in distributed or table in listed:
                continue
            if any(f.related_model._meta.db_table in distributed for f in _foreign_keys(model)):
                distributed.add(table)
                grown = True
    return distributed


def _kind(table: str, distributed: set[str]) -> str:
    if table in distributed:
        return "distributed"
    if table in REFERENCE_TABLES:
        return "reference"
    if table in LOCAL_TABLES:
        return "local"
    return "unclassified"


def _unique_keys(table: str) -> list[tuple[str, tuple[str, ...], bool]]:
    """(name, sorted columns, is primary key) of each unique constraint or unique index in the
    database itself, so keys made by hand-written migrations count too."""
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    keys = []
    for name, info in constraints.items():
        if info.get("unique") or info.get("primary_key"):
            columns = tuple(sorted(str(c) for c in info["columns"] or ()))
            keys.append((name, columns, bool(info.get("primary_key"))))
    return keys


def _exclusion_keys() -> list[tuple[str, str, tuple[str, ...]]]:
    """(table, name, plain columns) of the PostgreSQL exclusion constraints: Citus treats them
    like unique keys (an expression such as ``tstzrange(start, "end")`` has no column here)."""
    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT c.conrelid::regclass::text, c.conname::text,
                array_agg(a.attname::text ORDER BY a.attname) FILTER (WHERE a.attname IS NOT NULL)
            FROM pg_constraint c
            LEFT JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
            WHERE c.contype = 'x'
            GROUP BY c.oid, c.conrelid, c.conname
            """
        )
        return [(table, name, tuple(columns or ())) for table, name, columns in cursor.fetchall()]


def _parent_columns(model: type[models.Model], distributed: set[str]) -> set[str]:
    """Columns of foreign keys to distributed tables: a key holding one is scoped to a gemeente."""
    return {f.column for f in _foreign_keys(model) if f.related_model._meta.db_table in distributed}


def _uuid_columns(model: type[models.Model]) -> set[str]:
    return {f.column for f in model._meta.concrete_fields if isinstance(f, models.UUIDField)}


def _gaps_of(table: str, model: type[models.Model], distributed: set[str]) -> list[str]:
    """The unique keys of a distributed table Citus could not enforce, minus the listed ones."""
    problems = []
    parents = _parent_columns(model, distributed)
    keys = [(name, columns, pk) for name, columns, pk in _unique_keys(table)]
    keys += [(name, columns, False) for t, name, columns in _exclusion_keys() if t == table]
    for name, columns, is_pk in keys:
        if TENANT_COLUMN in columns or parents & set(columns):
            continue
        if (table, name) in EXCLUSION_GAPS:
            continue
        if is_pk and columns == (model._meta.pk.column,) and isinstance(model._meta.pk, models.AutoField):
            continue  # PK_RULE
        if len(columns) == 1 and columns[0] in _uuid_columns(model) and table in UUID_ADDRESSED:
            continue
        if (table, columns) in KNOWN_GAPS:
            continue
        problems.append(f"{table}: unique {columns} ({name}) has no {TENANT_COLUMN}")
    return problems


# ---- the rules ------------------------------------------------------------------------------


def test_every_table_is_distributed_reference_or_local():
    """A new table must say where it lives: with the tenant column it is distributed, else it
    is listed as reference or local table with a reason."""
    distributed = _distributed()
    unclassified = sorted(t for t in _models() if _kind(t, distributed) == "unclassified")
    assert not unclassified, (
        f"Give these tables a {TENANT_FIELD} foreign key, or list them in REFERENCE_TABLES or "
        f"LOCAL_TABLES with a reason: {unclassified}"
    )
    assert not REFERENCE_TABLES.keys() & LOCAL_TABLES.keys()


@pytest.mark.django_db
def test_every_table_in_the_database_has_a_model_or_is_listed():
    """A table made by hand-written SQL only must be classified too."""
    existing = set(connection.introspection.table_names(include_views=False))
    unknown = sorted(
        table
        for table in existing - _models().keys()
        if not any(table == name or table.startswith(f"{name}_") for name in TABLES_WITHOUT_MODEL)
    )
    assert not unknown, f"tables without a model: list them in TABLES_WITHOUT_MODEL: {unknown}"
    for name, (vendor, reason) in TABLES_WITHOUT_MODEL.items():
        if vendor in (None, connection.vendor):
            assert name in existing and reason, f"{name} is listed but does not exist"


def test_distributed_tables_carry_the_tenant_column():
    """Co-location needs tenant_id on the row itself, never NULL."""
    tables, distributed = _models(), _distributed()
    problems = []
    for table in sorted(distributed):
        field = _tenant_field(tables[table])
        if field is not None:
            if field.null:
                problems.append(f"{table}: {TENANT_COLUMN} may be empty; Citus cannot place such a row")
            continue
        via = MISSING_TENANT_COLUMN.get(table)
        if via is None:
            problems.append(f"{table}: belongs to a gemeente but has no {TENANT_FIELD} column")
            continue
        parent = tables[table]._meta.get_field(via)
        if parent.null or parent.related_model._meta.db_table not in distributed:
            problems.append(f"{table}: {via} cannot fill {TENANT_COLUMN} (empty, or not distributed)")
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_every_unique_key_of_a_distributed_table_holds_the_tenant_column():
    """Each node enforces uniqueness only within its own shards."""
    tables, distributed = _models(), _distributed()
    problems = []
    for table in sorted(distributed):
        problems += _gaps_of(table, tables[table], distributed)
    assert not problems, (
        "Put tenant in these keys, or list them in KNOWN_GAPS (or UUID_ADDRESSED) with the "
        "plan's answer:\n" + "\n".join(problems)
    )


def test_foreign_keys_are_ones_citus_allows():
    """Distributed -> distributed or reference; reference -> reference; local -> not distributed."""
    tables, distributed = _models(), _distributed()
    allowed = {
        "distributed": {"distributed", "reference"},
        "reference": {"reference"},
        "local": {"local", "reference"},
    }
    problems = []
    for table, model in sorted(tables.items()):
        kind = _kind(table, distributed)
        for field in _foreign_keys(model):
            target = field.related_model._meta.db_table
            if _kind(target, distributed) not in allowed.get(kind, set()):
                problems.append(f"{kind} {table}.{field.column} -> {_kind(target, distributed)} {target}")
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_the_lists_name_what_exists():
    """No stale entries: every listed table exists, every listed gap is still a gap."""
    tables, distributed = _models(), _distributed()
    listed = [*REFERENCE_TABLES, *LOCAL_TABLES, *MISSING_TENANT_COLUMN, *UUID_ADDRESSED]
    missing = [t for t in listed if t not in tables]
    assert not missing, f"listed tables that no longer exist: {missing}"
    assert (
        all(REFERENCE_TABLES.values())
        and all(LOCAL_TABLES.values())
        and all(KNOWN_GAPS.values())
        and all(EXCLUSION_GAPS.values())
    )
    stale = [t for t in MISSING_TENANT_COLUMN if _tenant_field(tables[t]) or t not in distributed]
    assert not stale, f"these tables have the tenant column now (or are no longer distributed): {stale}"
    for table in UUID_ADDRESSED:
        model = tables[table]
        unique_uuid = [c for _, c, _ in _unique_keys(table) if len(c) == 1 and c[0] in _uuid_columns(model)]
        assert table in distributed and unique_uuid, f"{table} no longer has a unique uuid"
    keys = {(t, c) for t in distributed for _, c, _ in _unique_keys(t)}
    gone = [gap for gap in KNOWN_GAPS if gap not in keys]
    if connection.vendor == "postgresql":
        exclusions = {(table, name) for table, name, _ in _exclusion_keys()}
        gone += [gap for gap in EXCLUSION_GAPS if gap not in exclusions]
    assert not gone, f"listed gaps that no longer exist: {gone}"
