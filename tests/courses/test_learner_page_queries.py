"""Learner pages beyond the lesson run a bounded number of queries and do no work twice.

The throughput is measured by bench/ scripts; these tests hold the query counts (and, for the
quiz submission, the cache deletes) that make the pages cheap, and that each page is still right.
"""

import pytest
from django.core.cache import caches
from wagtail.models import PageViewRestriction

from accounts.models import User
from core import page_cache
from courses.models import AttemptGrant, Enrollment, QuizAttempt
from courses.progress import enrolment_cache_key
from courses.services import lesson_complete
from trainers.models import Certificate

from .factories import build_course
from .test_quiz import ALL_RIGHT

pytestmark = pytest.mark.django_db

LOGGED_OUT = 'href="/accounts/login/'
CONGRATULATIONS = ("Chúc mừng! Bạn đã hoàn thành khóa học.", "Congratulations! You have completed the course.")


@pytest.fixture
def steady(monkeypatch):
    """Within the few seconds for which the content version's copy is trusted, as on a busy server."""
    monkeypatch.setattr(page_cache, "VERSION_TRUST_SECONDS", 3600)


@pytest.fixture
def deletes(monkeypatch):
    """The keys deleted from the cache, one entry per delete (each is a round trip to Redis)."""
    backend = caches["default"]
    original = backend.delete
    keys: list[str] = []

    def counted(key, *args, **kwargs):
        keys.append(key)
        return original(key, *args, **kwargs)

    monkeypatch.setattr(backend, "delete", counted)
    return keys


def _form(answers):
    return {f"q-{qid}": ids for qid, ids in answers.items()}


