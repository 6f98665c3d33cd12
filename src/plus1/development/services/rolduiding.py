"""Rolduiding: HR asks a cross-section of staff which competences a role needs, and at which level.

HR chooses the participants across teams and roles; each answers once, per competence of the
gemeente: how important it is for the role and, if needed, at which level. The results show
the spread of answers; when HR confirms, the chosen levels become the role profile's items.
"""

from __future__ import annotations

import datetime
import math
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from plus1.core import clock
from plus1.tenants.models import Organisation

from .. import policies
from ..constants import (
    MIN_CLARIFICATION_PARTICIPANTS,
    PROFILE_MIN_IMPORTANCE,
    ClarificationStatus,
    Importance,
)
from ..exceptions import AlreadyAnswered, DevelopmentError, DevelopmentNotAllowed, InvalidRating
from ..models import (
    ClarificationAnswer,
    ClarificationResponse,
    Competence,
    RoleClarification,
    RoleProfile,
    RoleProfileItem,
)
from ..selectors import competences_for, employees
from .common import audit, clean_text, level_numbers, whole_number


@dataclass(frozen=True)
class CompetenceResult:
    """The answers about one competence, with their spread."""

    competence: Competence
    answered: int
    importance_counts: dict[int, int]  # Importance value -> how many chose it
    level_counts: dict[int, int]  # level -> how many chose it (only those who found it needed)
    median_importance: float | None
    suggested_level: int | None  # median of the chosen levels, rounded up; None when not needed
    in_profile: bool  # median importance at least PROFILE_MIN_IMPORTANCE


def _require_hr(user: AbstractBaseUser, tenant: Organisation) -> None:
    if not policies.may_manage_offer(user, tenant):
        raise DevelopmentNotAllowed(_("Alleen HR van uw gemeente kan dit doen."))


@transaction.atomic
def start_clarification(
    *,
    tenant: Organisation,
    user: AbstractBaseUser,
    role_name: str,
    participants: Iterable[AbstractBaseUser],
    closes_on: datetime.date,
    description: str = "",
) -> RoleClarification:
    """HR starts a rolduiding for a role with employees of the gemeente across teams and roles."""
    _require_hr(user, tenant)
    role_name = clean_text(role_name, field="role_name", max_length=120, label=_("de naam van de rol"))
    description = clean_text(description, field="description", max_length=2000, required=False)
    if not isinstance(closes_on, datetime.date) or closes_on < clock.today():
        raise DevelopmentError(_("Kies een sluitdatum vandaag of later."), field="closes_on")
    ids = {getattr(p, "pk", p) for p in participants}
    found = set(employees(tenant).filter(pk__in=ids).values_list("pk", flat=True))
    if found != ids:
        raise DevelopmentError(_("Kies alleen medewerkers van uw eigen gemeente."), field="participants")
    if len(found) < MIN_CLARIFICATION_PARTICIPANTS:
        raise DevelopmentError(
            _("Kies minstens %(count)s deelnemers uit verschillende teams en rollen.")
            % {"count": MIN_CLARIFICATION_PARTICIPANTS},
            field="participants",
        )
    clarification = RoleClarification.objects.create(
        tenant=tenant, role_name=role_name, description=description, closes_on=closes_on, created_by=user
    )
    clarification.participants.set(found)
    audit(
        tenant=tenant,
        user=user,
        action="start_rolduiding",
        obj=clarification,
        after={"role": role_name, "participants": len(found), "closes_on": closes_on.isoformat()},
    )
    return clarification


