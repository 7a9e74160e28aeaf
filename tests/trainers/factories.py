"""Trainer-programme rows built through the models; areas come from the demo tree (shared/areas.md)."""

import datetime

import factory

from accounts.models import User
from areas.loader import load_areas
from areas.models import AdminScope, Area
from lms import roles
from lms.roles import role_group
from trainers.models import Profile, Trainer
from training.models import Attendance, SessionParticipant, TrainingSession


def areas() -> dict[str, Area]:
    """The former districts by name, plus the province as "province"."""
    districts = load_areas()
    districts["province"] = Area.objects.get(code="49")
    return districts


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn {n}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return model_class.objects.create_user(*args, password="pass-word-123", **kwargs)


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile

    user = factory.SubFactory(UserFactory)
    gender = Profile.FEMALE
    birth_year = 2000


class TrainerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Trainer

    person = factory.SubFactory(UserFactory)
    level = Trainer.CORE


class TrainingSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingSession

    title = factory.Sequence(lambda n: f"Lớp tập huấn khởi nghiệp {n}")
    starts_on = datetime.date(2024, 5, 6)
    ends_on = datetime.date(2024, 5, 8)


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionParticipant

    session = factory.SubFactory(TrainingSessionFactory)
    person = factory.SubFactory(UserFactory)


def attend(participant: SessionParticipant, day: datetime.date | None = None) -> Attendance:
    return Attendance.objects.create(participant=participant, day=day or participant.session.starts_on)


def district_admin(area: Area, email: str = "district.admin@example.org") -> User:

    user = UserFactory(email=email, is_staff=True)
    user.groups.add(role_group(roles.DISTRICT_ADMINISTRATORS))
    AdminScope.objects.create(user=user, area=area)
    return user


def province_admin(province: Area, email: str = "province.admin@example.org") -> User:

    user = UserFactory(email=email, is_staff=True)
    user.groups.add(role_group(roles.PROVINCE_ADMINISTRATORS))
    AdminScope.objects.create(user=user, area=province)
    return user
