"""Pages run a bounded number of queries whatever the size of the course or the tree depth."""

import pytest

from courses.services import lesson_complete

from .factories import build_course

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("modules", "lessons"), [(1, 1), (6, 6)])
def test_lesson_page_queries_constant(client, home, learner, django_assert_max_num_queries, modules, lessons):
    tree = build_course(home, slug=f"c-{modules}", modules=modules, lessons_per_module=lessons)
    for lesson in tree.lessons[:3]:
        lesson_complete(user=learner, lesson=lesson)
    client.force_login(learner)
    url = tree.lessons[-1].url
    client.get(url)  # warm the site-root cache, as any running server has
    with django_assert_max_num_queries(10):
        response = client.get(url)
    assert response.status_code == 200


def test_lesson_page_queries_anonymous(client, course_tree, django_assert_max_num_queries):
    client.get(course_tree.lessons[0].url)
    with django_assert_max_num_queries(10):
        assert client.get(course_tree.lessons[0].url).status_code == 200


def test_my_learning_queries_constant(client, home, learner, django_assert_max_num_queries):
    for n in range(4):
        tree = build_course(home, slug=f"k-{n}", modules=1, lessons_per_module=2)
        lesson_complete(user=learner, lesson=tree.lessons[0])
    client.force_login(learner)
    with django_assert_max_num_queries(10):
        assert client.get("/my-learning/").status_code == 200
