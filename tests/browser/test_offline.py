"""A learner in a mountain commune: save a course on a phone, learn with no signal, sync once when it returns."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS
from tests.courses.factories import build_course

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

BRAND = "rgb(11, 92, 173)"  # the header's colour: the saved page has its stylesheet


def snap(page, name: str) -> None:
    """A screenshot of one of this test's own pages (the `shoot` fixture takes the default page)."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"offline-{name}.png"), full_page=True)


def test_save_a_course_learn_offline_and_sync_once(browser, browser_context_args, live_server):
    from accounts.models import User
    from courses.models import LessonCompletion, QuizAttempt
    from courses.services import enrollment_create
    from home.models import HomePage

    tree = build_course(HomePage.objects.get(), modules=1, lessons_per_module=2, max_attempts=2)
    lesson, quiz = tree.lessons[0], tree.quizzes[0]
    learner = User.objects.create_user(email="ha@example.org", password="hoc-khoi-nghiep-2026", full_name="Hồ Thị Hà")
    enrollment_create(user=learner, course=tree.course)
    # localhost is a secure context: service workers and Cache Storage work over plain HTTP there.
    base = live_server.url.replace("127.0.0.1", "localhost")

    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    page.goto(base + "/accounts/login/?next=" + tree.course.url)
    page.get_by_label("Email hoặc số điện thoại").fill("ha@example.org")
    page.get_by_label(re.compile("^Mật khẩu")).fill("hoc-khoi-nghiep-2026")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(tree.course.title)
    page.wait_for_function("navigator.serviceWorker.controller !== null")

    page.get_by_role("button", name="Lưu để học không cần mạng").click()
    expect(page.locator(".offline-save [role=status]")).to_have_text(
        "Đã lưu: khoá học này mở được trên điện thoại khi không có sóng."
    )
    snap(page, "01-saved")

    # No signal: the saved lesson opens in a fresh tab, with the same look.
    context.set_offline(True)
    offline = context.new_page()
    offline.goto(base + lesson.url)
    expect(offline.get_by_role("heading", level=1)).to_have_text(lesson.title)
    assert offline.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor") == BRAND
    assert offline.evaluate("document.documentElement.scrollWidth") <= 360
    offline.get_by_role("button", name="Đánh dấu hoàn thành và tiếp tục").click()
    expect(offline.get_by_role("status")).to_contain_text("Không có sóng")
    offline.goto(base + quiz.url)
    offline.get_by_label("Khoản vốn đầu tiên").check()
    offline.get_by_label("Nhà đầu tư").check()
    offline.get_by_label("Vườn ươm").check()
    offline.get_by_label("Đúng", exact=True).check()
    offline.get_by_role("button", name="Nộp bài").click()
    expect(offline.get_by_role("status")).to_contain_text("sẽ được chấm khi có sóng")
    snap(offline, "02-queued")
    assert not LessonCompletion.objects.exists() and not QuizAttempt.objects.exists()

    # An editor republishes the lesson meanwhile.
    new_title = lesson.title + " (cập nhật)"
    lesson.title = new_title
    lesson.save_revision().publish()

    # The signal returns: the queue is sent (one tab at a time), and sent again does nothing more.
    page.close()
    context.set_offline(False)
    # (wait_for_function polls with eval, which the Content-Security-Policy refuses: poll from here.)
    for _ in range(60):
        if offline.evaluate("localStorage.getItem('lms-offline-queue')") == "[]":
            break
        offline.wait_for_timeout(500)
    offline.goto(base + "/offline/")
    expect(offline.locator("#offline-done li")).to_have_count(2)
    expect(offline.locator("#offline-done")).to_contain_text("Đã chấp nhận")
    expect(offline.locator("#offline-waiting-none")).to_be_visible()
    offline.reload()
    offline.evaluate("window.lmsOffline.sync()")
    snap(offline, "03-synced")
    assert LessonCompletion.objects.filter(lesson=lesson, enrollment__user=learner).count() == 1
    attempts = QuizAttempt.objects.filter(quiz=quiz, enrollment__user=learner)
    assert [(a.number, a.score, a.passed) for a in attempts] == [(1, 100, True)]
    offline.goto(base + tree.course.url)
    expect(offline.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "66")

    # The republished lesson shows at the next connection, and its saved copy is the new one.
    offline.goto(base + lesson.url)
    expect(offline.get_by_role("heading", level=1)).to_have_text(new_title)
    context.set_offline(True)
    offline.goto(base + lesson.url)
    expect(offline.get_by_role("heading", level=1)).to_have_text(new_title)
    context.set_offline(False)

    # Logging out on a shared phone leaves nothing of hers.
    offline.goto(base + "/offline/")
    offline.locator("header summary").click()
    offline.get_by_role("button", name="Đăng xuất").click()
    expect(offline.locator(".main-nav form[action$='/logout/']")).to_have_count(0)
    assert offline.evaluate("caches.keys()") == []
    assert offline.evaluate("localStorage.length") == 0
    context.close()


