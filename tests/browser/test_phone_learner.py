"""A learner with a phone and no e-mail, on a 360 px phone: register and accept the notice, enrol and get the
message by SMS (in the demo's stand-in provider's inbox), forget the password and reset it with a code sent
there, then withdraw consent to the statistics and see it confirmed. Each page passes axe-core."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import axe_violations
from tests.courses.factories import build_course

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE_TYPED, PHONE_SENT = "0905 123 456", "0905123456"


@pytest.fixture
def browser_context_args(browser_context_args):
    """axe-core is put in the page as a script, which the site's CSP refuses (tests/browser/test_csp.py checks it)."""
    return {**browser_context_args, "bypass_csp": True}


def _no_axe_violations(page):
    assert axe_violations(page) == []


def _sign_in(page, password):
    page.get_by_label("Email hoặc số điện thoại").fill(PHONE_TYPED)
    page.get_by_label(re.compile("^Mật khẩu")).fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


def _inbox_rows(inbox, base):
    inbox.goto(base + "/dev/stand-in/")
    return inbox.locator("tr", has_text=PHONE_SENT)


def test_a_phone_only_learner_registers_gets_messages_resets_the_password_and_withdraws(
    page, live_server, settings, shoot
):
    from home.models import HomePage

    base = live_server.url
    # The demo's stand-in provider on the live server, as scripts/run.sh sets it up for the demo.
    settings.ROOT_URLCONF = "tests.browser.stand_in_urls"
    settings.NOTIFICATION_PHONE_CHANNEL = "sms"
    settings.ESMS_API_URL = base + "/dev/stand-in/esms/"
    settings.ESMS_API_KEY = settings.ESMS_SECRET_KEY = "stand-in"
    settings.ESMS_BRANDNAME = "STAND-IN"
    settings.ZALO_ACCESS_TOKEN = ""
    tree = build_course(HomePage.objects.get(), modules=1, lessons_per_module=1)

    page.goto(base + "/accounts/register/")
    page.fill("[name=account-full_name]", "A Lăng Thị Hiền")
    page.fill("[name=account-phone]", PHONE_TYPED)
    page.fill("[name=account-password1]", "hoc-khoi-nghiep-2026")
    page.fill("[name=account-password2]", "hoc-khoi-nghiep-2026")
    page.select_option("[name=profile-gender]", "female")
    page.fill("[name=profile-birth_year]", "2003")
    # She reads the notice, then agrees to each purpose on its own (nothing is ticked for her).
    expect(page.locator("main a[href$='/privacy/']")).to_be_visible()
    for purpose in ("learning_records", "statistics", "notify_phone"):
        page.check(f"[name=consent-{purpose}]")
    shoot("01-register")
    page.get_by_role("button", name="Tạo tài khoản").click()
    expect(page.locator(".messages")).to_contain_text("Cảm ơn bạn")
    _sign_in(page, "hoc-khoi-nghiep-2026")

    # Enrolling: the confirmation goes by SMS, to the stand-in provider's inbox.
    page.goto(base + tree.course.url)
    page.get_by_role("button", name="Bắt đầu học").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(tree.lessons[0].title)
    inbox = page.context.new_page()
    rows = _inbox_rows(inbox, base)
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Xac nhan ghi danh")  # unaccented, as eSMS's plain SMS is
    shoot("02-enrolled")

    # She signs out and forgets her password: the code comes by SMS.
    page.context.clear_cookies()
    page.goto(base + "/accounts/login/")
    page.get_by_role("link", name="Quên mật khẩu?").click()
    page.get_by_label("Email hoặc số điện thoại").fill(PHONE_TYPED)
    page.get_by_role("button", name="Gửi mã hoặc đường liên kết cho tôi").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nhập mã")
    _no_axe_violations(page)
    shoot("03-code-page")
    rows = _inbox_rows(inbox, base)
    expect(rows).to_have_count(2)
    code = re.search(r"\b(\d{6}) la ma dat lai mat khau", inbox.locator("table").inner_text()).group(1)
    page.get_by_label(re.compile("^Mã")).fill(code)
    page.get_by_label(re.compile("^Mật khẩu mới")).fill("mat-khau-moi-2026")
    page.get_by_label(re.compile("^Nhập lại mật khẩu mới")).fill("mat-khau-moi-2026")
    page.get_by_role("button", name="Lưu mật khẩu").click()
    expect(page.locator(".messages")).to_contain_text("Mật khẩu của bạn đã được đổi")
    _sign_in(page, "mat-khau-moi-2026")
    expect(page.locator(".main-nav form[action$='/logout/']")).to_have_count(1)

    # On her account page she withdraws consent to the statistics, and sees it confirmed.
    page.goto(base + "/accounts/me/")
    statistics = page.locator(".consents li", has_text="Thống kê")
    statistics.get_by_role("button", name="Rút lại").click()
    expect(page.locator(".messages")).to_contain_text("Bạn đã rút lại sự đồng ý")
    expect(page.locator(".consents li", has_text="Thống kê")).to_contain_text("đã rút lại ngày")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    _no_axe_violations(page)
    shoot("04-withdrawn")
