"""A learner on a phone: register, enrol, learn, fail then pass the quiz, get and verify the certificate."""

import re

import pytest
from playwright.sync_api import expect

from tests.courses.factories import build_course

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_whole_learner_journey(page, live_server, shoot):
    from home.models import HomePage

    tree = build_course(HomePage.objects.get(), modules=1, lessons_per_module=2)
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
    page.get_by_role("button", name="Tạo tài khoản").click()
    expect(page.locator(".errorlist")).to_be_visible()  # passwords differ: the form comes back, filled in
    expect(page.locator("[name=account-full_name]")).to_have_value("Nguyễn Thị Ánh Tuyết")
    page.fill("[name=account-password1]", "hoc-khoi-nghiep-2026")
    page.fill("[name=account-password2]", "hoc-khoi-nghiep-2026")
    page.get_by_role("button", name="Tạo tài khoản").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(tree.course.title)
    page.get_by_role("button", name="Bắt đầu học").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(tree.lessons[0].title)
    shoot("03-lesson")
    page.get_by_role("button", name="Đánh dấu hoàn thành và tiếp tục").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(tree.lessons[1].title)
    expect(page.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "33")
    page.get_by_role("button", name="Đánh dấu hoàn thành và tiếp tục").click()

    # The quiz: a wrong answer first.
    expect(page.get_by_role("heading", level=1)).to_have_text(tree.quizzes[0].title)
    page.get_by_label("Khoản vay ngân hàng").check()
    page.get_by_role("button", name="Nộp bài").click()
    expect(page.get_by_role("status")).to_contain_text("0%")
    shoot("04-quiz-failed")
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
    shoot("05-quiz-passed")

    page.locator("header summary").click()  # the phone's menu is collapsed
    # The course page from the site menu: every step ticked, one way back in.
    page.locator(".main-nav").get_by_role("link", name="Khóa học", exact=True).click()
    page.get_by_role("link", name=tree.course.title).click()
    expect(page.locator(".outline li.done")).to_have_count(3)
    expect(page.locator(f"a.button[href$='/courses/{tree.course.pk}/resume/']")).to_be_visible()
    expect(page.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "100")
    shoot("06-course-done")

    page.locator("header summary").click()  # the phone's menu is collapsed
    page.get_by_role("link", name="Khóa học của tôi", exact=True).click()
    shoot("07-my-learning")
    card = page.locator(".card", has_text=tree.course.title)
    with page.expect_download() as download_info:
        card.get_by_role("link", name="Tải PDF").click()
    pdf = download_info.value
    assert open(pdf.path(), "rb").read(4) == b"%PDF"

    card.get_by_role("link", name="Trang xác minh").click()
    expect(page.locator("body")).to_contain_text("Nguyễn Thị Ánh Tuyết")
    expect(page.get_by_role("status")).to_contain_text(re.compile("còn hiệu lực", re.IGNORECASE))
    shoot("08-verified")
