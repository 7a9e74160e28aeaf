"""The trainer's guide reaches trainers and administrators only."""

import pytest

from .factories import GUIDE_SECRET

pytestmark = pytest.mark.django_db


def test_anonymous_never_sees_the_guide(client, course_tree):
    response = client.get(course_tree.lessons[0].url)
    assert response.status_code == 200
    assert GUIDE_SECRET not in response.content.decode()
    assert "Giấy A0" not in response.content.decode()


def test_learner_never_sees_the_guide(client, course_tree, learner):
    client.force_login(learner)
    html = client.get(course_tree.lessons[0].url).content.decode()
    assert "Tư duy khởi nghiệp" in html
    assert GUIDE_SECRET not in html


def test_learner_cannot_open_the_session_plan(client, course_tree, learner):
    url = course_tree.lessons[0].url + "session-plan/"
    assert client.get(url).status_code == 404
    client.force_login(learner)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("role", ["trainer", "editor"])
def test_trainers_and_editors_see_the_guide(client, course_tree, role, request):
    client.force_login(request.getfixturevalue(role))
    html = client.get(course_tree.lessons[0].url).content.decode()
    assert GUIDE_SECRET in html
    plan = client.get(course_tree.lessons[0].url + "session-plan/")
    assert plan.status_code == 200 and GUIDE_SECRET in plan.content.decode()


def test_guide_not_in_search_results(client, course_tree):
    response = client.get("/search/", {"q": "chia lop thanh nhom"})
    assert response.context["results"].paginator.count == 0
    assert GUIDE_SECRET not in response.content.decode()
