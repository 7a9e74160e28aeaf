"""Editing a person's place in the admin files them where the reports then count them (`Profile.filed_area`)."""

import pytest
from django.urls import reverse

from reports.models import FirstReach
from trainers.models import Profile

from .factories import ParticipantFactory, ProfileFactory, TrainingSessionFactory, areas, province_admin

pytestmark = pytest.mark.django_db


def edit(client, profile, **changes):
    data = {
        "gender": profile.gender,
        "birth_year": profile.birth_year or "",
        "area": profile.area_id or "",
        "commune": profile.commune_id or "",
        "organisation": profile.organisation,
    }
    data.update(changes)
    return client.post(reverse("profile:edit", args=[profile.pk]), data)


@pytest.fixture
def moved(client):
    tree = areas()
    duy_hoa = tree["Duy Xuyên"].children.get(name="Duy Hòa")
    profile = ProfileFactory(area=tree["Duy Xuyên"], commune=duy_hoa)
    ParticipantFactory(person=profile.user, session=TrainingSessionFactory(area=duy_hoa))
    client.force_login(province_admin(tree["province"]))
    return tree, profile


def test_a_new_place_replaces_the_former_commune_and_the_reports_follow(client, moved):
    tree, profile = moved
    assert FirstReach.objects.get(person=profile.user).area == profile.commune
    assert edit(client, profile, area=tree["Hội An"].pk).status_code == 302
    profile.refresh_from_db()
    assert (profile.area, profile.commune) == (tree["Hội An"], None)
    assert FirstReach.objects.get(person=profile.user).area == tree["Hội An"]


def test_a_former_commune_outside_the_place_is_refused_with_a_message(client, moved):
    tree, profile = moved
    tam_ky_commune = tree["Tam Kỳ"].children.first()
    response = edit(client, profile, commune=tam_ky_commune.pk)
    assert response.status_code == 200
    assert "Hãy chọn một xã cũ thuộc Duy Xuyên." in response.content.decode()  # the admin speaks Vietnamese
    assert Profile.objects.get(pk=profile.pk).commune.name == "Duy Hòa"  # nothing changed
