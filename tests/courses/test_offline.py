"""Offline learning: the installable site, saved courses, the sync of what was done with no signal."""

import gzip
import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def _csp(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.strip() for part in header.split(";") if part.strip()}


def test_the_manifest_is_vietnamese_and_served_as_a_manifest(client):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    data = json.loads(response.content)
    assert data["lang"] == "vi" and data["name"] == "Giảng viên khởi nghiệp"
    assert data["display"] == "standalone" and data["start_url"] == "/"
    for icon in data["icons"]:
        assert finders.find(icon["src"].removeprefix(settings.STATIC_URL))


def test_the_service_worker_is_served_for_the_whole_site_with_the_content_version(client):
    from core.page_cache import content_version

    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Cache-Control"] == "no-cache"
    assert f'const VERSION = "{content_version()}";' in response.content.decode()
    assert len(response.content) < 5_000  # a few KB, no framework
    # The policy stays strict: scripts only from this site's files, workers and manifests too.
    policy = _csp(response)
    assert policy["script-src"] == "script-src 'self'" and policy["default-src"] == "default-src 'self'"
    assert "worker-src" not in policy and "manifest-src" not in policy  # default-src 'self' covers both


def test_every_page_links_the_manifest_and_loads_the_offline_script_deferred(client, home):
    html = client.get("/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    assert '<script src="/static/js/offline.js" defer></script>' in html
    assert "<script>" not in html  # no inline script: the policy would refuse it


def test_logging_out_clears_what_the_site_saved_on_the_phone(client, learner):
    client.force_login(learner)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'


# Saving a course ------------------------------------------------------------------------------

RIGHT_ANSWERS = {"q-single": ["s-right"], "q-multi": ["m-a", "m-b"], "q-tf": ["t-true"]}
EXPLANATIONS = ("Vốn mồi là khoản vốn đầu tiên.", "Cả nhà đầu tư và vườn ươm.")


def _enrolled(learner, tree):
    from courses.services import enrollment_create

    enrollment_create(user=learner, course=tree.course)


def test_the_save_list_names_every_page_of_the_course_and_the_files_they_need(
    client, course_tree, learner, django_assert_max_num_queries
):
    from core.page_cache import content_version

    _enrolled(learner, course_tree)
    client.force_login(learner)
    with django_assert_max_num_queries(12):
        response = client.get(f"/courses/{course_tree.course.pk}/offline.json")
    assert response.status_code == 200
    data = response.json()
    assert data["version"] == content_version()
    assert data["cache"] == f"lms-{content_version()}-course-{course_tree.course.pk}"
    pages = [course_tree.course, *course_tree.modules, *course_tree.lessons, *course_tree.quizzes]
    assert {page.url for page in pages} <= set(data["urls"])
    assert {"/static/css/site.css", "/static/js/offline.js", "/offline/"} <= set(data["urls"])
    # URLs only: no question, choice or answer travels with the list.
    text = response.content.decode()
    assert "correct" not in text and "s-right" not in text and not any(e in text for e in EXPLANATIONS)


def test_the_save_list_is_refused_to_anonymous_and_to_learners_not_enrolled(client, course_tree, learner):
    url = f"/courses/{course_tree.course.pk}/offline.json"
    assert client.get(url).status_code == 403
    client.force_login(learner)
    response = client.get(url)
    assert response.status_code == 403 and response.json()["error"] == "Hãy đăng ký khoá học để lưu về máy."


def test_the_course_page_offers_saving_to_enrolled_learners_only(client, course_tree, learner):
    client.force_login(learner)
    assert "offline-save" not in client.get(course_tree.course.url).content.decode()
    _enrolled(learner, course_tree)
    html = client.get(course_tree.course.url).content.decode()
    assert f'data-list="/courses/{course_tree.course.pk}/offline.json"' in html
    assert "Lưu để học không cần mạng" in html


def test_the_saved_courses_page_works_without_javascript(client, learner):
    client.force_login(learner)
    html = client.get("/offline/").content.decode()
    assert "Đã lưu để học không cần mạng" in html and "<noscript>" in html


def test_a_quiz_page_holds_no_answer_before_the_attempt_is_scored(client, course_tree, learner):
    """The same page whichever choices are right: nothing in it can tell them apart."""
    _enrolled(learner, course_tree)
    client.force_login(learner)
    quiz = course_tree.quizzes[0]

    def page() -> str:
        html = client.get(quiz.url).content.decode()
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)

    before = page()
    assert 'data-offline="quiz"' in before and not any(e in before for e in EXPLANATIONS)
    flipped = quiz.questions.raw_data
    for question in flipped:
        for choice in question["value"]["choices"]:
            choice["value"]["correct"] = not choice["value"]["correct"]
    quiz.questions = flipped
    quiz.save_revision().publish()
    assert page() == before


