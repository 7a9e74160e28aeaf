"""A district administrator on a phone imports the district's attendance sheet, starting from the admin home."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SHEET = Path(__file__).resolve().parents[2] / "training" / "demo_data" / "danh_sach_duy_hoa_2024.xlsx"
SESSION = "Tập huấn khởi nghiệp cho đoàn viên thanh niên xã Duy Hòa"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads wait for their confirmation here, not in the project's media folder."""
    settings.MEDIA_ROOT = str(tmp_path)


def test_district_admin_imports_the_sheet_from_the_admin_home(page, live_server, shoot, committed_demo):
    from training.models import SessionParticipant, TrainingSession

    session = TrainingSession.objects.get(title=SESSION)
    before = SessionParticipant.objects.filter(session=session).count()
    base = live_server.url

    page.goto(base + "/admin/")
    # Wagtail's own login form; its password field has no translated label (Django's "Password").
    page.get_by_label("email").fill("district.admin@example.org")
    page.locator("#id_password").fill("demo-2026-tot")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page).to_have_url(base + "/admin/")
    panel = page.locator("[data-admin-home-todos]")
    expect(panel).to_be_visible()
    shoot("01-admin-home")

    # A readable link on the first screen, not an icon: the name says what it does.
    link = panel.get_by_role("link", name="Nhập danh sách học viên tham gia")
    link.scroll_into_view_if_needed()
    box = link.bounding_box()
    assert 0 < box["height"] < 80 and box["x"] + box["width"] <= 360, box
    link.click()

    page.get_by_role("combobox", name="Lớp tập huấn").select_option(value=str(session.pk))
    page.locator("input[type=file]").and_(page.get_by_label("Danh sách học viên tham gia")).set_input_files(SHEET)
    shoot("02-upload")
    page.get_by_role("button", name="Tải lên và kiểm tra").click()

    # The preview: what the sheet says, nothing written yet.
    report = page.get_by_role("region", name="Báo cáo nhập dữ liệu")
    expect(report).to_contain_text("Chạy thử: tệp hợp lệ; chưa có dữ liệu nào được ghi.")
    expect(report).to_contain_text("Đã đọc 8 dòng.")
    shoot("03-preview")
    assert SessionParticipant.objects.filter(session=session).count() == before
    page.get_by_role("button", name="Xác nhận và nhập").click()

    expect(page.locator(".messages")).to_contain_text("Đã nhập dữ liệu.")
    shoot("04-imported")
    participants = SessionParticipant.objects.filter(session=session)
    # The sheet's eight people are enrolled: seven new, and the demo learner (found by e-mail) already was.
    assert participants.filter(person__full_name="Nguyễn Văn Thành").exists()
    assert participants.count() == before + 7