def test_answers_lost_on_a_weak_signal_are_sent_again_and_count_once(browser, browser_context_args, live_server):
    """The phone thinks it is online, but the quiz's answers never get their result page back."""
    from accounts.models import User
    from courses.models import QuizAttempt
    from courses.services import enrollment_create
    from home.models import HomePage

    tree = build_course(HomePage.objects.get(), modules=1, lessons_per_module=1, max_attempts=2)
    quiz = tree.quizzes[0]
    learner = User.objects.create_user(email="ha@example.org", password="hoc-khoi-nghiep-2026", full_name="Hồ Thị Hà")
    enrollment_create(user=learner, course=tree.course)
    base = live_server.url.replace("127.0.0.1", "localhost")

    # Without the worker: what is tested is the page's own copy, and routes see every request then.
    context = browser.new_context(**{**browser_context_args, "service_workers": "block"})
    page = context.new_page()
    page.goto(base + "/accounts/login/?next=" + quiz.url)
    page.get_by_label("Email hoặc số điện thoại").fill("ha@example.org")
    page.get_by_label(re.compile("^Mật khẩu")).fill("hoc-khoi-nghiep-2026")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_label("Khoản vốn đầu tiên").check()
    page.get_by_label("Nhà đầu tư").check()
    page.get_by_label("Vườn ươm").check()
    page.get_by_label("Đúng", exact=True).check()

    # The answers reach the server, but the signal drops before its answer comes back.
    lost = []

    def lose_the_answer(route):
        if route.request.method != "POST":
            return route.continue_()
        route.fetch()
        route.abort("internetdisconnected")
        lost.append(route.request.url)

    page.route(re.compile(re.escape(quiz.url) + "$"), lose_the_answer)
    page.get_by_role("button", name="Nộp bài").click(no_wait_after=True)
    for _ in range(60):
        if lost:
            break
        page.wait_for_timeout(250)
    page.unroute_all()
    assert QuizAttempt.objects.filter(quiz=quiz).count() == 1

    # The next page of the site finds the copy kept on the phone and sends it: it is not a second attempt.
    page.goto(base + "/offline/")
    for _ in range(60):
        if page.evaluate("localStorage.getItem('lms-offline-queue')") == "[]":
            break
        page.wait_for_timeout(500)
    expect(page.locator("#offline-done")).to_contain_text("Đã chấp nhận")
    snap(page, "04-weak-signal")
    assert [(a.number, a.score) for a in QuizAttempt.objects.filter(quiz=quiz)] == [(1, 100)]

    # With the signal good, the result page confirms the answers and the phone keeps no copy.
    page.goto(base + quiz.url)
    page.get_by_label("Khoản vốn đầu tiên").check()
    page.get_by_role("button", name="Nộp bài").click()
    expect(page.locator("[data-offline-received]")).to_be_visible()
    assert page.evaluate("localStorage.getItem('lms-offline-sending')") is None
    assert page.evaluate("JSON.parse(localStorage.getItem('lms-offline-queue') || '[]').length") == 0
    assert QuizAttempt.objects.filter(quiz=quiz).count() == 2
    context.close()
