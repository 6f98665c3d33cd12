"""The shared benchmark data set: N zaken over all 342 gemeenten, loaded with set-based SQL.

Resident r owns zaken r*20 .. r*20+19, all in gemeente r % 342; each gemeente has one team
that owns the zaaktype, with ``HANDLERS_PER_TEAM`` case handlers. Zaken are spread over
the statuses of the zaaktype; a third is assigned, one in ten is closed.
"""

from __future__ import annotations

import json

from django.db import models

PER_RESIDENT = 20
HANDLERS_PER_TEAM = 5


def defaults_for(model: type[models.Model], listed: str) -> tuple[str, str, list]:
    """The model's other NOT NULL columns with their Django defaults, as SQL column and value
    lists: the database has no defaults of its own, and the models keep gaining ZGW fields."""
    named = {name.strip() for name in listed.split(",")}
    columns, values, params = [], [], []
    for field in model._meta.concrete_fields:
        if field.null or field.column in named or field.primary_key:
            continue
        value = field.get_default()
        if value is None:
            continue
        columns.append(field.column)
        values.append("%s::jsonb" if isinstance(field, models.JSONField) else "%s")
        params.append(json.dumps(value) if isinstance(field, models.JSONField) else value)
    return "".join(f", {c}" for c in columns), "".join(f", {v}" for v in values), params


ZAAK_COLUMNS = (
    "uuid, tenant_id, identificatie, bronorganisatie, zaaktype_id, omschrijving, confidentiality, "
    "registered_on, started_on, planned_end_on, ended_on, team_id, suspension_reason, "
    "extension_reason, extended_by, archive_nomination, version, created_at"
)
STATUS_COLUMNS = "uuid, zaak_id, statustype_id, set_at, note"
ROL_COLUMNS = "uuid, zaak_id, roltype_id, subject_type, bsn, kvk_number, name, email"


def load_zaken(connection, zaaktype, gemeenten, *, count: int, teams: dict[int, int] | None = None) -> None:
    """Insert ``count`` zaken with status history, initiator rol and (optionally) team."""
    statustypen = list(zaaktype.statustypen.order_by("volgnummer").values_list("id", flat=True))
    open_statuses = statustypen[:-1] or statustypen
    initiator = zaaktype.roltypen.get(generic="initiator")
    tenant_ids = [g.id for g in gemeenten]
    rows = [
        (position, tenant_id, (teams or {}).get(tenant_id)) for position, tenant_id in enumerate(tenant_ids)
    ]
    from plus1.cases.models import Rol, Status, Zaak

    parts, extra = {}, {}
    for name, model, listed in (
        ("zaak", Zaak, ZAAK_COLUMNS),
        ("status", Status, STATUS_COLUMNS),
        ("rol", Rol, ROL_COLUMNS),
    ):
        columns, values, extra[name] = defaults_for(model, listed)
        parts |= {f"{name}_columns": listed + columns, f"{name}_values": values}
    zaak_params, status_params, rol_params = extra["zaak"], extra["status"], extra["rol"]
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMP TABLE bench_tenant (position int PRIMARY KEY, tenant_id bigint, team_id bigint)"
        )
        cursor.executemany("INSERT INTO bench_tenant VALUES (%s, %s, %s)", rows)
        cursor.execute(
            """
            INSERT INTO cases_zaak ({zaak_columns})
            SELECT gen_random_uuid(), t.tenant_id, 'ZAAK-2026-' || lpad(g::text, 7, '0'), '', %s, %s,
                'zaakvertrouwelijk', DATE '2026-01-01' + (g %% 300), DATE '2026-01-01' + (g %% 300),
                DATE '2026-02-26' + (g %% 300),
                CASE WHEN g %% 10 = 9 THEN DATE '2026-02-01' + (g %% 300) END,
                t.team_id, '', '', '', '', 1, now(){zaak_values}
            FROM generate_series(0, %s - 1) AS g
            JOIN bench_tenant t ON t.position = (g / %s) %% %s
            """.format_map(parts),
            [zaaktype.id, zaaktype.omschrijving, *zaak_params, count, PER_RESIDENT, len(tenant_ids)],
        )
        cursor.execute(
            """
            INSERT INTO cases_status ({status_columns})
            SELECT gen_random_uuid(), z.id,
                CASE WHEN z.ended_on IS NOT NULL THEN %s ELSE (%s::bigint[])[1 + z.id %% %s] END,
                now(), ''{status_values}
            FROM cases_zaak z
            """.format_map(parts),
            [statustypen[-1], open_statuses, len(open_statuses), *status_params],
        )
        cursor.execute(
            "UPDATE cases_zaak z SET current_status_id = s.id FROM cases_status s WHERE s.zaak_id = z.id"
        )
        cursor.execute(
            """
            INSERT INTO cases_rol ({rol_columns})
            SELECT gen_random_uuid(), z.id, %s, 'natuurlijk_persoon',
                lpad((substring(z.identificatie from 11)::int / %s)::text, 9, '0'), '',
                'Inwoner ' || (substring(z.identificatie from 11)::int / %s), ''{rol_values}
            FROM cases_zaak z
            """.format_map(parts),
            [initiator.id, PER_RESIDENT, PER_RESIDENT, *rol_params],
        )
        # Numbers handed out from here on must not collide with the loaded ones.
        cursor.execute(
            "INSERT INTO cases_casenumbersequence (tenant_id, year, last_number) "
            "SELECT tenant_id, 2026, %s FROM bench_tenant",
            [count],
        )
        cursor.execute("DROP TABLE bench_tenant")
        cursor.execute("ANALYZE")
