"""The Content-Security-Policy is enforced and nothing on the site or in the Wagtail admin breaks it."""

import pytest
from playwright.sync_api import expect

from tests.courses.factories import build_course

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Recorded from inside the page: the browser fires this event for every blocked script, style,
# frame, image or connection, whether or not it also logs to the console.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  const where = `${e.sourceFile}:${e.lineNumber}`;
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${where}`);
});
"""


@pytest.fixture
def watched(page):
    """The page, plus every CSP violation and console error it produced."""
    errors: list[str] = []  # console errors (a blocked script is reported there too)
    crashes: list[str] = []  # uncaught JavaScript exceptions: a script that ran but broke
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: crashes.append(str(e)))
    page.add_init_script(RECORD_VIOLATIONS)

    def visit(url: str):
        response = page.goto(url)
        assert response.status == 200, url
        policy = response.headers.get("content-security-policy", "")
        assert "script-src 'self'" in policy and "object-src 'none'" in policy, policy
        assert "camera=()" in response.headers.get("permissions-policy", "")
        page.wait_for_load_state("networkidle")
        check(url)

    def check(where: str):
        violations = page.evaluate("window.__cspViolations")
        csp_errors = [e for e in errors if "Content Security Policy" in e or "Refused to" in e]
        assert not violations and not csp_errors, (where, violations, csp_errors)
        assert not crashes, (where, crashes)

    page.visit, page.check_csp = visit, check
    return page


def test_site_and_admin_work_under_the_policy(watched, live_server, shoot):
    from accounts.models import User
    from home.models import HomePage

    page = watched
    tree = build_course(HomePage.objects.get(), modules=1, lessons_per_module=1)
    User.objects.create_superuser(email="root@example.org", password="pass-word-123", full_name="Quản trị")
    base = live_server.url

    page.visit(base + "/")
    page.visit(base + "/accounts/login/")
    page.fill("[name=username]", "root@example.org")
    page.fill("[name=password]", "pass-word-123")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state("networkidle")
    page.check_csp("after login")

    lesson = tree.lessons[0]
    page.visit(base + lesson.url)  # with the edit link, as an editor sees it
    expect(page.get_by_role("heading", level=1)).to_have_text(lesson.title)

    page.visit(f"{base}/admin/pages/{lesson.pk}/edit/")
    # The editor is drawn by JavaScript: its StreamField blocks and actions only appear if scripts ran.
    expect(page.locator("[data-streamfield-stream-container]").first).to_be_visible()
    # The scheduling dialog's date pickers, whose inline starters the policy refuses, start from a file.
    expect(page.locator("#id_go_live_at")).to_have_attribute("data-lms-started", "")
    assert page.locator(".xdsoft_datetimepicker").count() >= 2
    page.get_by_role("button", name="Xem trước").or_(page.get_by_role("button", name="Preview")).first.click()
    expect(page.locator("iframe[title]").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    shoot("admin-editor")
    page.check_csp("page editor with preview")

    page.visit(base + "/admin/reports/")  # the programme dashboard draws its charts with Chart.js
    expect(page.locator("canvas").first).to_be_visible()
