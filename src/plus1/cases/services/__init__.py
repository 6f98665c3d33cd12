"""Every change to a zaak goes through these functions: intake (requests, drafts, reports),
handling (statuses, questions, deadlines, decisions, closing) and sharing with chain partners."""

from .closing import archive_action_date, close_zaak, decide_zaak, reopen_zaak
from .handling import (
    add_note,
    add_zaak_document,
    answer_information_request,
    assign_zaak,
    assign_zaken,
    claim_zaak,
    extend_zaak,
    request_information,
    resume_zaak,
    set_status,
    suspend_zaak,
)
from .intake import (
    Initiator,
    add_draft_document,
    create_zaak,
    missing_documents,
    next_case_number,
    save_draft_answers,
    send_confirmation,
    start_or_resume_draft,
    submit_anonymous_report,
    submit_draft,
)
from .links import link_zaken
from .sharing import add_partner_document, add_partner_note, revoke_share, share_zaak

__all__ = [
    "Initiator",
    "add_draft_document",
    "add_note",
    "add_partner_document",
    "add_partner_note",
    "add_zaak_document",
    "answer_information_request",
    "archive_action_date",
    "assign_zaak",
    "assign_zaken",
    "claim_zaak",
    "close_zaak",
    "create_zaak",
    "decide_zaak",
    "extend_zaak",
    "link_zaken",
    "missing_documents",
    "next_case_number",
    "reopen_zaak",
    "request_information",
    "resume_zaak",
    "revoke_share",
    "save_draft_answers",
    "send_confirmation",
    "set_status",
    "share_zaak",
    "start_or_resume_draft",
    "submit_anonymous_report",
    "submit_draft",
    "suspend_zaak",
]
