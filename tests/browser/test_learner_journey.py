"""A learner on a phone: register, enrol, learn, come back after logging out, fail then pass the quiz,
get and verify the certificate."""

import re

import pytest
from playwright.sync_api import expect

from tests.courses.factories import build_course

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_whole_learner_journey(page, live_server, shoot):
    from home.models import HomePage

    tree = build_course(HomePage.objects.get(), modules=1, lessons_per_module=2, max_attempts=3)
    base = live_server.url

    page.goto(base + "/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    shoot("01-home")
    page.get_by_role("link", name="Xem các khóa học").click()
    page.get_by_role("link", name=tree.course.title).click()
    shoot("02-course")
    page.get_by_role("link", name=re.compile("Đăng nhập hoặc đăng ký")).click()
    page.get_by_role("link", name="Tạo tài khoản").click()

    page.fill("[name=account-full_name]", "Nguyễn Thị Ánh Tuyết")
    page.fill("[name=account-phone]", "0905 123 456")
    page.fill("[name=account-password1]", "hoc-khoi-nghiep-2026")
    page.fill("[name=account-password2]", "khong-khop")
    page.select_option("[name=profile-gender]", "female")
    page.fill("[name=profile-birth_year]", "2004")
    page.check("[name=consent-learning_records]")  # nothing is ticked for her (silence is not consent)
    page.get_by_role("button", name="Tạo tài khoản").click()
    expect(page.locator(".errorlist")).to_be_visible()  # passwords differ: the form comes back, filled in
    expect(page.locator("[name=account-full_name]")).to_have_value("Nguyễn Thị Ánh Tuyết")
    page.fill("[name=account-password1]", "hoc-khoi-nghiep-2026")
    page.fill("[name=account-password2]", "hoc-khoi-nghiep-2026")
    page.get_by_role("button", name="Tạo tài khoản").click()
    # Registration answers a new number as it answers one in use: then she signs in, and is back at the course.
    expect(page.locator(".messages")).to_contain_text("Cảm ơn bạn")
    page.get_by_label("Email hoặc số điện thoại").fill("0905 123 456")
    page.get_by_label(re.compile("^Mật khẩu")).fill("hoc-khoi-nghiep-2026")
    page.get_by_role("button", name="Đăng nhập").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(tree.course.title)
    page.get_by_role("button", name="Bắt đầu học").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(tree.lessons[0].title)
    shoot("03-lesson")
    page.get_by_role("button", name="Đánh dấu hoàn thành và tiếp tục").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(tree.lessons[1].title)
    expect(page.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "33")

    # The learner stops here, logs out, and comes back another day.
    page.locator("header summary").click()  # the phone's menu is collapsed
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page.locator(".main-nav form[action$='/logout/']")).to_have_count(0)  # the new page, logged out
    page.locator("header summary").click()
    page.locator(".main-nav").get_by_role("link", name="Đăng nhập", exact=True).click()
    page.get_by_label("Email hoặc số điện thoại").fill("0905 123 456")
    page.get_by_label(re.compile("^Mật khẩu")).fill("hoc-khoi-nghiep-2026")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.locator(".main-nav form[action$='/logout/']")).to_have_count(1)  # logged in again
    page.locator("header summary").click()
    page.locator(".main-nav").get_by_role("link", name="Khóa học", exact=True).click()
    page.get_by_role("link", name=tree.course.title).click()
    expect(page.locator(".outline li.done")).to_have_count(1)
    page.get_by_role("link", name="Tiếp tục học").click()
    # Back on the lesson they were reading, not the one already finished.
    expect(page.get_by_role("heading", level=1)).to_have_text(tree.lessons[1].title)
    shoot("04-resumed")
    page.get_by_role("button", name="Đánh dấu hoàn thành và tiếp tục").click()

    # The quiz: a wrong answer first.
    expect(page.get_by_role("heading", level=1)).to_have_text(tree.quizzes[0].title)
    page.get_by_label("Khoản vay ngân hàng").check()
    page.get_by_role("button", name="Nộp bài").click()
    expect(page.get_by_role("status")).to_contain_text("0%")
    # Two attempts left: the page says when the answers come, and does not give them away.
    main = page.get_by_role("main")
    expect(main).to_contain_text("Đáp án đúng sẽ được hiển thị khi bạn đạt hoặc đã dùng hết số lần làm bài.")
    for answer_or_explanation in ("Khoản vốn đầu tiên", "Nhà đầu tư", "Vườn ươm", "Vốn mồi là khoản vốn đầu tiên."):
        expect(main).not_to_contain_text(answer_or_explanation)
    expect(main.locator(".correct, .incorrect")).to_have_count(0)
    shoot("05-quiz-failed")
    page.get_by_role("link", name="Làm lại").click()
    # On a 360 px phone: one answer per line, nothing wider than the screen.
    first, second = (page.get_by_label(text).bounding_box() for text in ("Nhà đầu tư", "Vườn ươm"))
    assert second["y"] >= first["y"] + first["height"]
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.get_by_label("Khoản vốn đầu tiên").check()
    page.get_by_label("Nhà đầu tư").check()
    page.get_by_label("Vườn ươm").check()
    page.get_by_label("Đúng").check()
    page.get_by_role("button", name="Nộp bài").click()
    expect(page.get_by_role("status")).to_contain_text("100%")
    # Passed: now each question shows its right answer and why.
    expect(main.locator(".card")).to_have_count(3)
    expect(main.locator(".card span.correct")).to_have_count(4)  # one mark on each right choice
    expect(main).to_contain_text("Vốn mồi là khoản vốn đầu tiên.")
    shoot("06-quiz-passed")

    page.locator("header summary").click()  # the phone's menu is collapsed
    # The course page from the site menu: every step ticked, one way back in.
    page.locator(".main-nav").get_by_role("link", name="Khóa học", exact=True).click()
    page.get_by_role("link", name=tree.course.title).click()
    expect(page.locator(".outline li.done")).to_have_count(3)
    expect(page.locator(f"a.button[href$='/courses/{tree.course.pk}/resume/']")).to_be_visible()
    expect(page.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "100")
    shoot("07-course-done")

    page.locator("header summary").click()  # the phone's menu is collapsed
    page.get_by_role("link", name="Khóa học của tôi", exact=True).click()
    shoot("08-my-learning")
    card = page.locator(".card", has_text=tree.course.title)
    with page.expect_download() as download_info:
        card.get_by_role("link", name="Tải PDF").click()
    pdf = download_info.value
    assert open(pdf.path(), "rb").read(4) == b"%PDF"

    card.get_by_role("link", name="Trang xác minh").click()
    expect(page.locator("body")).to_contain_text("Nguyễn Thị Ánh Tuyết")
    expect(page.get_by_role("status")).to_contain_text(re.compile("còn hiệu lực", re.IGNORECASE))
    shoot("09-verified")


