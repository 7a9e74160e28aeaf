"""A trainer on a 360 px phone follows a lesson's guide to its teaching kit, prints a material, downloads the kit."""

import pytest
from playwright.sync_api import expect

from .axe import axe_violations
from .test_staff_on_phones import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def browser_context_args(browser_context_args):
    """The phone of tests/browser/conftest.py; axe-core is added as an inline script, which the CSP refuses."""
    return {**browser_context_args, "bypass_csp": True}


def test_a_trainer_reaches_the_kit_from_a_lesson_s_guide(page, live_server, shoot, committed_demo):
    from courses.models import CoursePage, LessonPage

    lesson = LessonPage.objects.live().descendant_of(CoursePage.objects.get(is_tot=True)).first()
    base = live_server.url
    log_in(page, base, "trainer@example.org")
    page.goto(base + lesson.url)
    page.get_by_role("link", name=f"Slide: {lesson.title}").click()
    expect(page.get_by_role("heading", name=lesson.title).first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe_violations(page) == []
    page.get_by_role("link", name="Bộ học liệu", exact=False).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bộ học liệu")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe_violations(page) == []
    shoot("teaching-kit")
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải cả bộ học liệu (PDF)").click()
    assert download.value.suggested_filename.endswith(".pdf")
