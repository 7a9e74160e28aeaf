"""The demo catalogue on a phone, in Vietnamese and in English."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.parametrize(
    ("prefix", "lang", "heading"), [("", "vi", "Khóa học"), ("/en", "en", "Khóa học")], ids=["vi", "en"]
)
def test_demo_catalogue_on_a_phone(page, live_server, shoot, prefix, lang, heading, committed_demo):
    page.goto(f"{live_server.url}{prefix}/khoa-hoc/")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    cards = page.locator(".cards > li.card")
    expect(cards).to_have_count(3)
    # Nothing overflows the phone's width.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.select_option("#f-audience", "women")
    page.locator("form.filters button[type=submit]").click()
    expect(cards).to_have_count(2)  # the ToT pathway and the course for women entrepreneurs
    shoot(f"catalogue-{lang}")
