"""A trainer reads a lesson on a phone: the page stays light, and a plain link leads to its editor."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def browser_context_args(browser_context_args):
    """A first visit: no service worker yet (one registered at login would fetch the page on its own, and
    Chromium would count the page's bytes on the worker, not on the page)."""
    return {**browser_context_args, "service_workers": "block"}


def log_in(page, base, email):
    page.goto(base + "/accounts/login/")
    page.fill("[name=username]", email)
    page.fill("[name=password]", "demo-2026-tot")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state("networkidle")


def test_trainer_reads_a_lesson_light_and_finds_the_edit_link(page, live_server, shoot, committed_demo):
    from courses.models import LessonPage

    lesson = LessonPage.objects.live().first()
    base = live_server.url
    log_in(page, base, "trainer@example.org")

    # A first visit: nothing from the browser's cache, so every file the page needs comes over the
    # wire; Chromium's own count of bytes received (headers and bodies) for each of them is summed.
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    wire = []
    cdp.on("Network.loadingFinished", lambda event: wire.append(event["encodedDataLength"]))
    sizes = []
    page.on("response", lambda response: sizes.append((response.url, len(response.body()))))
    page.goto(base + lesson.url)
    page.wait_for_load_state("networkidle")
    print(f"lesson page for a trainer: {sum(wire)} bytes received in {len(wire)} responses", sizes)
    assert any(url.endswith(".css") for url, _size in sizes), sizes  # the stylesheet was fetched too
    assert len(wire) == len(sizes), (wire, sizes)
    assert 0 < sum(wire) < 60_000, (wire, sizes)
    assert sum(size for _url, size in sizes) < 60_000, sizes  # uncompressed, too
    assert page.locator("wagtail-userbar, script[src*=userbar]").count() == 0

    link = page.get_by_role("link", name="Sửa trang này")
    expect(link).to_be_visible()
    # In the page's flow, above the lesson: it covers nothing.
    assert link.bounding_box()["y"] < page.get_by_role("heading", level=1).bounding_box()["y"]
    shoot("lesson-for-a-trainer")
    link.click()
    expect(page).to_have_url(f"{base}/admin/pages/{lesson.pk}/edit/")


def test_learner_sees_no_edit_link(page, live_server, committed_demo):
    from courses.models import LessonPage

    log_in(page, live_server.url, "learner@example.org")
    page.goto(live_server.url + LessonPage.objects.live().first().url)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Sửa trang này")).to_have_count(0)
