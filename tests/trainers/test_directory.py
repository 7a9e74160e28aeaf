"""The public directory of certified trainers: who is listed, filters, profile pages, constant queries."""

import datetime

import pytest
from django.urls import reverse

from trainers.models import Certificate, Trainer
from trainers.services import certificate_revoke, certification_issue

from .factories import TrainerFactory, UserFactory, areas

pytestmark = pytest.mark.django_db


def certified(name, area, *, level=Trainer.CORE, trained_by=None, specialities=(), issued_on=None):
    trainer = TrainerFactory(person=UserFactory(full_name=name), level=level, home_area=area, trained_by=trained_by)
    trainer.specialities.set(specialities)
    certification_issue(person=trainer.person, kind=Certificate.TRAINER, trainer_level=level, trained_by=trained_by,
                        area=area, issued_on=issued_on)  # fmt: skip
    return trainer


@pytest.fixture
def people():
    tree = areas()
    duy_hoa = tree["Duy Xuyên"].children.get(name="Duy Hòa")
    master = certified("Võ Thị Mai Hương", tree["province"], level=Trainer.MASTER, specialities=["Gọi vốn"])
    minh = certified("Trần Văn Minh", tree["Duy Xuyên"], trained_by=master, specialities=["OCOP"])
    hoa = certified("Ngô Thị Hòa", duy_hoa, trained_by=minh, specialities=["Khởi nghiệp sinh viên"])
    an = certified("Nguyễn Hoài Ân", tree["Tam Kỳ"], trained_by=master, specialities=["OCOP"])
    expired = certified("Mai Văn Sơn", tree["Thăng Bình"], issued_on=datetime.date(2020, 1, 1))
    revoked = certified("Lý Văn Tùng", tree["Duy Xuyên"])
    certificate_revoke(certificate=Certificate.objects.get(person=revoked.person), reason="Sai hồ sơ", by=None)
    candidate = TrainerFactory(person=UserFactory(full_name="Đỗ Thanh Tâm"), level=Trainer.CANDIDATE,
                               home_area=tree["Duy Xuyên"])  # fmt: skip
    return locals()


def names(response):
    return [t.name for t in response.context["trainers"]]


def test_lists_only_trainers_with_a_valid_certificate(client, people):
    response = client.get(reverse("trainers:directory"))
    assert response.status_code == 200
    assert set(names(response)) == {"Võ Thị Mai Hương", "Trần Văn Minh", "Ngô Thị Hòa", "Nguyễn Hoài Ân"}
    assert names(response)[0] == "Võ Thị Mai Hương"  # master trainers first


def test_filters_by_district_including_its_communes_and_by_speciality(client, people):
    duy_xuyen = people["tree"]["Duy Xuyên"]
    response = client.get(reverse("trainers:directory"), {"district": duy_xuyen.pk})
    assert set(names(response)) == {"Trần Văn Minh", "Ngô Thị Hòa"}
    response = client.get(reverse("trainers:directory"), {"speciality": "ocop"})
    assert set(names(response)) == {"Trần Văn Minh", "Nguyễn Hoài Ân"}
    response = client.get(reverse("trainers:directory"), {"district": duy_xuyen.pk, "speciality": "ocop"})
    assert names(response) == ["Trần Văn Minh"]
    assert client.get(reverse("trainers:directory"), {"district": "nonsense"}).status_code == 200


def test_directory_queries_do_not_grow_with_trainers(client, people, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        client.get(reverse("trainers:directory"))
    for n in range(10):
        certified(f"Phan Văn {n}", people["tree"]["Hội An"], specialities=["OCOP", f"Chủ đề {n}"])
    with django_assert_max_num_queries(8):
        response = client.get(reverse("trainers:directory"))
    assert len(names(response)) == 14


def test_profile_page(client, people, django_assert_max_num_queries):
    minh = people["minh"]
    with django_assert_max_num_queries(8):
        response = client.get(reverse("trainers:trainer_detail", args=[minh.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Võ Thị Mai Hương" in html  # who trained him
    assert "Ngô Thị Hòa" in html  # whom he trained
    assert response.context["trainer"].trainee_count == 1
    assert response.context["certificate"].number in html


def test_uncertified_trainers_have_no_public_profile(client, people):
    for key in ("candidate", "expired", "revoked"):
        assert client.get(reverse("trainers:trainer_detail", args=[people[key].pk])).status_code == 404


def test_english_directory(client, people):
    response = client.get("/en/trainers/")
    assert response.status_code == 200 and "Certified trainers" in response.content.decode()