def _clean_answers(tenant: Organisation, answers: Mapping) -> list[tuple[Competence, int, int | None]]:
    competences = competences_for(tenant)
    by_id = {c.pk: c for c in competences}
    given: dict[int, tuple] = {}
    for key, value in answers.items():
        competence_id = whole_number(key, field="answers", message=_("Deze competentie bestaat niet."))
        if competence_id not in by_id:
            raise InvalidRating(_("Deze competentie hoort niet bij uw gemeente."), field="answers")
        given[competence_id] = value
    result = []
    for competence in competences:
        field = f"competence_{competence.pk}"
        if competence.pk not in given:
            raise DevelopmentError(
                _("Geef bij %(name)s aan hoe belangrijk deze is.") % {"name": competence.name}, field=field
            )
        importance, level = given[competence.pk]
        importance = whole_number(
            importance,
            field=field,
            message=_("Kies hoe belangrijk deze competentie is."),
            error=InvalidRating,
        )
        if importance not in Importance.values:
            raise InvalidRating(
                _("Kies hoe belangrijk %(name)s is.") % {"name": competence.name}, field=field
            )
        if importance == Importance.NOT_NEEDED:
            result.append((competence, importance, None))
            continue
        levels = sorted(level_numbers(competence))
        message = _("Kies bij %(name)s een niveau van %(low)s tot en met %(high)s.") % {
            "name": competence.name,
            "low": levels[0],
            "high": levels[-1],
        }
        if level in (None, ""):
            raise InvalidRating(message, field=field)
        level = whole_number(level, field=field, message=message, error=InvalidRating)
        if level not in levels:
            raise InvalidRating(message, field=field)
        result.append((competence, importance, level))
    return result


def answer_clarification(
    *,
    clarification: RoleClarification,
    user: AbstractBaseUser,
    answers: Mapping[int, tuple[int, int | None]],
) -> ClarificationResponse:
    """A participant answers once: competence id -> (importance, level or None when not needed)."""
    tenant = clarification.tenant
    cleaned = _clean_answers(tenant, answers)
    try:
        with transaction.atomic():
            locked = RoleClarification.objects.select_for_update().get(pk=clarification.pk)
            if not locked.participants.filter(pk=user.pk).exists():
                raise DevelopmentNotAllowed(_("U bent niet gevraagd voor deze rolduiding."))
            if locked.status != ClarificationStatus.OPEN or locked.closes_on < clock.today():
                raise DevelopmentError(_("Deze rolduiding is gesloten. U kunt niet meer antwoorden."))
            if locked.responses.filter(participant=user).exists():
                raise AlreadyAnswered(_("U heeft deze rolduiding al ingevuld."))
            response = ClarificationResponse.objects.create(
                tenant=tenant, clarification=locked, participant=user
            )
            ClarificationAnswer.objects.bulk_create(
                ClarificationAnswer(response=response, competence=c, importance=i, level=lvl)
                for c, i, lvl in cleaned
            )
            audit(tenant=tenant, user=user, action="answer_rolduiding", obj=locked)
    except IntegrityError:
        raise AlreadyAnswered(_("U heeft deze rolduiding al ingevuld.")) from None
    return response


@transaction.atomic
def close_clarification(*, clarification: RoleClarification, user: AbstractBaseUser) -> RoleClarification:
    """HR closes the questionnaire (no more answers)."""
    _require_hr(user, clarification.tenant)
    locked = RoleClarification.objects.select_for_update().get(pk=clarification.pk)
    if locked.status != ClarificationStatus.OPEN:
        raise DevelopmentError(_("Deze rolduiding is al gesloten."))
    locked.status = ClarificationStatus.CLOSED
    locked.save(update_fields=["status"])
    audit(tenant=locked.tenant, user=user, action="close_rolduiding", obj=locked)
    return locked


def suggested_level(levels: list[int]) -> int | None:
    """The median of the chosen levels, rounded up (half a level more is still that level)."""
    return math.ceil(statistics.median(levels)) if levels else None


