"""Each role's guide: the browser walks what the guide describes and saves the screenshots it shows.

After changing a screen, re-run it with UPDATE_SCREENSHOTS=1: the pictures in static/guides/ follow
(commit them). Without it the pictures go to test-artifacts/guides/ (ignored by git), so an ordinary
test run leaves the tracked pictures, and `git status`, as they were.
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ROOT = Path(__file__).resolve().parents[2]
SHEET = ROOT / "training" / "demo_data" / "danh_sach_duy_hoa_2024.xlsx"
UPDATE = os.environ.get("UPDATE_SCREENSHOTS") == "1"
GUIDES = ROOT / "static" / "guides" if UPDATE else ROOT / "test-artifacts" / "guides"
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}


@pytest.fixture
def open_as(browser, live_server):
    """open_as(email or None, phone=True): a logged-in page; shot(name) saves <GUIDES>/<name>.png."""
    contexts = []

    def open_page(email=None, *, phone=True):
        context = browser.new_context(**(PHONE if phone else DESKTOP), locale="vi-VN", device_scale_factor=1)
        contexts.append(context)
        page = context.new_page()
        if email:
            page.goto(live_server.url + "/accounts/login/")
            page.fill("[name=username]", email)
            page.fill("[name=password]", "demo-2026-tot")
            page.get_by_role("button", name="Đăng nhập").click()
            page.wait_for_load_state("networkidle")
        return page

    yield open_page
    for context in contexts:
        context.close()


def shot(page, name):
    GUIDES.mkdir(parents=True, exist_ok=True)
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(GUIDES / f"{name}.png"))


def test_screenshots_for_the_guides(open_as, live_server, committed_demo, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)  # where the uploaded sheet waits for its confirmation
    from courses.models import CoursePage, LessonPage
    from training.models import TrainingSession

    base = live_server.url
    duy_hoa = TrainingSession.objects.get(title__contains="xã Duy Hòa")
    course = CoursePage.objects.live().first()
    lesson = LessonPage.objects.live().descendant_of(course).first()

    page = open_as()
    page.goto(base + "/")
    page.locator("header summary").click()
    shot(page, "learner-1-menu")

    page = open_as("learner@example.org")
    page.goto(base + course.url)
    page.get_by_role("button", name="Bắt đầu học").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(lesson.title)
    shot(page, "learner-3-lesson")
    page.get_by_role("button", name="Đánh dấu hoàn thành và tiếp tục").click()
    page.goto(base + course.url)
    shot(page, "learner-2-course")
    page.goto(base + "/my-learning/")
    shot(page, "learner-4-my-learning")

    page = open_as("trainer@example.org")
    page.goto(base + lesson.url)
    expect(page.get_by_role("link", name="Sửa trang này")).to_be_visible()
    shot(page, "trainer-1-lesson")
    page = open_as("trainer@example.org", phone=False)
    page.goto(f"{base}/admin/pages/{lesson.pk}/edit/")
    shot(page, "trainer-2-editor")
    page = open_as("trainer@example.org")
    page.goto(f"{base}/lop-tap-huan/")
    expect(page.get_by_role("link", name="Lên kế hoạch lớp mới")).to_be_visible()
    shot(page, "trainer-3-sessions")

    page = open_as("district.admin@example.org", phone=False)
    page.goto(f"{base}/admin/")
    shot(page, "district-admin-1-dashboard")
    page.goto(f"{base}/admin/trainers/trainers/")
    shot(page, "district-admin-2-trainers")
    page.goto(f"{base}/admin/")
    page.get_by_role("link", name="Nhập danh sách học viên tham gia").click()
    page.get_by_role("combobox", name="Lớp tập huấn").select_option(value=str(duy_hoa.pk))
    page.locator("#id_file").set_input_files(SHEET)
    page.get_by_role("button", name="Tải lên và kiểm tra").click()
    expect(page.get_by_role("button", name="Xác nhận và nhập")).to_be_visible()
    shot(page, "district-admin-4-import")
    page.goto(f"{base}/admin/reports/")
    shot(page, "district-admin-3-reports")

    page = open_as("province.admin@example.org", phone=False)
    page.goto(f"{base}/admin/reports/")
    shot(page, "province-admin-1-reports")
    page.goto(f"{base}/admin/trainers/certificates/")
    shot(page, "province-admin-2-certificates")
    page.goto(f"{base}/admin/pages/")
    shot(page, "province-admin-3-pages")


@pytest.mark.parametrize("role", ["learner", "trainer", "district-admin", "province-admin"])
def test_each_guide_is_reached_from_the_footer_and_shows_its_pictures(open_as, live_server, role):
    page = open_as()
    page.goto(live_server.url + "/")
    page.get_by_role("contentinfo").get_by_role("link", name="Hướng dẫn").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hướng dẫn")
    page.locator(f"main a[href='/guides/{role}/']").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    images = page.locator("main img")
    assert images.count() >= 3
    for index in range(images.count()):
        image = images.nth(index)
        image.scroll_into_view_if_needed()
        assert image.get_attribute("alt")
        page.wait_for_function("(img) => img.complete && img.naturalWidth > 0", arg=image.element_handle())
