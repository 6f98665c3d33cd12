"""The collective's competence framework: seeded v1, adopted per gemeente, own competences added by HR."""

import pytest

from plus1.development import selectors
from plus1.development.constants import MAX_LEVEL, MIN_LEVELS_PER_COMPETENCE
from plus1.development.exceptions import DevelopmentError, DevelopmentNotAllowed
from plus1.development.models import Competence, CompetenceFramework, FrameworkAdoption
from plus1.development.services import framework as service

from . import factories as f

pytestmark = pytest.mark.django_db

SEVEN = {
    "integraal-samenwerken",
    "klantgerichtheid",
    "opgavegericht-werken",
    "wendbaar-werken",
    "digitale-vaardigheid",
    "omgevingsbewust-werken",
    "omgaan-met-agressie",
}

LEVELS = [
    ("Basis", "Je doet het met hulp."),
    ("Zelfstandig", "Je doet het zelf."),
    ("Ervaren", "Je leert het anderen."),
]


def test_version_1_is_published_with_the_seven_competences_each_with_3_or_4_levels_of_behaviour():
    framework = CompetenceFramework.objects.get(version=1)
    assert framework.status == "published"
    competences = list(framework.competences.prefetch_related("levels"))
    assert {c.code for c in competences} == SEVEN
    for competence in competences:
        levels = [level.level for level in competence.levels.all()]
        assert MIN_LEVELS_PER_COMPETENCE <= len(levels) <= MAX_LEVEL
        assert levels == list(range(1, len(levels) + 1))
        assert all(level.behaviour.strip() for level in competence.levels.all())


def test_a_gemeente_sees_the_adopted_framework_and_its_own_competences_only(
    gemeente_a, gemeente_b, hanna, hugo
):
    assert selectors.competences_for(gemeente_a) == []
    framework = CompetenceFramework.objects.get(version=1)
    service.adopt_framework(tenant=gemeente_a, framework=framework, user=hanna)
    service.add_own_competence(
        tenant=gemeente_b, user=hugo, name="Gastvrijheid", description="Welkom heten.", levels=LEVELS
    )
    codes = {c.code for c in selectors.competences_for(gemeente_a)}
    assert codes == SEVEN
    assert {c.code for c in selectors.competences_for(gemeente_b)} == {"gastvrijheid"}


def test_only_hr_adopts_the_framework(gemeente_a, emma):
    framework = CompetenceFramework.objects.get(version=1)
    with pytest.raises(DevelopmentNotAllowed):
        service.adopt_framework(tenant=gemeente_a, framework=framework, user=emma)
    assert not FrameworkAdoption.objects.exists()


def test_adopting_a_newer_version_replaces_the_adoption(gemeente_a, hanna):
    v1 = CompetenceFramework.objects.get(version=1)
    v2 = CompetenceFramework.objects.create(version=2, status="published")
    service.adopt_framework(tenant=gemeente_a, framework=v1, user=hanna)
    service.adopt_framework(tenant=gemeente_a, framework=v2, user=hanna)
    assert FrameworkAdoption.objects.get(tenant=gemeente_a).framework == v2


def test_a_draft_framework_cannot_be_adopted(gemeente_a, hanna):
    draft = CompetenceFramework.objects.create(version=3, status="draft")
    with pytest.raises(DevelopmentError, match="niet gepubliceerd"):
        service.adopt_framework(tenant=gemeente_a, framework=draft, user=hanna)


@pytest.mark.parametrize("levels", [LEVELS[:2], LEVELS * 2, [("", ""), ("", ""), ("", "")]])
def test_an_own_competence_needs_3_or_4_levels(gemeente_a, hanna, levels):
    with pytest.raises(DevelopmentError, match="niveaus"):
        service.add_own_competence(
            tenant=gemeente_a, user=hanna, name="Gastvrijheid", description="Welkom.", levels=levels
        )
    assert not Competence.objects.filter(tenant=gemeente_a).exists()


def test_an_own_competence_name_is_unique_in_the_gemeente(gemeente_a, hanna):
    service.add_own_competence(
        tenant=gemeente_a, user=hanna, name="Gastvrijheid", description="x", levels=LEVELS
    )
    with pytest.raises(DevelopmentError, match="al een competentie"):
        service.add_own_competence(
            tenant=gemeente_a, user=hanna, name="gastvrijheid", description="x", levels=LEVELS
        )


def test_an_employee_cannot_add_a_competence(gemeente_a, emma):
    with pytest.raises(DevelopmentNotAllowed):
        service.add_own_competence(tenant=gemeente_a, user=emma, name="X", description="x", levels=LEVELS)


def test_factories_adopt(gemeente_a):
    f.adopt_v1(gemeente_a)
    assert len(selectors.competences_for(gemeente_a)) == 7