def clarification_results(clarification: RoleClarification) -> list[CompetenceResult]:
    """Per competence of the gemeente: the spread of importance and level, and the suggestion."""
    rows = ClarificationAnswer.objects.filter(response__clarification=clarification).values_list(
        "competence_id", "importance", "level"
    )
    importances: dict[int, list[int]] = {}
    levels: dict[int, list[int]] = {}
    for competence_id, importance, level in rows:
        importances.setdefault(competence_id, []).append(importance)
        if level is not None:
            levels.setdefault(competence_id, []).append(level)
    results = []
    for competence in competences_for(clarification.tenant):
        chosen = importances.get(competence.pk, [])
        median = float(statistics.median(chosen)) if chosen else None
        results.append(
            CompetenceResult(
                competence=competence,
                answered=len(chosen),
                importance_counts={value: Counter(chosen)[value] for value in Importance.values},
                level_counts={
                    lvl.level: levels.get(competence.pk, []).count(lvl.level)
                    for lvl in competence.levels.all()
                },
                median_importance=median,
                suggested_level=suggested_level(levels.get(competence.pk, [])),
                in_profile=median is not None and median >= PROFILE_MIN_IMPORTANCE,
            )
        )
    return results


@transaction.atomic
def confirm_clarification(
    *,
    clarification: RoleClarification,
    user: AbstractBaseUser,
    levels: Mapping[int, int],
    profile_name: str = "",
) -> RoleProfile:
    """HR confirms: competence id -> level becomes the role profile's items (created or replaced)."""
    tenant = clarification.tenant
    _require_hr(user, tenant)
    locked = RoleClarification.objects.select_for_update().get(pk=clarification.pk)
    if locked.status == ClarificationStatus.CONFIRMED:
        raise DevelopmentError(_("Deze rolduiding is al bevestigd."))
    if not locked.responses.exists():
        raise DevelopmentError(_("Er zijn nog geen antwoorden. Wacht op de deelnemers."))
    by_id = {c.pk: c for c in competences_for(tenant)}
    results = {r.competence.pk: r for r in clarification_results(locked)}
    items = []
    for key, value in levels.items():
        competence_id = whole_number(key, field="levels", message=_("Deze competentie bestaat niet."))
        competence = by_id.get(competence_id)
        if competence is None:
            raise InvalidRating(_("Deze competentie hoort niet bij uw gemeente."), field="levels")
        if value in (None, ""):
            continue  # not in the profile
        allowed = sorted(level_numbers(competence))
        message = _("Kies bij %(name)s een niveau van %(low)s tot en met %(high)s.") % {
            "name": competence.name,
            "low": allowed[0],
            "high": allowed[-1],
        }
        level = whole_number(value, field=f"competence_{competence_id}", message=message, error=InvalidRating)
        if level not in allowed:
            raise InvalidRating(message, field=f"competence_{competence_id}")
        median = results[competence_id].median_importance
        importance = max(Importance.USEFUL, round(median)) if median is not None else Importance.IMPORTANT
        items.append((competence, level, importance))
    if not items:
        raise DevelopmentError(
            _("Kies minstens één competentie met een niveau voor het rolprofiel."), field="levels"
        )
    name = clean_text(
        profile_name or locked.role_name, field="profile_name", max_length=120, label=_("de naam")
    )
    profile, _created = RoleProfile.objects.select_for_update().get_or_create(tenant=tenant, name=name)
    before = dict(profile.items.values_list("competence__code", "level")) or None
    profile.items.all().delete()
    RoleProfileItem.objects.bulk_create(
        RoleProfileItem(profile=profile, competence=c, level=lvl, importance=imp) for c, lvl, imp in items
    )
    profile.confirmed_at = timezone.now()
    profile.confirmed_by = user
    profile.save(update_fields=["confirmed_at", "confirmed_by"])
    locked.status = ClarificationStatus.CONFIRMED
    locked.role_profile = profile
    locked.save(update_fields=["status", "role_profile"])
    audit(
        tenant=tenant,
        user=user,
        action="confirm_role_profile",
        obj=profile,
        before=before,
        after={c.code: lvl for c, lvl, _imp in items},
    )
    return profile
