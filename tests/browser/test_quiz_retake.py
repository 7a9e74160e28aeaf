"""A learner out of attempts, on a phone without JavaScript, reads when they may try the quiz again."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.courses.factories import build_course

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_waiting_learner_sees_the_retake_day_without_javascript(browser, browser_context_args, live_server):
    from django.utils import timezone

    from accounts.models import User
    from courses.models import QuizAttempt
    from courses.services import quiz_attempt_submit
    from home.models import HomePage

    quiz = build_course(HomePage.objects.get(), modules=1, lessons_per_module=1, max_attempts=2).quizzes[0]
    quiz.retake_after_days = 7
    quiz.save_revision().publish()
    learner = User.objects.create_user(email="tam@example.org", password="hoc-khoi-nghiep-2026", full_name="Đỗ Tâm")
    for _ in range(2):
        quiz_attempt_submit(user=learner, quiz=quiz, answers={})
    QuizAttempt.objects.update(submitted_at=timezone.now() - datetime.timedelta(days=1))
    retake_on = timezone.localdate() + datetime.timedelta(days=6)

    context = browser.new_context(**browser_context_args, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/accounts/login/?next=" + quiz.url)
    page.get_by_label("Email hoặc số điện thoại").fill("tam@example.org")
    page.get_by_label(re.compile("^Mật khẩu")).fill("hoc-khoi-nghiep-2026")
    page.get_by_role("button", name="Đăng nhập").click()

    main = page.get_by_role("main")
    expect(main).to_contain_text(f"Bạn có thể làm lại từ ngày {retake_on:%d/%m/%Y}.")
    expect(page.get_by_role("button", name="Nộp bài")).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()
