"""A resident answers: checked, stored once, counted, and an unhappy answer becomes a call-back."""

from __future__ import annotations

import re
from typing import Any

from django.db import transaction
from django.utils import timezone

from plus1.audit.services import Actor, record_change
from plus1.cases.models import Zaak
from plus1.core import clock

from .. import rollups
from ..constants import CALL_BACK_AT_OR_BELOW, MAX_TEXT_LENGTH, Channel, QuestionKind
from ..exceptions import AnswerInvalid
from ..models import Answer, CallBack, Invitation
from ..surveys import current_survey, own_questions
from .invitations import check_open

# Who answers: a resident we do not know by name, through the portal.
RESIDENT = Actor(type="resident", id="anoniem", label="Inwoner (klantwaardering)", unit="")
PHONE_CHARACTERS = re.compile(r"^\+?[0-9 ()\-]+$")
YES_NO = {"ja": True, "nee": False, True: True, False: False}


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def is_phone_number(value: str) -> bool:
    """A Dutch or international phone number: digits, spaces, dashes, brackets, a leading +."""
    digits = re.sub(r"\D", "", value)
    return bool(PHONE_CHARACTERS.match(value)) and 9 <= len(digits) <= 15 and len(value) <= 20


def _check_own_answers(tenant, own_answers: dict, errors: dict[str, str]) -> dict[str, Any]:
    kept: dict[str, Any] = {}
    for question in own_questions(tenant):
        key = str(question.pk)
        value = own_answers.get(key)
        if value in (None, ""):
            continue
        field = f"own_{key}"
        if question.kind == QuestionKind.SCALE:
            number = _as_int(value)
            if number is None or not 1 <= number <= 5:
                errors[field] = "Kies een antwoord van 1 tot en met 5."
            else:
                kept[key] = number
        elif question.kind == QuestionKind.YES_NO:
            if value not in YES_NO:
                errors[field] = "Kies ja of nee."
            else:
                kept[key] = YES_NO[value]
        else:
            text = str(value).strip()
            if len(text) > MAX_TEXT_LENGTH:
                errors[field] = f"Uw antwoord is te lang. Gebruik hoogstens {MAX_TEXT_LENGTH} tekens."
            elif text:
                kept[key] = text
    return kept


def lead_time(zaak: Zaak | None) -> tuple[int | None, bool | None]:
    """Days from the zaak's start to its end, and whether it ended within the service norm
    (the streefdatum, else the legal end date)."""
    if zaak is None or zaak.ended_on is None:
        return None, None
    days = max(0, (zaak.ended_on - zaak.started_on).days)
    norm = zaak.service_norm_on or zaak.planned_end_on
    return days, (zaak.ended_on <= norm) if norm else None


@transaction.atomic
def submit_answer(
    *,
    invitation: Invitation,
    score: int,
    effort: int | None,
    improvement: str,
    own_answers: dict,
    may_call: bool,
    call_phone: str,
    channel: str | None = None,
) -> Answer:
    """Store a resident's answer to an invitation: once, in one transaction.

    The invitation row is locked, so of two answers sent at the same moment one is stored
    and the other gets "al beantwoord" (``InvitationError``). The answer keeps no name or
    BSN; its link to the zaak stays only for the follow-up (``tasks.remove_answer_links``).
    A score of ``CALL_BACK_AT_OR_BELOW`` or lower with "u mag mij bellen" becomes a call-back
    for the zaak's team; the phone number is kept only then. Raises ``AnswerInvalid`` (per
    field, Dutch) for a score out of range, too long a text or a missing phone number.
    """
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("zaak", "tenant")
        .get(pk=invitation.pk)
    )
    check_open(invitation)
    errors: dict[str, str] = {}
    score_value = _as_int(score)
    if score_value is None or not 1 <= score_value <= 10:
        errors["score"] = "Kies een rapportcijfer van 1 tot en met 10."
    effort_value = None if effort in (None, "") else _as_int(effort)
    if effort not in (None, "") and (effort_value is None or not 1 <= effort_value <= 5):
        errors["effort"] = "Kies een antwoord van 1 tot en met 5."
    improvement = (improvement or "").strip()
    if len(improvement) > MAX_TEXT_LENGTH:
        errors["improvement"] = f"Uw tekst is te lang. Gebruik hoogstens {MAX_TEXT_LENGTH} tekens."
    channel = channel or invitation.channel
    if channel not in Channel.values:
        errors["channel"] = "Kies hoe u contact met ons had."
    call_phone = (call_phone or "").strip()
    if may_call and not call_phone:
        errors["call_phone"] = "Vul uw telefoonnummer in, zodat wij u kunnen bellen."
    elif may_call and not is_phone_number(call_phone):
        errors["call_phone"] = "Vul een telefoonnummer in met alleen cijfers, bijvoorbeeld 06 12345678."
    kept_own = _check_own_answers(invitation.tenant, own_answers or {}, errors)
    if errors:
        raise AnswerInvalid(errors)

    wants_call = bool(may_call) and score_value <= CALL_BACK_AT_OR_BELOW
    zaak = invitation.zaak
    lead_time_days, within_norm = lead_time(zaak)
    now = clock.now()
    answer = Answer.objects.create(
        tenant=invitation.tenant,
        invitation=invitation,
        survey=current_survey(),
        source=invitation.source,
        process_id=invitation.process_id,
        team_id=invitation.team_id,
        channel=channel,
        score=score_value,
        effort=effort_value,
        improvement=improvement,
        own_answers=kept_own,
        may_call=bool(may_call),
        call_phone=call_phone if wants_call else "",
        answered_at=now,
        answered_on=timezone.localdate(now),
        zaak=zaak,
        lead_time_days=lead_time_days,
        within_norm=within_norm,
    )
    invitation.used_at = now
    invitation.save(update_fields=["used_at"])
    rollups.count_answer(answer)
    call_back = None
    if wants_call:
        call_back = CallBack.objects.create(
            tenant=invitation.tenant,
            answer=answer,
            team_id=invitation.team_id or (zaak.team_id if zaak is not None else None),
            created_at=now,
        )
    # No text, no phone number: what the answer was, not who gave it.
    record_change(
        tenant=invitation.tenant,
        actor=RESIDENT,
        action="submit_feedback_answer",
        obj=answer,
        after={
            "invitation": str(invitation.uuid),
            "score": score_value,
            "effort": effort_value,
            "call_back": call_back is not None,
        },
    )
    return answer