def test_a_quiz_submission_runs_at_most_8_queries_and_drops_the_enrolment_once(
    client, course_tree, learner, steady, deletes, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    for lesson in course_tree.lessons[:2]:
        lesson_complete(user=learner, lesson=lesson)
    client.force_login(learner)
    quiz = course_tree.quizzes[0]
    client.get(quiz.url)
    client.get(quiz.url)
    key = enrolment_cache_key(learner.pk, course_tree.course.pk)
    deletes.clear()
    with django_assert_max_num_queries(8), django_capture_on_commit_callbacks(execute=True):
        response = client.post(quiz.url, _form(ALL_RIGHT))
    html = response.content.decode()
    assert response.status_code == 200 and "100%" in html
    # The attempt, the enrolment's last page: one drop now and one once committed, not one per row.
    assert [k for k in deletes if k != page_cache.WRITE_PROBE_KEY] == [key, key]
    attempt = QuizAttempt.objects.get(enrollment__user=learner, quiz=quiz)
    assert attempt.passed and attempt.number == 1
    assert Enrollment.objects.get(user=learner).last_page_id == quiz.pk
    # 2 lessons and 1 quiz done of 6 steps, shown at once on the result and on the next page.
    assert 'aria-valuenow="50"' in html
    assert 'aria-valuenow="50"' in client.get(course_tree.lessons[2].url).content.decode()


def test_the_last_step_s_submission_completes_the_course_within_the_same_queries(
    client, course_tree, learner, steady, deletes, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    for lesson in course_tree.lessons:
        lesson_complete(user=learner, lesson=lesson)
    client.force_login(learner)
    client.post(course_tree.quizzes[0].url, _form(ALL_RIGHT))
    last = course_tree.quizzes[1]
    client.get(last.url)
    deletes.clear()
    with django_capture_on_commit_callbacks() as callbacks, django_assert_max_num_queries(8):
        response = client.post(last.url, _form(ALL_RIGHT))
    html = response.content.decode()
    assert any(text in html for text in CONGRATULATIONS) and 'aria-valuenow="100"' in html
    assert Enrollment.objects.get(user=learner).completed_at is not None
    # Once committed: the drop, then the completion's announcement, which issues the certificate (its own work,
    # once per learner and course, not counted above).
    assert len(callbacks) == 2
    for callback in callbacks:
        callback()
    key = enrolment_cache_key(learner.pk, course_tree.course.pk)
    assert [k for k in deletes if k != page_cache.WRITE_PROBE_KEY] == [key, key]
    assert Certificate.objects.filter(person=learner, course=course_tree.course).exists()


def test_a_limited_quiz_counts_grants_and_refuses_past_the_limit(client, home, learner, trainer, steady):
    tree = build_course(home, slug="hai-lan", max_attempts=1)
    quiz = tree.quizzes[0]
    client.force_login(learner)
    client.post(quiz.url, _form({}))
    refused = client.post(quiz.url, _form(ALL_RIGHT))
    assert refused.status_code == 302 and QuizAttempt.objects.count() == 1
    AttemptGrant.objects.create(person=learner, quiz=quiz, extra_attempts=1, granted_by=trainer, reason="ốm")
    response = client.post(quiz.url, _form(ALL_RIGHT))
    assert response.status_code == 200
    assert list(QuizAttempt.objects.order_by("number").values_list("number", "passed")) == [(1, False), (2, True)]


def test_a_first_submission_enrols_the_learner(client, course_tree, learner):
    client.force_login(learner)
    response = client.post(course_tree.quizzes[0].url, _form(ALL_RIGHT))
    assert response.status_code == 200
    assert Enrollment.objects.get(user=learner).last_page_id == course_tree.quizzes[0].pk


# Pages a learner reads, warm: the figures in each test are the page's own queries (the session,
# user, enrolment, outline and route come from the cache).


def _warm(client, url, times=2):
    for _ in range(times):
        client.get(url)


def test_search_for_a_visitor_comes_from_the_page_cache_and_follows_the_content(
    client, course_tree, steady, django_assert_num_queries, cache_calls
):
    url = "/search/?q=khoi+nghiep"
    _warm(client, url)
    cache_calls.clear()
    with django_assert_num_queries(0):  # was 3: courses, lessons, the site
        html = client.get(url).content.decode()
    assert [call.split()[0] for call in cache_calls] == ["get"], cache_calls  # the content version; HTML from memory
    assert course_tree.course.url in html and 'value="khoi nghiep"' in html
    # A publish or a restriction changes the content version: the next search shows it at once.
    lesson = course_tree.lessons[0]
    lesson.title = "Bài mới về khởi nghiệp xanh"
    lesson.save_revision().publish()
    assert "Bài mới về khởi nghiệp xanh" in client.get(url).content.decode()
    PageViewRestriction.objects.create(page=course_tree.course, restriction_type=PageViewRestriction.LOGIN)
    assert course_tree.course.url not in client.get(url).content.decode()


def test_each_search_shows_its_own_words_and_page(client, course_tree, steady):
    """Queries that find the same pages are cached apart: the box shows the words as typed."""
    for _ in range(2):
        assert 'value="khoi nghiep"' in client.get("/search/?q=khoi+nghiep").content.decode()
        assert 'value="khởi nghiệp"' in client.get("/search/", {"q": "khởi nghiệp"}).content.decode()
        html = client.get("/search/?q=zzqx").content.decode()
        assert 'value="zzqx"' in html and course_tree.course.url not in html
        assert course_tree.course.url in client.get("/search/?q=khoi+nghiep&page=1").content.decode()
    # Another parameter is not in the key: rendered in full, never served from another query's entry.
    assert course_tree.course.url in client.get("/search/?q=khoi+nghiep&utm_source=x").content.decode()


def test_home_page_for_a_visitor_runs_no_query(client, course_tree, steady, django_assert_num_queries):
    _warm(client, "/")
    with django_assert_num_queries(0):  # was 4: the same two page queries twice
        html = client.get("/").content.decode()
    assert f'href="{course_tree.catalogue.url}"' in html


def test_course_overview_for_an_enrolled_learner_comes_from_the_page_cache(
    client, course_tree, learner, steady, django_assert_num_queries, cache_calls
):
    lesson_complete(user=learner, lesson=course_tree.lessons[0])
    client.force_login(learner)
    url = course_tree.course.url
    _warm(client, url, times=3)
    cache_calls.clear()
    with django_assert_num_queries(0):  # was 2: the modules and the tags
        html = client.get(url).content.decode()
    # Session, user, enrolment and content version in one round trip; the HTML comes from memory.
    assert cache_calls == ["get_many"], cache_calls
    assert 'aria-valuenow="16"' in html and f"/courses/{course_tree.course.pk}/resume/" in html
    client.post(f"/lessons/{course_tree.lessons[1].pk}/complete/")
    html = client.get(url).content.decode()
    assert 'aria-valuenow="33"' in html and html.count('class="done"') == 2  # a completion shows at once


def test_two_learners_each_see_their_own_progress_on_the_cached_course_overview(
    course_tree, learner, other_learner, steady
):
    from django.test import Client

    lesson_complete(user=learner, lesson=course_tree.lessons[0])
    for lesson in course_tree.lessons[:2]:
        lesson_complete(user=other_learner, lesson=lesson)
    first, second, newcomer = Client(), Client(), Client()
    first.force_login(learner)
    second.force_login(other_learner)
    newcomer.force_login(User.objects.create_user(email="new@example.org", password="pass-word-123", full_name="New"))
    url = course_tree.course.url
    for _ in range(2):
        assert 'aria-valuenow="16"' in first.get(url).content.decode()
        assert 'aria-valuenow="33"' in second.get(url).content.decode()
        html = newcomer.get(url).content.decode()
        assert "aria-valuenow" not in html and f"/courses/{course_tree.course.pk}/enroll/" in html


def test_course_overview_for_a_visitor_comes_from_the_page_cache(
    client, course_tree, learner, steady, django_assert_num_queries
):
    url = course_tree.course.url
    _warm(client, url)
    with django_assert_num_queries(0):  # was 3
        html = client.get(url).content.decode()
    assert course_tree.lessons[0].url in html and "aria-valuenow" not in html and LOGGED_OUT in html
    client.force_login(learner)
    html = client.get(url).content.decode()
    assert LOGGED_OUT not in html and 'action="/accounts/logout/"' in html  # a learner's own page, not the visitor's


def test_my_learning_and_the_quiz_page_run_a_fixed_handful_of_queries(
    client, course_tree, learner, steady, django_assert_max_num_queries
):
    lesson_complete(user=learner, lesson=course_tree.lessons[0])
    client.force_login(learner)
    quiz = course_tree.quizzes[0]
    _warm(client, "/my-learning/")
    with django_assert_max_num_queries(5):  # enrolments, steps, done, certificates, trainer or not
        assert course_tree.course.title in client.get("/my-learning/").content.decode()
    _warm(client, quiz.url)
    with django_assert_max_num_queries(1):  # the learner's attempts and grants
        assert 'name="q-q-single"' in client.get(quiz.url).content.decode()
