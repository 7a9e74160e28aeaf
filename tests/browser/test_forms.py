"""On a 360 px phone, a registration with mistakes lands on the error summary, with focus on it."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_registration_errors_land_on_the_summary(page, live_server, shoot):
    assert page.viewport_size["width"] == 360
    page.goto(live_server.url + "/accounts/register/")
    page.fill("[name=account-full_name]", "Trần Thị Nhung")
    page.fill("[name=account-email]", "nhung@@gmail")
    page.fill("[name=account-password1]", "hoc-khoi-nghiep-2026")
    page.fill("[name=account-password2]", "khac-mat-khau")
    page.get_by_role("button", name="Tạo tài khoản").click()

    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    expect(summary).to_contain_text("nhung@@gmail")
    shoot("summary")

    # Each entry leads to its field, which keeps what was typed.
    summary.locator('a[href="#id_account-email"]').click()
    email = page.locator("#id_account-email")
    expect(email).to_be_in_viewport()
    expect(email).to_have_value("nhung@@gmail")
    expect(email).to_have_attribute("aria-invalid", "true")
    summary.locator('a[href="#id_account-password2"]').click()
    expect(page.locator("#id_account-password2")).to_be_in_viewport()
