"""No accessibility violations (axe-core, WCAG 2.1 AA) on any public page or main admin screen, in both languages.

The demo data (load_demo_data) fills every page; the test collects all violations, then fails
listing them, so one run shows everything there is to fix.
"""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.axe import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Wagtail's own page editor (not our templates) leaves two kinds of fields without an accessible name:
# a StreamField block made of one text field (its name is only in the block's header), and the
# Draftail rich-text box (a contenteditable role=textbox). Everything else on the editor is checked.
WAGTAIL_EDITOR_UNLABELLED = (
    "[data-streamfield-stream-container] [data-field-input] > input[id$='-value']",
    ".public-DraftEditor-content",
)

LANGUAGES = [("", "Đăng nhập"), ("/en", "Log in")]
SHEET = Path(__file__).resolve().parents[2] / "training" / "demo_data" / "danh_sach_duy_hoa_2024.xlsx"


@pytest.fixture
def fresh_page(browser):
    """A phone without the site's Content-Security-Policy, so that axe can be injected."""
    contexts = []

    def open_page(**extra):
        context = browser.new_context(
            viewport={"width": 360, "height": 740}, is_mobile=True, locale="vi-VN", bypass_csp=True, **extra
        )
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def log_in(page, base, prefix, email, button):
    page.goto(f"{base}{prefix}/accounts/login/")
    page.fill("[name=username]", email)
    page.fill("[name=password]", "demo-2026-tot")
    page.get_by_role("button", name=button).click()
    page.wait_for_load_state("networkidle")


def first_link(page, url, selector="main .cards a"):
    page.goto(url)
    return page.locator(selector).first.get_attribute("href")


def check(page, url, found, *, exclude=()):
    response = page.goto(url)
    assert response is not None
    for line in axe_violations(page, exclude=exclude):
        found.append(f"{url}: {line}")


def public_urls(page, base, prefix):
    from django.utils import translation

    from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage, QuizPage
    from showcase.models import EventIndexPage, EventPage, Registration
    from trainers.models import Certificate

    with translation.override("vi"):
        pages = {
            "catalogue": CourseIndexPage.objects.live().first().url,
            "course": CoursePage.objects.live().first().url,
            "module": ModulePage.objects.live().first().url,
            "lesson": LessonPage.objects.live().first().url,
            "quiz": QuizPage.objects.live().first().url,
            "events": EventIndexPage.objects.live().first().url,
            "event": EventPage.objects.live().first().url,
        }
    certificate = Certificate.objects.filter(revoked_at__isnull=True).first()
    revoked = Certificate.objects.filter(revoked_at__isnull=False).first()
    ticket = Registration.objects.order_by("pk").first()
    return [
        f"{base}{prefix}/",
        *(f"{base}{prefix}{url}" for url in pages.values()),
        f"{base}{prefix}/search/?q=kh%E1%BB%9Fi+nghi%E1%BB%87p",
        f"{base}{prefix}/search/?q=zzzyyyxxx",
        f"{base}{prefix}/trainers/",
        base + first_link(page, f"{base}{prefix}/trainers/", "main a[href*='/trainers/']"),
        f"{base}{prefix}/verify/",
        f"{base}{prefix}/verify/{certificate.code}/",
        f"{base}{prefix}/verify/{revoked.code}/",
        f"{base}{prefix}/verify/NOTACODE0000/",
        f"{base}{prefix}/projects/",
        base
        + first_link(page, f"{base}{prefix}/projects/", "main a[href*='/projects/']:not([href$='/projects/new/'])"),
        f"{base}{prefix}/support/",
        base + first_link(page, f"{base}{prefix}/support/", "main a[href*='/support/']"),
        f"{base}{prefix}/events/tickets/{ticket.code}/",
        f"{base}{prefix}/guides/",
        *(f"{base}{prefix}/guides/{role}/" for role in ("learner", "trainer", "district-admin", "province-admin")),
        f"{base}{prefix}/accounts/login/",
        f"{base}{prefix}/accounts/register/",
        f"{base}{prefix}/accounts/password-reset/",
        f"{base}{prefix}/accounts/password-reset/sent/",
        f"{base}{prefix}/no-such-page/",
    ]


