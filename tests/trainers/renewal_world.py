"""A trainer in Duy Xuyên whose certificate expires in 20 days, the province's rule, and their administrators."""

import datetime

from django.urls import reverse
from django.utils import timezone

from courses.models import Enrollment
from trainers.models import Certificate, RenewalRule, SessionReport, Trainer
from trainers.services import add_years, certification_issue

from .factories import ParticipantFactory, TrainerFactory, TrainingSessionFactory, UserFactory, areas, district_admin

TODAY = timezone.localdate()


def renewal_world(course):
    tree = areas()
    duy_xuyen = tree["Duy Xuyên"]
    duy_hoa = duy_xuyen.children.get(name="Duy Hòa")
    trainer = TrainerFactory(
        person=UserFactory(full_name="Nguyễn Thị Thu Hạnh", email="hanh@example.org"), home_area=duy_hoa
    )
    # Issued three years ago less 20 days: expires in about 20 days.
    issued_on = add_years(TODAY + datetime.timedelta(days=20), -3)
    certificate = certification_issue(
        person=trainer.person, kind=Certificate.TRAINER, trainer_level=Trainer.CORE, area=duy_hoa, issued_on=issued_on
    )
    RenewalRule.objects.update_or_create(
        kind=Certificate.TRAINER,
        defaults={
            "min_sessions": 2,
            "min_participants": 3,
            "refresher_course": course,
            "opens_days_before": 90,
        },
    )
    return {
        "tree": tree,
        "trainer": trainer,
        "certificate": certificate,
        "admin": district_admin(duy_xuyen),
        "other_admin": district_admin(tree["Tam Kỳ"], email="tamky.admin@example.org"),
        "course": course,
        "area": duy_hoa,
    }


def _session(world, title, participants, *, days_ago=200, report=SessionReport.APPROVED):
    session = TrainingSessionFactory(
        title=title,
        area=world["area"],
        starts_on=TODAY - datetime.timedelta(days=days_ago),
        ends_on=TODAY - datetime.timedelta(days=days_ago),
        report_status=report,
    )
    session.trainers.add(world["trainer"])
    for _ in range(participants):
        ParticipantFactory(session=session)
    return session


def _refresher_done(world):
    Enrollment.objects.create(user=world["trainer"].person, course=world["course"], completed_at=timezone.now())


def _meet_every_rule(world):
    _session(world, "Lớp Duy Hòa tháng 3", 4, days_ago=300)
    _session(world, "Lớp Duy Thu tháng 9", 3, days_ago=100)
    _refresher_done(world)


def _renew_url(certificate):
    return reverse("certificate:renew", args=[certificate.pk])


def _holder_url(certificate):
    return reverse("trainers:certificate_renewal", args=[certificate.number])
