"""The shared benchmark data set: N zaken over all 342 gemeenten, loaded with set-based SQL.

Resident r owns zaken r*20 .. r*20+19, all in gemeente r % 342; each gemeente has one team
that owns the zaaktype, with ``HANDLERS_PER_TEAM`` case handlers. Zaken are spread over
the statuses of the zaaktype; a third is assigned, one in ten is closed.
"""

from __future__ import annotations

PER_RESIDENT = 20
HANDLERS_PER_TEAM = 5


def load_zaken(connection, zaaktype, gemeenten, *, count: int, teams: dict[int, int] | None = None) -> None:
    """Insert ``count`` zaken with status history, initiator rol and (optionally) team."""
    statustypen = list(zaaktype.statustypen.order_by("volgnummer").values_list("id", flat=True))
    open_statuses = statustypen[:-1] or statustypen
    initiator = zaaktype.roltypen.get(generic="initiator")
    tenant_ids = [g.id for g in gemeenten]
    rows = [
        (position, tenant_id, (teams or {}).get(tenant_id)) for position, tenant_id in enumerate(tenant_ids)
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMP TABLE bench_tenant (position int PRIMARY KEY, tenant_id bigint, team_id bigint)"
        )
        cursor.executemany("INSERT INTO bench_tenant VALUES (%s, %s, %s)", rows)
        cursor.execute(
            """
            INSERT INTO cases_zaak (uuid, tenant_id, identificatie, bronorganisatie, zaaktype_id,
                omschrijving, confidentiality, registered_on, started_on, planned_end_on, ended_on,
                team_id, suspension_reason, extension_reason, extended_by, archive_nomination,
                version, created_at)
            SELECT gen_random_uuid(), t.tenant_id, 'ZAAK-2026-' || lpad(g::text, 7, '0'), '', %s, %s,
                'zaakvertrouwelijk', DATE '2026-01-01' + (g %% 300), DATE '2026-01-01' + (g %% 300),
                DATE '2026-02-26' + (g %% 300),
                CASE WHEN g %% 10 = 9 THEN DATE '2026-02-01' + (g %% 300) END,
                t.team_id, '', '', '', '', 1, now()
            FROM generate_series(0, %s - 1) AS g
            JOIN bench_tenant t ON t.position = (g / %s) %% %s
            """,
            [zaaktype.id, zaaktype.omschrijving, count, PER_RESIDENT, len(tenant_ids)],
        )
        cursor.execute(
            """
            INSERT INTO cases_status (uuid, zaak_id, statustype_id, set_at, note)
            SELECT gen_random_uuid(), z.id,
                CASE WHEN z.ended_on IS NOT NULL THEN %s ELSE (%s::bigint[])[1 + z.id %% %s] END,
                now(), ''
            FROM cases_zaak z
            """,
            [statustypen[-1], open_statuses, len(open_statuses)],
        )
        cursor.execute(
            "UPDATE cases_zaak z SET current_status_id = s.id FROM cases_status s WHERE s.zaak_id = z.id"
        )
        cursor.execute(
            """
            INSERT INTO cases_rol (uuid, zaak_id, roltype_id, subject_type, bsn, kvk_number, name, email)
            SELECT gen_random_uuid(), z.id, %s, 'natuurlijk_persoon',
                lpad((substring(z.identificatie from 11)::int / %s)::text, 9, '0'), '',
                'Inwoner ' || (substring(z.identificatie from 11)::int / %s), ''
            FROM cases_zaak z
            """,
            [initiator.id, PER_RESIDENT, PER_RESIDENT],
        )
        # Numbers handed out from here on must not collide with the loaded ones.
        cursor.execute(
            "INSERT INTO cases_casenumbersequence (tenant_id, year, last_number) "
            "SELECT tenant_id, 2026, %s FROM bench_tenant",
            [count],
        )
        cursor.execute("DROP TABLE bench_tenant")
        cursor.execute("ANALYZE")
