"""Assessments: self and leidinggevende, ratings within the levels, reads in the processing log."""

import pytest

from plus1.audit.models import ProcessingRecord
from plus1.development import selectors
from plus1.development.exceptions import DevelopmentNotAllowed, InvalidRating
from plus1.development.models import Assessment, AssessmentRating, EmployeeProfile
from plus1.development.services import assessments as service

from . import factories as f

pytestmark = pytest.mark.django_db


def ids(**levels):
    return {f.competence(code.replace("_", "-")).pk: level for code, level in levels.items()}


def test_an_employee_rates_themself_and_their_leidinggevende_rates_too(gemeente_a, framework, emma, lead):
    own = service.submit_assessment(
        tenant=gemeente_a, employee=emma, assessor=emma, ratings=ids(klantgerichtheid=3, wendbaar_werken=2)
    )
    theirs = service.submit_assessment(
        tenant=gemeente_a, employee=emma, assessor=lead, ratings=ids(klantgerichtheid=2, wendbaar_werken=2)
    )
    assert (own.kind, theirs.kind) == ("self", "manager")
    assert AssessmentRating.objects.filter(assessment=theirs).count() == 2


@pytest.mark.parametrize("level", [0, 5, -1, "drie", "2.5", True])
def test_a_rating_outside_the_levels_is_refused_and_nothing_is_stored(gemeente_a, framework, emma, level):
    with pytest.raises(InvalidRating, match="Kies bij Klantgerichtheid"):
        service.submit_assessment(
            tenant=gemeente_a, employee=emma, assessor=emma, ratings=ids(klantgerichtheid=level)
        )
    assert not Assessment.objects.exists()


def test_level_4_does_not_exist_for_a_competence_with_3_levels(gemeente_a, framework, emma):
    with pytest.raises(InvalidRating, match="1 tot en met 3"):
        service.submit_assessment(
            tenant=gemeente_a,
            employee=emma,
            assessor=emma,
            ratings=ids(klantgerichtheid=2, omgaan_met_agressie=4),
        )
    assert not Assessment.objects.exists()
    assert not AssessmentRating.objects.exists()


def test_a_competence_the_gemeente_does_not_use_is_refused(gemeente_a, gemeente_b, emma, hugo):
    f.adopt_v1(gemeente_b)  # gemeente A adopted nothing
    with pytest.raises(InvalidRating, match="hoort niet bij uw gemeente"):
        service.submit_assessment(
            tenant=gemeente_a, employee=emma, assessor=emma, ratings=ids(klantgerichtheid=2)
        )


def test_an_empty_assessment_is_refused(gemeente_a, framework, emma):
    with pytest.raises(InvalidRating, match="minstens één"):
        service.submit_assessment(tenant=gemeente_a, employee=emma, assessor=emma, ratings={})


def test_a_colleague_hr_or_lead_of_another_team_cannot_rate_as_leidinggevende(
    gemeente_a, framework, emma, bram, hanna, tara
):
    for assessor in (bram, hanna, tara):
        with pytest.raises(DevelopmentNotAllowed, match="eigen team"):
            service.submit_assessment(
                tenant=gemeente_a, employee=emma, assessor=assessor, ratings=ids(klantgerichtheid=2)
            )
    assert not Assessment.objects.exists()


def test_nobody_rates_an_employee_of_another_gemeente(gemeente_a, framework, lead, bea):
    with pytest.raises(DevelopmentNotAllowed):
        service.submit_assessment(
            tenant=gemeente_a, employee=bea, assessor=lead, ratings=ids(klantgerichtheid=2)
        )


def test_the_comparison_shows_the_gap_against_the_role_profile(gemeente_a, framework, emma, lead, hanna):
    profile = f.role_profile(gemeente_a, "Consulent Wmo", {"klantgerichtheid": 3, "integraal-samenwerken": 2})
    service.assign_role_profile(tenant=gemeente_a, user=hanna, employee=emma, role_profile=profile)
    service.submit_assessment(
        tenant=gemeente_a, employee=emma, assessor=emma, ratings=ids(klantgerichtheid=3)
    )
    service.submit_assessment(
        tenant=gemeente_a, employee=emma, assessor=lead, ratings=ids(klantgerichtheid=1)
    )
    comparison = selectors.assessment_comparison(tenant=gemeente_a, employee=emma, viewer=emma)
    rows = {row.competence.code: row for row in comparison.rows}
    assert set(rows) == {"klantgerichtheid", "integraal-samenwerken"}
    assert (rows["klantgerichtheid"].self_level, rows["klantgerichtheid"].manager_level) == (3, 1)
    assert rows["klantgerichtheid"].gap == 2
    assert rows["integraal-samenwerken"].gap is None


def test_reading_someone_elses_assessment_is_logged_and_ones_own_is_not(
    gemeente_a, framework, emma, lead, hanna
):
    service.submit_assessment(
        tenant=gemeente_a, employee=emma, assessor=emma, ratings=ids(klantgerichtheid=3)
    )
    before = ProcessingRecord.objects.filter(action="read").count()
    selectors.assessment_comparison(tenant=gemeente_a, employee=emma, viewer=emma)
    assert ProcessingRecord.objects.filter(action="read").count() == before
    selectors.assessment_comparison(tenant=gemeente_a, employee=emma, viewer=lead)
    selectors.assessment_comparison(tenant=gemeente_a, employee=emma, viewer=hanna)
    reads = ProcessingRecord.objects.filter(action="read", activity_code="personeelsontwikkeling")
    assert sorted(reads.values_list("actor_label", flat=True)) == ["hanna", "lead"]
    assert all("emma" in label for label in reads.values_list("object_label", flat=True))


def test_a_role_profile_of_another_gemeente_cannot_be_assigned(
    gemeente_a, gemeente_b, framework, emma, hanna
):
    other = f.role_profile(gemeente_b, "Elders", {"klantgerichtheid": 2})
    with pytest.raises(Exception, match="eigen gemeente"):
        service.assign_role_profile(tenant=gemeente_a, user=hanna, employee=emma, role_profile=other)
    assert not EmployeeProfile.objects.exists()


def test_a_colleague_cannot_assign_a_role_profile(gemeente_a, framework, emma, bram):
    profile = f.role_profile(gemeente_a, "Consulent", {"klantgerichtheid": 2})
    with pytest.raises(DevelopmentNotAllowed):
        service.assign_role_profile(tenant=gemeente_a, user=bram, employee=emma, role_profile=profile)
