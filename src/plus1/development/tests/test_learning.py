"""The learning offer: shared collective trainings, own trainings, places locked, attendance, evaluation."""

import datetime

import pytest

from plus1.core import clock
from plus1.development import selectors
from plus1.development.exceptions import (
    AlreadyAnswered,
    DevelopmentError,
    DevelopmentNotAllowed,
    TrainingFull,
)
from plus1.development.models import Enrolment, Training
from plus1.development.services import learning as service

from . import factories as f

pytestmark = pytest.mark.django_db


def test_employees_of_any_gemeente_enrol_in_a_collective_training_and_share_its_places(
    gemeente_a, gemeente_b, framework, emma, bea
):
    training = f.training(places=2)
    service.enrol(tenant=gemeente_a, training=training, user=emma)
    service.enrol(tenant=gemeente_b, training=training, user=bea)
    assert selectors.places_left(training) == 0
    assert selectors.training_for(gemeente_b, str(training.uuid)).taken == 2


def test_enrolling_in_a_full_training_gets_a_clear_message_and_no_enrolment(
    gemeente_a, framework, emma, bram
):
    training = f.training(places=1)
    service.enrol(tenant=gemeente_a, training=training, user=emma)
    with pytest.raises(TrainingFull, match="vol"):
        service.enrol(tenant=gemeente_a, training=training, user=bram)
    assert Enrolment.objects.count() == 1


def test_a_cancelled_place_is_free_again(gemeente_a, framework, emma, bram):
    training = f.training(places=1)
    enrolment = service.enrol(tenant=gemeente_a, training=training, user=emma)
    service.cancel_enrolment(enrolment=enrolment, user=emma)
    service.enrol(tenant=gemeente_a, training=training, user=bram)
    assert selectors.places_left(training) == 0


def test_enrolling_twice_is_refused(gemeente_a, framework, emma):
    training = f.training()
    service.enrol(tenant=gemeente_a, training=training, user=emma)
    with pytest.raises(AlreadyAnswered, match="al ingeschreven"):
        service.enrol(tenant=gemeente_a, training=training, user=emma)


def test_another_gemeentes_own_training_is_not_open(gemeente_a, gemeente_b, framework, emma):
    theirs = f.training(tenant=gemeente_b)
    assert theirs not in selectors.trainings_for(gemeente_a)
    with pytest.raises(DevelopmentNotAllowed):
        service.enrol(tenant=gemeente_a, training=theirs, user=emma)
    assert not Enrolment.objects.exists()


def test_one_cannot_enrol_for_a_gemeente_one_does_not_work_for(gemeente_b, framework, emma):
    with pytest.raises(DevelopmentNotAllowed):
        service.enrol(tenant=gemeente_b, training=f.training(), user=emma)


def test_a_training_that_started_is_closed(gemeente_a, framework, emma):
    started = f.training(starts_on=clock.today() - datetime.timedelta(days=1))
    with pytest.raises(DevelopmentError, match="al begonnen"):
        service.enrol(tenant=gemeente_a, training=started, user=emma)


def test_attendance_then_evaluation(gemeente_a, framework, emma, hanna):
    enrolment = service.enrol(tenant=gemeente_a, training=f.training(), user=emma)
    with pytest.raises(DevelopmentError, match="nadat u eraan heeft deelgenomen"):
        service.evaluate(enrolment=enrolment, user=emma, score=4)
    with pytest.raises(DevelopmentNotAllowed):
        service.record_attendance(enrolment=enrolment, user=emma, attended=True)
    service.record_attendance(enrolment=enrolment, user=hanna, attended=True)
    for bad in (0, 6, "goed", 4.5):
        with pytest.raises(DevelopmentError, match="1 tot en met 5"):
            service.evaluate(enrolment=enrolment, user=emma, score=bad)
    with pytest.raises(DevelopmentNotAllowed):
        service.evaluate(enrolment=enrolment, user=hanna, score=4)
    service.evaluate(enrolment=enrolment, user=emma, score=4, text="Praktisch en nuttig")
    enrolment.refresh_from_db()
    assert (enrolment.status, enrolment.evaluation_score) == ("attended", 4)


def test_hr_adds_an_own_training_with_a_valid_level(gemeente_a, framework, hanna, emma):
    training = service.create_training(
        tenant=gemeente_a,
        user=hanna,
        title="Lastige gesprekken",
        form="classroom",
        duration_hours=4,
        provider="Eigen academie",
        places=12,
        competence=f.competence("omgaan-met-agressie"),
        level=2,
    )
    assert training.tenant == gemeente_a
    with pytest.raises(DevelopmentError):
        service.create_training(
            tenant=gemeente_a,
            user=hanna,
            title="x",
            form="classroom",
            duration_hours=4,
            provider="x",
            places=12,
            competence=f.competence("omgaan-met-agressie"),
            level=4,
        )
    for places in (0, -3, "veel"):
        with pytest.raises(DevelopmentError, match="aantal plaatsen"):
            service.create_training(
                tenant=gemeente_a,
                user=hanna,
                title="x",
                form="online",
                duration_hours=4,
                provider="x",
                places=places,
            )
    with pytest.raises(DevelopmentNotAllowed):
        service.create_training(
            tenant=gemeente_a, user=emma, title="x", form="online", duration_hours=4, provider="x", places=3
        )
    assert Training.objects.count() == 1
