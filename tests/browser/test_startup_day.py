"""Startup Day on a phone: register without an account, be checked in at the door, see the winners."""

import re
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from .conftest import ARTIFACTS

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_register_check_in_and_see_the_awarded_project(
    page, browser, browser_context_args, live_server, shoot, committed_demo
):
    from showcase.demo import UPCOMING_SLUG
    from showcase.models import Award, Registration

    base = live_server.url

    page.goto(f"{base}/su-kien/{UPCOMING_SLUG}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Duy Xuyên")
    page.fill("[name=full_name]", "Trần Thị Thu Hà")
    page.fill("[name=phone]", "0935 222 333")
    page.check("[name=consent]")
    page.locator("section[aria-labelledby=register] button[type=submit]").click()
    expect(page.get_by_role("img", name=re.compile("QR"))).to_be_visible()
    shoot("01-ticket")
    registration = Registration.objects.get(phone="+84935222333")
    assert registration.full_name == "Trần Thị Thu Hà" and registration.checked_in_at is None

    # Someone else types her number in another format: a neutral answer, nothing of her ticket.
    stranger = browser.new_context(**browser_context_args)
    other_phone = stranger.new_page()
    other_phone.goto(f"{base}/en/su-kien/{UPCOMING_SLUG}/")
    other_phone.fill("[name=full_name]", "Kẻ Gian")
    other_phone.fill("[name=phone]", "+84 935 222 333")
    other_phone.check("[name=consent]")
    other_phone.locator("section[aria-labelledby=register] button[type=submit]").click()
    expect(other_phone.get_by_role("alert")).to_contain_text("already registered")
    expect(other_phone.get_by_role("img", name=re.compile("QR"))).to_have_count(0)
    expect(other_phone.locator("body")).not_to_contain_text("Trần Thị Thu Hà")
    expect(other_phone.locator("body")).not_to_contain_text(registration.display_code)
    stranger.close()
    assert Registration.objects.filter(phone="+84935222333").count() == 1

    # Door staff of the district scan the QR code, which opens the check-in page for that code.
    staff = browser.new_context(**browser_context_args)
    door = staff.new_page()
    door.goto(f"{base}/accounts/login/?next=/events/check-in/{registration.code}/")
    door.fill("[name=username]", "district.admin@example.org")
    door.fill("[name=password]", "demo-2026-tot")
    door.locator("main button[type=submit]").click()
    expect(door.locator("main")).to_contain_text("Trần Thị Thu Hà")
    door.locator("main button[type=submit]").click()
    registration.refresh_from_db()
    assert registration.checked_in_at is not None
    door.screenshot(path=str(ARTIFACTS / "startup-day-02-checked-in.png"), full_page=True)
    # Scanning the same code again says so plainly and changes nothing.
    first_time = registration.checked_in_at
    door.goto(f"{base}/events/check-in/{registration.code}/")
    expect(door.locator("main button[type=submit]")).to_have_count(0)
    expect(door.locator("main")).to_contain_text(first_time.astimezone(VIETNAM).strftime("%H:%M"))
    registration.refresh_from_db()
    assert registration.checked_in_at == first_time
    staff.close()

    # Back on the phone: the showcase lists the projects awarded at Startup Day.
    award = Award.objects.select_related("project").filter(project__status="published").first()
    page.goto(f"{base}/projects/?awarded=1")
    expect(page.get_by_role("link", name=award.project.title)).to_be_visible()
    page.get_by_role("link", name=award.project.title).click()
    expect(page.locator("main")).to_contain_text(award.title)
    shoot("03-awarded-project")