def check_after_submit(page, url, found, label, *, shows=".error-summary"):
    """A form sent as it is (empty, or a quiz with no answer): the page that comes back is checked too."""
    page.goto(url)
    page.locator("main form:has(button[type=submit]) button[type=submit]").last.click()
    expect(page.locator(shows).first).to_be_visible()
    found.extend(f"{label} ({url}): {line}" for line in axe_violations(page))


@pytest.mark.parametrize(("prefix", "button"), LANGUAGES, ids=["vi", "en"])
def test_public_pages_have_no_accessibility_violations(fresh_page, live_server, committed_demo, prefix, button):
    base, found = live_server.url, []
    page = fresh_page()
    for url in public_urls(page, base, prefix):
        check(page, url, found)
    page.locator("header summary").click()  # the phone's menu, open
    found.extend(f"menu: {line}" for line in axe_violations(page))
    # Forms sent back with errors: the error summary and the marked fields.
    check_after_submit(page, f"{base}{prefix}/accounts/register/", found, "registration with errors")
    check_after_submit(page, f"{base}{prefix}/accounts/login/", found, "login with errors")
    log_in(page, base, prefix, "learner@example.org", button)
    for path in ("/accounts/me/", "/accounts/me/delete/", "/my-learning/", "/projects/mine/", "/projects/new/"):
        check(page, f"{base}{prefix}{path}", found)
    check_after_submit(page, f"{base}{prefix}/projects/new/", found, "project form with errors")
    check_after_submit(page, f"{base}{prefix}{quiz_url()}", found, "quiz result", shows="p[role=status]")
    invitation = f"{base}{prefix}{invitation_path()}"  # a team invitation's link, followed
    assert page.goto(invitation).status == 200
    check(page, invitation, found)
    assert not found, "\n".join(found)


def invitation_path():
    from django.utils import translation

    from accounts.models import User
    from showcase.models import ProjectInvitation, StartupProject

    project = StartupProject.objects.order_by("pk").first()
    inviter = User.objects.get(email="trainer@example.org")
    invitation, _created = ProjectInvitation.objects.get_or_create(
        project=project, address="learner@example.org", defaults={"invited_by": inviter}
    )
    with translation.override("vi"):
        return invitation.get_absolute_url()


def quiz_url():
    from django.utils import translation

    from courses.models import QuizPage

    with translation.override("vi"):
        return QuizPage.objects.live().first().url