# Syncing what was done offline ----------------------------------------------------------------


def _sync(client, *items):
    return client.post("/offline/sync/", json.dumps({"items": list(items)}), content_type="application/json")


def test_a_completion_and_an_attempt_sent_three_times_are_recorded_once(client, course_tree, learner):
    from courses.models import LessonCompletion, QuizAttempt

    _enrolled(learner, course_tree)
    client.force_login(learner)
    lesson, quiz = course_tree.lessons[0], course_tree.quizzes[0]
    items = [
        {"key": "3f1c2a9e-lesson-1", "kind": "lesson", "page": lesson.pk},
        {"key": "3f1c2a9e-quiz-1", "kind": "quiz", "page": quiz.pk, "answers": RIGHT_ANSWERS},
    ]
    answers = [_sync(client, *items).json()["results"] for _ in range(3)]
    assert answers[0] == answers[1] == answers[2]
    assert [(r["key"], r["status"]) for r in answers[0]] == [
        ("3f1c2a9e-lesson-1", "accepted"),
        ("3f1c2a9e-quiz-1", "accepted"),
    ]
    assert answers[0][1]["score"] == 100 and answers[0][1]["passed"] is True
    assert LessonCompletion.objects.filter(lesson=lesson).count() == 1
    assert QuizAttempt.objects.filter(quiz=quiz).count() == 1


def _post_quiz(client, quiz, key):
    """The quiz form as a phone with JavaScript posts it on a weak signal: its answers and a key."""
    data = {f"q-{question}": choices for question, choices in RIGHT_ANSWERS.items()}
    return client.post(quiz.url, {**data, "offline_key": key})


def test_answers_sent_on_a_weak_signal_count_once_whether_the_page_or_the_queued_copy_arrives(
    client, course_tree, learner
):
    """The result page names the key (the phone then forgets its copy); a copy sent again is not a new attempt."""
    from courses.models import QuizAttempt

    _enrolled(learner, course_tree)
    client.force_login(learner)
    quiz = course_tree.quizzes[0]
    first = _post_quiz(client, quiz, "weak-signal-1")
    assert first.status_code == 200 and 'data-offline-received="weak-signal-1"' in first.content.decode()
    # The result page never reached the phone: the learner sends again, and the phone its copy.
    again = _post_quiz(client, quiz, "weak-signal-1")
    assert again.status_code == 302 and again.url == quiz.url
    copy = _sync(client, {"key": "weak-signal-1", "kind": "quiz", "page": quiz.pk, "answers": RIGHT_ANSWERS})
    assert [(r["status"], r["score"]) for r in copy.json()["results"]] == [("accepted", 100)]
    assert QuizAttempt.objects.filter(quiz=quiz).count() == 1
    assert "đã được ghi nhận" in client.get(quiz.url).content.decode()
    # A queued copy that arrived first: the page sent later records nothing more.
    _sync(client, {"key": "weak-signal-2", "kind": "quiz", "page": quiz.pk, "answers": RIGHT_ANSWERS})
    assert _post_quiz(client, quiz, "weak-signal-2").status_code == 302
    assert QuizAttempt.objects.filter(quiz=quiz).count() == 2
    # Without a key (no JavaScript) every submission is an attempt, as before.
    assert _post_quiz(client, quiz, "").status_code == 200
    assert QuizAttempt.objects.filter(quiz=quiz).count() == 3


def test_an_offline_attempt_over_the_limit_is_refused_with_its_reason(client, home, learner):
    from courses.models import QuizAttempt
    from courses.services import quiz_attempt_submit
    from tests.courses.factories import build_course

    quiz = build_course(home, modules=1, lessons_per_module=1, max_attempts=1).quizzes[0]
    quiz_attempt_submit(user=learner, quiz=quiz, answers={})
    client.force_login(learner)
    result = _sync(client, {"key": "over-the-limit-1", "kind": "quiz", "page": quiz.pk, "answers": RIGHT_ANSWERS})
    assert result.json()["results"] == [
        {
            "key": "over-the-limit-1",
            "status": "refused",
            "reason": "Bạn đã dùng hết số lần làm bài kiểm tra này.",
            "score": None,
            "passed": None,
        }
    ]
    assert QuizAttempt.objects.filter(quiz=quiz).count() == 1


