"""The competence framework in a gemeente: adopting the collective's version, adding own competences.

The collective publishes (admin, data migrations); a gemeente's HR adopts one published
version at a time and may add competences of its own, each with 3 or 4 levels of behaviour.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext as _

from plus1.tenants.models import Organisation

from .. import policies
from ..constants import MAX_LEVEL, MIN_LEVELS_PER_COMPETENCE, FrameworkStatus
from ..exceptions import DevelopmentError, DevelopmentNotAllowed
from ..models import Competence, CompetenceFramework, CompetenceLevel, FrameworkAdoption
from .common import audit, clean_text


def _require_hr(user: AbstractBaseUser, tenant: Organisation) -> None:
    if not policies.may_manage_offer(user, tenant):
        raise DevelopmentNotAllowed(_("Alleen HR van uw gemeente kan dit doen."))


@transaction.atomic
def adopt_framework(
    *, tenant: Organisation, framework: CompetenceFramework, user: AbstractBaseUser
) -> FrameworkAdoption:
    """HR adopts a published framework version for the gemeente (replaces an older one)."""
    _require_hr(user, tenant)
    if framework.status != FrameworkStatus.PUBLISHED:
        raise DevelopmentError(_("Deze versie van het raamwerk is niet gepubliceerd."), field="framework")
    adoption = FrameworkAdoption.objects.select_for_update().for_tenant(tenant).first()
    before = {"version": adoption.framework.version} if adoption else None
    if adoption is None:
        adoption = FrameworkAdoption.objects.create(tenant=tenant, framework=framework, adopted_by=user)
    else:
        adoption.framework = framework
        adoption.adopted_by = user
        adoption.save(update_fields=["framework", "adopted_by", "adopted_at"])
    audit(
        tenant=tenant,
        user=user,
        action="adopt_framework",
        obj=adoption,
        before=before,
        after={"version": framework.version},
    )
    return adoption


@transaction.atomic
def add_own_competence(
    *,
    tenant: Organisation,
    user: AbstractBaseUser,
    name: str,
    description: str,
    levels: Sequence[tuple[str, str]],
) -> Competence:
    """HR adds a competence of the gemeente's own; ``levels``: (name, behaviour) for level 1, 2, ..."""
    _require_hr(user, tenant)
    name = clean_text(name, field="name", max_length=120, label=_("de naam"))
    description = clean_text(description, field="description", max_length=2000, label=_("de omschrijving"))
    cleaned = [
        (
            clean_text(
                level_name, field=f"level_{number}_name", max_length=80, label=_("de naam van het niveau")
            ),
            clean_text(behaviour, field=f"level_{number}_behaviour", max_length=2000, label=_("het gedrag")),
        )
        for number, (level_name, behaviour) in enumerate(levels, start=1)
        if str(level_name or "").strip() or str(behaviour or "").strip()
    ]
    if not MIN_LEVELS_PER_COMPETENCE <= len(cleaned) <= MAX_LEVEL:
        raise DevelopmentError(
            _("Geef %(min)s of %(max)s niveaus, elk met zichtbaar gedrag.")
            % {"min": MIN_LEVELS_PER_COMPETENCE, "max": MAX_LEVEL},
            field="levels",
        )
    code = slugify(name)[:50] or "competentie"
    if Competence.objects.filter(tenant=tenant, code=code).exists():
        raise DevelopmentError(_("Uw gemeente heeft al een competentie met deze naam."), field="name")
    last = Competence.objects.filter(tenant=tenant).aggregate(last=Max("order"))["last"] or 900
    competence = Competence.objects.create(
        tenant=tenant, code=code, name=name, description=description, order=last + 10
    )
    CompetenceLevel.objects.bulk_create(
        CompetenceLevel(competence=competence, level=number, name=level_name, behaviour=behaviour)
        for number, (level_name, behaviour) in enumerate(cleaned, start=1)
    )
    audit(tenant=tenant, user=user, action="add_competence", obj=competence, after={"name": name})
    return competence
