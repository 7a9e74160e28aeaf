"""Two administrators approve one renewal at the same moment, on PostgreSQL where row locks are real."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from trainers.models import Certificate, RenewalRule, Trainer
from trainers.services import add_years, certificate_renew, certification_issue

from .factories import ParticipantFactory, TrainerFactory, TrainingSessionFactory, UserFactory, areas
from .test_concurrency import _in_threads

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks"),
]


def test_racing_approvals_issue_one_renewal():
    area = areas()["Duy Xuyên"]
    today = timezone.localdate()
    trainer = TrainerFactory(home_area=area)
    old = certification_issue(
        person=trainer.person,
        kind=Certificate.TRAINER,
        trainer_level=Trainer.CORE,
        area=area,
        issued_on=add_years(today + datetime.timedelta(days=20), -3),
    )
    RenewalRule.objects.update_or_create(
        kind=Certificate.TRAINER, defaults={"min_sessions": 1, "min_participants": 1, "refresher_course": None}
    )
    session = TrainingSessionFactory(area=area, starts_on=today - datetime.timedelta(days=100),
                                     ends_on=today - datetime.timedelta(days=100))  # fmt: skip
    session.trainers.add(trainer)
    ParticipantFactory(session=session)
    admins = UserFactory.create_batch(4)
    refused = []

    def approve(i):
        try:
            certificate_renew(certificate=Certificate.objects.get(pk=old.pk), issued_by=admins[i])
        except ValidationError as error:
            refused.append(error.messages)

    _in_threads(4, approve)
    assert Certificate.objects.filter(renews=old).count() == 1
    assert len(refused) == 3
