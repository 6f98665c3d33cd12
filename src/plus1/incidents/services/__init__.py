"""Every change of the incident register goes through one of these services."""

from .handling import close_incident, complete_task, end_measure, make_warning_letter, set_measure
from .log import ACTIVITY, log_incident_change, log_incident_reads, person_subject, record_incident_change
from .report import (
    IncidentData,
    Person,
    betrokkenen,
    colleagues_of,
    discard_draft,
    next_incident_number,
    report_incident,
    save_draft,
    settings_for,
    update_incident,
    zaak_for_report,
)
from .retention import purge_closed_incidents
from .settings import update_incident_settings

__all__ = [
    "ACTIVITY",
    "IncidentData",
    "Person",
    "betrokkenen",
    "close_incident",
    "colleagues_of",
    "complete_task",
    "discard_draft",
    "end_measure",
    "log_incident_change",
    "log_incident_reads",
    "make_warning_letter",
    "next_incident_number",
    "person_subject",
    "purge_closed_incidents",
    "record_incident_change",
    "report_incident",
    "save_draft",
    "set_measure",
    "settings_for",
    "update_incident",
    "update_incident_settings",
    "zaak_for_report",
]
