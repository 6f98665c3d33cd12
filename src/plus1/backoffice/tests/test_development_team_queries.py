"""The team view page takes a fixed number of queries, however many people the team has (issue 22).

Every member adds a heatmap row, ratings, a plan and a processing-log record, but all of them
are read and written per team, not per member.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plus1.development.services import assessments, plans
from plus1.development.tests import factories as f

from .development_people import *  # noqa: F403 (the fixtures)

pytestmark = pytest.mark.django_db

# Queries of one team view page; a new one needs a reason (it may never be one per member).
BUDGET = 40


def _member(gemeente, team, profile, name: str, assessor):
    """A colleague with a role profile, a leidinggevende assessment, a self assessment and a plan."""
    user = f.person(name, gemeente=gemeente, team=team)
    assessments.assign_role_profile(tenant=gemeente, user=assessor, employee=user, role_profile=profile)
    competence = f.competence("klantgerichtheid")
    assessments.submit_assessment(tenant=gemeente, employee=user, assessor=user, ratings={competence.pk: 2})
    assessments.submit_assessment(
        tenant=gemeente, employee=user, assessor=assessor, ratings={competence.pk: 1}
    )
    plans.create_plan(tenant=gemeente, user=assessor, employee=user)
    return user


def _queries(client, page) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(page).status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def test_the_team_view_takes_as_many_queries_for_two_members_as_for_ten(
    people, as_user, gemeente_a, team_wmo
):
    profile = f.role_profile(gemeente_a, "Consulent Wmo", {"klantgerichtheid": 3, "digitale-vaardigheid": 2})
    lead = people["lead"]
    page = reverse("backoffice:development-team", args=[team_wmo.pk])
    client = as_user(lead)
    client.get(page)  # the first request after signing in saves the session once
    for n in range(2):
        _member(gemeente_a, team_wmo, profile, f"collega{n}", lead)
    few = _queries(client, page)
    for n in range(2, 10):
        _member(gemeente_a, team_wmo, profile, f"collega{n}", lead)
    many = _queries(client, page)
    # 38 today: session, sign-in and role checks, navigation, the team view, the klantwaardering,
    # the pulse and one processing-log insert for all members together.
    assert len(many) == len(few) <= BUDGET, "\n".join(many)
