"""What a calling application may do: scopes per component, per type, up to a confidentiality.

The rules are those of the Autorisaties API (ac-002/ac-003) as the providers apply them
(zrc-006, drc and brc alike): a scope counts for the object's own type and only up to the
maximum vertrouwelijkheidaanduiding granted with it; ``heeft_alle_autorisaties`` allows
everything, but never outside the application's own gemeente.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.cache import caches
from django.db import connection
from django.db.models import Q

from plus1.catalog.constants import Vertrouwelijkheid
from plus1.notifications.services import change_stamp
from plus1.tenants.models import Organisation

from .constants import TYPED_COMPONENTS
from .models import Application, Autorisatie

CONFIDENTIALITY_ORDER = [value for value, _label in Vertrouwelijkheid.choices]
# Per process, as the kept API answers: every entry is checked against the stamp in the database.
KEPT_IN = "zgw"
KEPT_SECONDS = 600


def levels_up_to(maximum: str) -> list[str]:
    """The confidentiality levels at or below ``maximum`` (openbaar < ... < zeer_geheim)."""
    if maximum not in CONFIDENTIALITY_ORDER:
        return []
    return CONFIDENTIALITY_ORDER[: CONFIDENTIALITY_ORDER.index(maximum) + 1]


def is_within(level: str, maximum: str) -> bool:
    return level in levels_up_to(maximum)


@dataclass
class ClientAccess:
    """The application behind one request, with its autorisaties loaded once."""

    application: Application
    client_id: str
    user_id: str = ""
    user_representation: str = ""
    autorisaties: list[Autorisatie] = field(default_factory=list)

    @property
    def tenant(self) -> Organisation:
        return self.application.tenant

    @property
    def has_all(self) -> bool:
        return self.application.has_all_autorisaties

    def has_scope(self, component: str, *scopes: str) -> bool:
        """Whether any autorisatie on ``component`` grants one of ``scopes`` (for some type)."""
        if self.has_all:
            return True
        return any(a.component == component and set(scopes) & set(a.scopes) for a in self.autorisaties)

    def grants(self, component: str, *scopes: str) -> dict[int, str]:
        """Type id -> highest confidentiality granted with one of ``scopes`` on ``component``."""
        type_field = TYPED_COMPONENTS[component]
        result: dict[int, str] = {}
        for autorisatie in self.autorisaties:
            if autorisatie.component != component or not set(scopes) & set(autorisatie.scopes):
                continue
            type_id = getattr(autorisatie, f"{type_field}_id")
            if type_id is None:
                continue
            level = autorisatie.max_confidentiality or CONFIDENTIALITY_ORDER[-1]
            current = result.get(type_id)
            if current is None or CONFIDENTIALITY_ORDER.index(level) > CONFIDENTIALITY_ORDER.index(current):
                result[type_id] = level
        return result

    def allows(self, component: str, *scopes: str, type_id: int, confidentiality: str | None = None) -> bool:
        """Whether one object of type ``type_id`` (and that confidentiality) is within a grant."""
        if self.has_all:
            return True
        maximum = self.grants(component, *scopes).get(type_id)
        if maximum is None:
            return False
        return confidentiality is None or is_within(confidentiality, maximum)

    def filter_q(
        self, component: str, *scopes: str, type_field: str, confidentiality_field: str | None = None
    ) -> Q:
        """A filter for lists: only the objects the application may see (zrc-006), ``count`` included.

        The grants are grouped by their maximum level, so 100 zaaktypen with one level make
        one ``IN`` condition, not 100.
        """
        if self.has_all:
            return Q()
        by_level: dict[str, list[int]] = defaultdict(list)
        for type_id, level in self.grants(component, *scopes).items():
            by_level[level].append(type_id)
        if not by_level:
            return Q(pk__in=[])
        condition = Q()
        for level, type_ids in sorted(by_level.items()):
            part = Q(**{f"{type_field}__in": sorted(type_ids)})
            if confidentiality_field and level != CONFIDENTIALITY_ORDER[-1]:
                part &= Q(**{f"{confidentiality_field}__in": levels_up_to(level)})
            condition |= part
        return condition


def access_for_client_id(client_id: str) -> tuple[ClientAccess, str] | None:
    """The application of ``client_id`` and the secret to check its token with, or None."""
    from .models import ClientCredential

    credential = (
        ClientCredential.objects.select_related("application__tenant").filter(client_id=client_id).first()
    )
    if credential is None:
        return None
    application = credential.application
    autorisaties = [] if application.has_all_autorisaties else list(application.autorisaties.all())
    return ClientAccess(
        application=application, client_id=client_id, autorisaties=autorisaties
    ), credential.secret


# The gemeente's own row comes along: it is never kept, so a changed rsin or name applies at
# once, and the access stamp only has to move with changes to applications.
_ORGANISATION_FIELDS = list(Organisation._meta.concrete_fields)
# The column names come from the model, never from a request.
_CLIENT_WITH_STAMPS_SQL = (
    "SELECT COALESCE(s.value, 0), COALESCE(s.access_value, 0), "  # noqa: S608
    + ", ".join(f'o."{column.column}"' for column in _ORGANISATION_FIELDS)
    + " FROM apiclients_clientcredential c JOIN apiclients_application a ON a.id = c.application_id"
    " JOIN tenants_organisation o ON o.id = a.tenant_id"
    " LEFT JOIN notifications_changestamp s ON s.tenant_id = a.tenant_id"
    " WHERE c.client_id = %s"
)


@dataclass(frozen=True)
class CurrentAccess:
    access: ClientAccess
    secret: str
    # The gemeente's change stamp, read with the access: the kept answers of
    # ``api.common.readcache`` are keyed on it.
    change_stamp: int


def current_access(client_id: str) -> CurrentAccess | None:
    """``access_for_client_id``, kept per process until the gemeente's access stamp moves.

    Every change to an application, its client ids or its autorisaties moves the gemeente's
    access stamp in the same transaction (``services._notify``), through the API, the command
    and the admin alike. One query finds the client id with that stamp, the gemeente's change
    stamp (for the kept answers) and the gemeente's own row (never kept, so a changed rsin
    applies at once); while the access stamp stays put, the kept access is current, so a request
    costs that one query instead of the application and autorisaties every time, also right
    after a zaak changed. The stamp is read before the access is loaded: a change that lands
    in between moves the stamp again, so what is kept is never newer than its stamp says.
    """
    # Plain SQL: this runs on every API request, and building it through the ORM cost more
    # than running it.
    with connection.cursor() as cursor:
        cursor.execute(_CLIENT_WITH_STAMPS_SQL, [client_id])
        found = cursor.fetchone()
    if found is None:
        return None
    stamp, access_stamp, *organisation_row = found
    tenant = Organisation.from_db(
        connection.alias, [f.attname for f in _ORGANISATION_FIELDS], _converted(organisation_row)
    )
    tenant_id = tenant.pk
    store = caches[KEPT_IN]
    key = f"zgw-client:{client_id}:{tenant_id}:{access_stamp}"
    kept = store.get(key)
    if kept is not None:
        # Each get is a copy of its own (the cache pickles), so this request may fill it in.
        application, autorisaties, secret = kept
        application.tenant = tenant
        access = ClientAccess(application=application, client_id=client_id, autorisaties=autorisaties)
        return CurrentAccess(access=access, secret=secret, change_stamp=stamp)
    loaded = access_for_client_id(client_id)
    if loaded is None:
        return None
    access, secret = loaded
    if access.tenant.pk != tenant_id:
        # Moved to another gemeente in between: correct, but not for the stamps read above.
        return CurrentAccess(access=access, secret=secret, change_stamp=change_stamp(access.tenant.pk))
    store.set(key, (access.application, access.autorisaties, secret), KEPT_SECONDS)
    return CurrentAccess(access=access, secret=secret, change_stamp=stamp)


def _converted(row: list) -> list:
    # What the ORM does to values read from the database (e.g. SQLite's text for a JSON field).
    values = []
    for column, value in zip(_ORGANISATION_FIELDS, row, strict=True):
        for converter in column.get_db_converters(connection):
            value = converter(value, column, connection)
        values.append(value)
    return values
