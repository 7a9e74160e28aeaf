"""Admin listings read their rows' relations in the listing's own query, however many rows there are."""

import pytest
from django.urls import reverse

from tests.trainers.factories import TrainerFactory, TrainingSessionFactory, areas, province_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    districts = areas()
    return {"districts": districts, "admin": province_admin(districts["province"])}


def _more_trainers(districts, count):
    area = districts["Duy Xuyên"]
    mentor = TrainerFactory(home_area=area)
    for _ in range(count):
        TrainerFactory(home_area=area, trained_by=mentor)


def _more_sessions(districts, count):
    for _ in range(count):
        TrainingSessionFactory(area=districts["Duy Xuyên"])


@pytest.mark.parametrize(
    ("url_name", "add"),
    [("trainer:index", _more_trainers), ("training_session:index", _more_sessions)],
)
def test_a_listing_costs_the_same_queries_for_two_rows_and_for_twenty(
    client, world, url_name, add, django_assert_max_num_queries
):
    client.force_login(world["admin"])
    add(world["districts"], 2)
    assert client.get(reverse(url_name)).status_code == 200  # caches warmed
    with django_assert_max_num_queries(40) as few:
        client.get(reverse(url_name))
    add(world["districts"], 18)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse(url_name))
    assert response.status_code == 200
