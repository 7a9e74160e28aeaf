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


def test_enrolled_learner_warm_lesson_page_runs_one_query(
    client, course_tree, learner, django_assert_max_num_queries, monkeypatch
):
    """Session, user, route, outline and progress come from the cache; only the enrolment is read."""
    from core import page_cache

    # The steady state: within the few seconds for which the content version's copy is trusted.
    monkeypatch.setattr(page_cache, "VERSION_TRUST_SECONDS", 3600)
    for lesson in course_tree.lessons[:2]:
        lesson_complete(user=learner, lesson=lesson)
    client.force_login(learner)
    url = course_tree.lessons[2].url
    client.get(url)
    with django_assert_max_num_queries(1):
        response = client.get(url)
    html = response.content.decode()
    assert 'action="/accounts/logout/"' in html and 'aria-valuenow="33"' in html


def test_a_completion_shows_at_once(client, course_tree, learner):
    lesson_complete(user=learner, lesson=course_tree.lessons[0])
    client.force_login(learner)
    url = course_tree.lessons[2].url
    assert 'aria-valuenow="16"' in client.get(url).content.decode()  # progress cached now
    client.post(f"/lessons/{course_tree.lessons[1].pk}/complete/")
    assert 'aria-valuenow="33"' in client.get(url).content.decode()


def test_a_password_change_elsewhere_ends_this_session_at_once(client, course_tree, learner):
    client.force_login(learner)
    url = course_tree.lessons[0].url
    assert 'action="/accounts/logout/"' in client.get(url).content.decode()  # user cached now
    learner.set_password("a-new-pass-word-456")
    learner.save()
    assert 'action="/accounts/logout/"' not in client.get(url).content.decode()


def test_a_deactivated_learner_is_logged_out_at_once(client, course_tree, learner):
    client.force_login(learner)
    url = course_tree.lessons[0].url
    assert 'action="/accounts/logout/"' in client.get(url).content.decode()
    learner.is_active = False
    learner.save()
    assert 'action="/accounts/logout/"' not in client.get(url).content.decode()


def test_lesson_page_queries_anonymous(client, course_tree, django_assert_max_num_queries):
    client.get(course_tree.lessons[0].url)
    with django_assert_max_num_queries(10):
        assert client.get(course_tree.lessons[0].url).status_code == 200


def test_my_learning_queries_constant(client, home, learner, django_assert_max_num_queries):
    for n in range(4):
        tree = build_course(home, slug=f"k-{n}", modules=1, lessons_per_module=2)
        lesson_complete(user=learner, lesson=tree.lessons[0])
    client.force_login(learner)
    with django_assert_max_num_queries(11):  # one of them asks whether the person is a certified trainer
        assert client.get("/my-learning/").status_code == 200
