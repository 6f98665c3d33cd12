"""Included without a namespace of its own: the names join the including app's namespace.

Mounted at /backoffice/medewerkers/: competences, development plans, learning offer,
engagement pulse and the team view (issue 22).
"""

from django.urls import path

from . import development_hr_views as hr
from . import development_learning_views as learning
from . import development_team_views as team
from . import development_views as views

urlpatterns: list = [
    path("", views.home_view, name="development-home"),
    path("competenties/", views.framework_view, name="development-framework"),
    path("zelfbeoordeling/", views.self_assessment_view, name="development-self-assessment"),
    path("medewerker/<int:user_id>/", views.employee_view_page, name="development-employee"),
    path(
        "medewerker/<int:user_id>/beoordelen/",
        views.manager_assessment_view,
        name="development-manager-assessment",
    ),
    path("medewerker/<int:user_id>/rolprofiel/", hr.role_profile_view, name="development-role-profile"),
    path("medewerker/<int:user_id>/plan/", views.plan_create_view, name="development-plan-create"),
    path("ontwikkelplan/<uuid:plan_uuid>/", views.plan_view, name="development-plan"),
    path("leeraanbod/", learning.training_list_view, name="development-trainings"),
    path("leeraanbod/nieuw/", hr.training_new_view, name="development-training-new"),
    path("leeraanbod/<uuid:training_uuid>/", learning.training_detail_view, name="development-training"),
    path("leeraanbod/<uuid:training_uuid>/inschrijven/", learning.enrol_view, name="development-enrol"),
    path(
        "inschrijving/<int:enrolment_id>/afmelden/",
        learning.cancel_enrolment_view,
        name="development-enrolment-cancel",
    ),
    path(
        "inschrijving/<int:enrolment_id>/aanwezigheid/",
        learning.attendance_view,
        name="development-attendance",
    ),
    path(
        "inschrijving/<int:enrolment_id>/evaluatie/", learning.evaluation_view, name="development-evaluation"
    ),
    path("pulse/nieuw/", hr.pulse_new_view, name="development-pulse-new"),
    path("pulse/<uuid:pulse_uuid>/", learning.pulse_view, name="development-pulse"),
    path("rolduiding/", team.clarification_list_view, name="development-clarifications"),
    path("rolduiding/nieuw/", team.clarification_new_view, name="development-clarification-new"),
    path(
        "rolduiding/<uuid:clarification_uuid>/",
        team.clarification_view,
        name="development-clarification",
    ),
    path(
        "rolduiding/<uuid:clarification_uuid>/invullen/",
        team.clarification_answer_view,
        name="development-clarification-answer",
    ),
    path("team/<int:team_id>/", team.team_view_page, name="development-team"),
    path("hr/", team.hr_overview_view, name="development-hr"),
]