def test_sync_is_refused_to_anonymous_and_items_of_a_course_not_enrolled_are_refused(client, course_tree, learner):
    from courses.models import LessonCompletion

    item = {"key": "not-enrolled-1", "kind": "lesson", "page": course_tree.lessons[0].pk}
    assert _sync(client, item).status_code == 403
    client.force_login(learner)
    [result] = _sync(client, item).json()["results"]
    assert result["status"] == "refused" and result["reason"] == "Bạn chưa đăng ký khoá học này."
    assert not LessonCompletion.objects.exists()


def test_a_key_is_the_learners_own(client, course_tree, learner, other_learner):
    """Another learner sending the same key gets their own record, never the first learner's."""
    from courses.models import LessonCompletion

    for person in (learner, other_learner):
        _enrolled(person, course_tree)
        client.force_login(person)
        [result] = _sync(client, {"key": "same-key-123", "kind": "lesson", "page": course_tree.lessons[0].pk}).json()[
            "results"
        ]
        assert result["status"] == "accepted"
    assert LessonCompletion.objects.count() == 2


# Weight ---------------------------------------------------------------------------------------


def test_a_lesson_page_first_visit_stays_under_14_kb_compressed(client, course_tree, learner):
    """HTML and CSS of the first visit within TCP's first round trips (14 KB); the script is deferred."""
    _enrolled(learner, course_tree)
    client.force_login(learner)
    html = client.get(course_tree.lessons[0].url).content
    css = Path(finders.find("css/site.css")).read_bytes()
    assert len(gzip.compress(html)) + len(gzip.compress(css)) < 14 * 1024
    js = Path(finders.find("js/offline.js")).read_bytes()
    assert len(gzip.compress(js)) < 4 * 1024


def test_a_trainer_saves_the_printable_session_plans_too(client, course_tree, learner, trainer):
    for person, plans in ((learner, False), (trainer, True)):
        _enrolled(person, course_tree)
        client.force_login(person)
        urls = client.get(f"/courses/{course_tree.course.pk}/offline.json").json()["urls"]
        assert (f"{course_tree.lessons[0].url}session-plan/" in urls) is plans
    assert client.get(f"{course_tree.lessons[0].url}session-plan/").status_code == 200


def test_a_trainer_saves_each_module_s_teaching_kit_too(client, course_tree, learner, trainer):
    from courses.kits import kit_materials
    from courses.models import ModulePage
    from tests.courses.test_kits import _materials

    module = ModulePage.objects.get(pk=course_tree.modules[0].pk)
    module.kit = _materials(course_tree.lessons[0], course_tree.lessons[1])
    module.save_revision().publish()
    module.refresh_from_db()
    kit_pages = [module.url + "kit/"] + [f"{module.url}kit/{material.id}/" for material in kit_materials(module)]
    assert len(kit_pages) == 5
    for person, saved in ((learner, False), (trainer, True)):
        _enrolled(person, course_tree)
        client.force_login(person)
        urls = client.get(f"/courses/{course_tree.course.pk}/offline.json").json()["urls"]
        assert all((url in urls) is saved for url in kit_pages), urls
        assert not any(url.endswith("kit/pdf/") for url in urls)  # the print pages, not the heavy PDF
    for url in kit_pages:  # each one a page the trainer can open, so the worker can keep it
        assert client.get(url).status_code == 200


def test_the_worker_never_keeps_staff_account_or_personal_pages(client, course_tree):
    """Its network-only rule (the same pattern in Python's and JavaScript's syntax) covers them."""
    script = client.get("/sw.js").content.decode()
    private = re.compile(re.search(r"const PRIVATE = /(.+)/;", script).group(1).replace(r"\/", "/"))
    for path in (
        "/admin/",
        "/admin/pages/3/",
        "/accounts/me/",
        "/en/accounts/logout/",
        "/my-learning/",
        "/offline/sync/",
    ):
        assert private.search(path), path
    assert private.search(f"/courses/{course_tree.course.pk}/offline.json")
    for page in (course_tree.course, course_tree.lessons[0], course_tree.quizzes[0]):
        assert not private.search(page.url), page.url
    assert not private.search("/offline/") and not private.search("/static/css/site.css")
