"""The site header on a cheap phone: short, the page starts near the top, the menu opens without JavaScript."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.parametrize(("prefix", "menu", "courses"), [("", "Menu", "Khóa học"), ("/en", "Menu", "Courses")])
def test_content_starts_within_100px_and_menu_works_without_javascript(
    browser, live_server, committed_demo, shoot, prefix, menu, courses
):
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False, is_mobile=True)
    page = context.new_page()
    page.goto(f"{live_server.url}{prefix}/")
    heading = page.get_by_role("heading", level=1)
    assert heading.bounding_box()["y"] < 100
    assert page.locator("main").bounding_box()["y"] < 100
    # Collapsed: the links are not shown until the menu button is pressed.
    expect(page.get_by_role("link", name=courses, exact=True)).to_be_hidden()
    page.get_by_text(menu, exact=True).click()
    expect(page.get_by_role("link", name=courses, exact=True)).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path=str(_artifact(f"phone-header-open{prefix.replace('/', '-')}.png")))
    page.get_by_role("link", name=courses, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Khóa học")
    context.close()


def test_menu_opens_from_the_keyboard(page, live_server, committed_demo):
    page.goto(f"{live_server.url}/")
    summary = page.locator("header summary")
    summary.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("link", name="Khóa học", exact=True)).to_be_visible()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Khóa học", exact=True)).to_be_focused()


def test_wide_screen_shows_the_menu_without_a_button(browser, live_server, committed_demo):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    expect(page.locator("header summary")).to_be_hidden()
    expect(
        page.get_by_role("navigation", name="Menu chính").get_by_role("link", name="Khóa học", exact=True)
    ).to_be_visible()
    assert page.get_by_role("heading", level=1).bounding_box()["y"] < 100
    context.close()


def _artifact(name):
    from tests.browser.conftest import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name