@pytest.mark.parametrize(("prefix", "button"), LANGUAGES, ids=["vi", "en"])
def test_main_admin_screens_have_no_accessibility_violations(
    fresh_page, live_server, committed_demo, prefix, button, settings, tmp_path
):
    from wagtail.users.models import UserProfile

    from accounts.models import User
    from courses.models import LessonPage
    from home.models import HomePage

    # The admin speaks the language chosen in the account, not the site's URL prefix.
    settings.MEDIA_ROOT = str(tmp_path)  # where the uploaded sheet waits for its confirmation
    profile = UserProfile.get_for_user(User.objects.get(email="province.admin@example.org"))
    profile.preferred_language = "en" if prefix else "vi"
    profile.save()
    base, found = live_server.url, []
    page = fresh_page()
    log_in(page, base, prefix, "province.admin@example.org", button)
    lesson = LessonPage.objects.live().first()
    for path in (
        "/admin/",
        f"/admin/pages/{HomePage.objects.get().pk}/",
        "/admin/trainers/trainers/",
        "/admin/training/sessions/",
        "/admin/trainers/certificates/",
        "/admin/reports/",
        "/admin/participant-lists/",
    ):
        check(page, base + path, found)
    check(page, f"{base}/admin/pages/{lesson.pk}/edit/", found, exclude=WAGTAIL_EDITOR_UNLABELLED)
    # The import's preview, after uploading the demo sheet.
    page.goto(base + "/admin/participant-lists/")
    page.locator("#id_session").select_option(index=1)
    page.locator("#id_file").set_input_files(SHEET)
    page.locator("form[enctype] button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    found.extend(f"import preview: {line}" for line in axe_violations(page))
    assert not found, "\n".join(found)


@pytest.mark.parametrize(("prefix", "button"), LANGUAGES, ids=["vi", "en"])
def test_district_admin_home_has_no_accessibility_violations(fresh_page, live_server, committed_demo, prefix, button):
    """The district administrator's first screen: their district's figures and to-dos."""
    from wagtail.users.models import UserProfile

    from accounts.models import User

    profile = UserProfile.get_for_user(User.objects.get(email="district.admin@example.org"))
    profile.preferred_language = "en" if prefix else "vi"
    profile.save()
    base, found = live_server.url, []
    page = fresh_page()
    log_in(page, base, prefix, "district.admin@example.org", button)
    check(page, base + "/admin/", found)
    assert not found, "\n".join(found)


def test_the_checker_finds_violations(fresh_page, live_server):
    """The harness itself: an image without text and an unlabelled field are reported."""
    page = fresh_page()
    page.goto(live_server.url + "/accounts/login/")
    page.evaluate("""() => { document.querySelector("main").insertAdjacentHTML(
        "beforeend", '<img src="/x.png"><input type="text" name="unlabelled">'); }""")
    rules = {line.split(" ", 1)[0] for line in axe_violations(page)}
    assert {"image-alt", "label"} <= rules


def test_the_cascade_pages_of_trainers_learners_and_administrators_have_no_violations(
    fresh_page, live_server, committed_demo
):
    """The pages of issue 18 on a phone, in Vietnamese: a trainer's sessions in every state, their forms (sent back
    with errors too), roll-call, the day's code, tests and paper scores; a learner's check-in; the district
    administrator's approval of a session and of a class report."""
    from accounts.models import User
    from trainers.models import SessionReport
    from training.models import SessionStatus, TrainingSession

    base, found = live_server.url, []
    trainer = User.objects.get(email="trainer@example.org")
    sessions = TrainingSession.objects.managed_by(trainer).order_by("pk")
    by_state = {session.review_status: session for session in sessions}
    assert set(by_state) >= {SessionStatus.DRAFT, SessionStatus.APPROVED}
    led = by_state[SessionStatus.APPROVED]
    page = fresh_page()
    log_in(page, base, "", "trainer@example.org", "Đăng nhập")
    paths = [
        "/lop-tap-huan/",
        "/lop-tap-huan/moi/",
        "/roll-call/",
        f"/lop-tap-huan/{by_state[SessionStatus.DRAFT].pk}/sua/",
    ]
    paths += [f"/lop-tap-huan/{session.pk}/" for session in sessions]
    paths += [
        f"/roll-call/{led.pk}/{suffix}"
        for suffix in ("", "latecomer/", "code/", "tests/pre/", "tests/post/", "scores/")
    ]
    for path in paths:
        response = page.goto(base + path)
        assert response.status == 200, f"{path}: {response.status}"
        found.extend(f"{path}: {line}" for line in axe_violations(page))
    check_after_submit(page, f"{base}/lop-tap-huan/moi/", found, "new session with errors")
    # A learner with a check-in code: the page that asks for it, then a code that is not valid.
    learner = fresh_page()
    log_in(learner, base, "", "learner@example.org", "Đăng nhập")
    check(learner, f"{base}/check-in/", found)
    check_after_submit(learner, f"{base}/check-in/", found, "check-in without a code")
    # The district administrator's review screens for the session and its class report.
    admin = fresh_page()
    log_in(admin, base, "", "district.admin@example.org", "Đăng nhập")
    in_district = TrainingSession.objects.visible_to(User.objects.get(email="district.admin@example.org"))
    waiting = in_district.filter(review_status=SessionStatus.SUBMITTED).first()
    reported = in_district.filter(report_status=SessionReport.SUBMITTED).first()
    for path in (
        "/admin/training/sessions/",
        f"/admin/training/sessions/review/{waiting.pk}/",
        f"/admin/training/sessions/report_review/{reported.pk}/",
    ):
        check(admin, base + path, found)
    assert not found, "\n".join(found)