def test_last_failed_attempt_shows_the_answers(page, live_server, shoot):
    """With no attempt left, a failed quiz shows what was right: the learner can still learn from it."""
    from accounts.models import User
    from home.models import HomePage

    tree = build_course(HomePage.objects.get(), modules=1, lessons_per_module=1, max_attempts=1)
    User.objects.create_user(email="lan@example.org", password="hoc-khoi-nghiep-2026", full_name="Lê Thị Lan")
    base = live_server.url

    page.goto(base + "/accounts/login/?next=" + tree.quizzes[0].url)
    page.get_by_label("Email hoặc số điện thoại").fill("lan@example.org")
    page.get_by_label(re.compile("^Mật khẩu")).fill("hoc-khoi-nghiep-2026")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(tree.quizzes[0].title)
    expect(page.get_by_role("main")).to_contain_text("Còn 1 lần làm bài")
    page.get_by_label("Khoản vay ngân hàng").check()
    page.get_by_role("button", name="Nộp bài").click()

    main = page.get_by_role("main")
    expect(page.get_by_role("status")).to_contain_text("0%")
    expect(main.locator(".card")).to_have_count(3)
    expect(main.locator(".card span.correct")).to_have_count(4)
    expect(main).to_contain_text("Vốn mồi là khoản vốn đầu tiên.")
    expect(main).not_to_contain_text("Đáp án đúng sẽ được hiển thị")
    expect(page.get_by_role("link", name="Làm lại")).to_have_count(0)
    shoot("last-attempt-failed")
