"""The cascade in the field, on phones, in Vietnamese (issue 18): a certified trainer plans a class and submits it,
the district administrator approves it, learners check in with the day's code and take the pre-test, a latecomer
is added at the door, learners take the post-test and evaluate the class, the trainer records the results and
submits the class report, the administrator approves it, and the class's learning gain shows in the district's
report and on the trainer's pages.
"""

import re

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "demo-2026-tot"
TITLE = "Tập huấn khởi nghiệp xã Duy Xuyên"
QUESTIONS = """Khởi nghiệp là gì?
- Một cửa hàng nhỏ bất kỳ
* Doanh nghiệp mới tăng trưởng nhanh nhờ đổi mới

OCOP là viết tắt của gì?
* Mỗi xã một sản phẩm
- Một công ty một đối tác"""


def vi(text: str, context: str | None = None) -> str:
    """The Vietnamese label a person sees; a label without a translation fails here rather than passing in English."""
    with translation.override("vi"):
        shown = translation.pgettext(context, text) if context else gettext(text)
    assert shown != text, f"no Vietnamese translation for {text!r}"
    return shown


def log_in(page, base, email, then=None):
    page.goto(base + "/accounts/login/" + (f"?next={then}" if then else ""))
    page.fill("[name=username]", email)
    page.fill("[name=password]", PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state("networkidle")


def fits_the_phone(page):
    assert page.evaluate("document.documentElement.scrollWidth <= 360"), page.url


def learner_phone(browser, browser_context_args):
    """A learner's own phone: a browser context of its own, signed in separately."""
    context = browser.new_context(**browser_context_args)
    return context, context.new_page()


def answer(page, *choices):
    for choice in choices:
        page.get_by_label(choice, exact=True).check()
    with page.expect_navigation():
        page.get_by_role("button", name=vi("Send my answers")).click()


def test_a_class_from_plan_to_learning_gain(page, browser, browser_context_args, live_server, shoot, committed_demo):
    from accounts.models import User
    from training.models import SessionParticipant, TrainingSession

    # Of the demo learners only learner@example.org can sign in; a second Duy Xuyên learner gets the demo password.
    second = User.objects.get(email="lan.tran@example.org")
    second.set_password(PASSWORD)
    second.save()
    base = live_server.url
    today = timezone.localdate()

    # The district administrator's learning-gain report before the class, to compare with afterwards.
    admin_context = browser.new_context(**browser_context_args)
    admin = admin_context.new_page()
    log_in(admin, base, "district.admin@example.org")
    admin.goto(base + "/admin/reports/learning-gain/")
    row = admin.locator("tr", has_text="Trần Văn Minh").first
    expect(row).to_be_visible()
    before = row.inner_text()

    # 1. The certified trainer plans a class for today in a commune of Duy Xuyên and submits it.
    log_in(page, base, "trainer@example.org")
    page.goto(base + "/lop-tap-huan/")
    expect(page.get_by_role("heading", name=vi("My training sessions"))).to_be_visible()
    fits_the_phone(page)
    page.get_by_role("link", name=vi("Plan a new session")).click()
    page.wait_for_load_state("networkidle")
    fits_the_phone(page)
    page.fill("[name=title]", TITLE)
    page.locator("[name=mode]").first.check()
    page.fill("[name=starts_on]", today.isoformat())
    page.fill("[name=ends_on]", today.isoformat())
    page.select_option("[name=area]", index=1)  # the trainer's own area lists only units of Duy Xuyên
    page.fill("[name=venue]", "Nhà văn hoá thôn")
    page.select_option("[name=audience]", index=1)
    page.locator("[name=courses]").first.check()
    page.fill("[name=expected_size]", "20")
    shoot("1-plan-a-class")
    with page.expect_navigation():
        page.locator("main button[type=submit], form button[type=submit]").last.click()
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
    expect(page.get_by_text(vi("Session saved as a draft. Submit it for approval when it is ready."))).to_be_visible()
    with page.expect_navigation():
        page.get_by_role("button", name=vi("Submit for approval")).click()
    expect(page.get_by_text(vi("Waiting for an administrator of the area to approve the session."))).to_be_visible()
    fits_the_phone(page)
    shoot("1-submitted")
    session = TrainingSession.objects.get(title=TITLE)
    expect(page.locator("dl.facts")).to_contain_text(session.area.display_name)

    # 2. The district administrator approves it in the admin.
    # The admin's inspect view offers "Approve or return" among its header actions, behind the "…" menu on a
    # 360 px phone; the review page is opened by its address here.
    admin.goto(f"{base}/admin/training/sessions/review/{session.pk}/")
    expect(admin.get_by_text(TITLE).first).to_be_visible()
    admin.get_by_label(vi("Approve", "training session"), exact=True).check()
    with admin.expect_navigation():
        admin.get_by_role("button", name=vi("Save decision")).click()
    expect(admin.get_by_text(vi("“%(title)s” is approved.") % {"title": TITLE})).to_be_visible()

    # 3. The trainer opens the roll-call from the session's page (through the site menu), writes the tests, and
    # shows the day's code.
    page.goto(base + "/")
    page.locator("header summary").click()  # the phone's menu
    with page.expect_navigation():
        page.get_by_role("link", name=vi("Training sessions"), exact=True).click()
    with page.expect_navigation():
        page.get_by_role("link", name=TITLE).click()
    with page.expect_navigation():
        page.get_by_role("link", name=vi("Roll-call, tests and evaluation")).click()
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
    fits_the_phone(page)
    for link, kind in ((vi("Write a pre-test"), "pre"), (vi("Write a post-test"), "post")):
        with page.expect_navigation():
            page.get_by_role("link", name=link).click()
        fits_the_phone(page)
        page.get_by_label(vi("Questions")).fill(QUESTIONS)
        if kind == "pre":
            shoot("3-write-the-pre-test")
        with page.expect_navigation():
            page.get_by_role("button", name=vi("Save")).click()
        expect(page.get_by_text(vi("The test is saved: %(count)s questions.") % {"count": 2})).to_be_visible()
    with page.expect_navigation():
        page.get_by_role("link", name=vi("Check-in QR code")).click()
    expect(page.get_by_role("img", name=vi("QR code for check-in"))).to_be_visible()
    fits_the_phone(page)
    shoot("3-day-code")
    code = page.locator(".day-code .code").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9 -]{4,}", code), code

    # Two learners check in on their own phones: one types the code, the other follows the QR code's link.
    first_context, first = learner_phone(browser, browser_context_args)
    log_in(first, base, "learner@example.org")
    first.goto(base + "/check-in/")
    fits_the_phone(first)
    first.get_by_label(vi("Check-in code")).fill(code)
    with first.expect_navigation():
        first.locator("main form button[type=submit], form button[type=submit]").last.click()
    with first.expect_navigation():
        first.get_by_role("button", name=vi("I am here")).click()
    expect(first.get_by_text(vi("You are checked in. Welcome!"))).to_be_visible()
    fits_the_phone(first)

    link = first.url  # the check-in page the QR code opens
    second_context, second_phone = learner_phone(browser, browser_context_args)
    second_phone.goto(link)
    second_phone.fill("[name=username]", "lan.tran@example.org")
    second_phone.fill("[name=password]", PASSWORD)
    with second_phone.expect_navigation():
        second_phone.get_by_role("button", name="Đăng nhập").click()
    second_phone.wait_for_load_state("networkidle")
    with second_phone.expect_navigation():
        second_phone.get_by_role("button", name=vi("I am here")).click()
    expect(second_phone.get_by_text(vi("You are checked in. Welcome!"))).to_be_visible()

    # The pre-test: the first learner gets one answer of two right, the second none.
    for phone, choices in (
        (first, ("Doanh nghiệp mới tăng trưởng nhanh nhờ đổi mới", "Một công ty một đối tác")),
        (second_phone, ("Một cửa hàng nhỏ bất kỳ", "Một công ty một đối tác")),
    ):
        with phone.expect_navigation():
            phone.get_by_role("link", name=vi("Answer the pre-test")).click()
        fits_the_phone(phone)
        answer(phone, *choices)
        expect(phone.get_by_text(vi("Pre-test answered"))).to_be_visible()
    expect(first.get_by_text(re.compile(r"50([.,]0)?/100"))).to_be_visible()
    expect(second_phone.get_by_text(re.compile(r"0([.,]0)?/100"))).to_be_visible()

    # 4. A latecomer arrives: the trainer adds her at the door; the tick list shows three present.
    page.goto(f"{base}/roll-call/{session.pk}/")
    expect(page.get_by_label("Nguyễn Thị Lan")).to_be_checked()
    with page.expect_navigation():
        page.get_by_role("link", name=vi("Add a latecomer")).click()
    fits_the_phone(page)
    page.get_by_label(vi("Full name")).fill("Hồ Thị Muộn")
    page.get_by_label(vi("Phone number")).fill("0905 111 222")
    page.locator("[name=gender]").first.check()
    page.get_by_label(vi("Year of birth")).fill("1990")
    page.get_by_label(vi("Commune")).select_option(index=1)
    shoot("4-latecomer")
    with page.expect_navigation():
        page.get_by_role("button", name=vi("Record present")).click()
    expect(page.get_by_label("Hồ Thị Muộn")).to_be_checked()
    expect(page.get_by_text(re.compile(r"\b3\b.*\b3\b"))).to_be_visible()
    fits_the_phone(page)
    shoot("4-roll-call")

    # 5. The learners take the post-test (both right) and evaluate the class.
    for phone in (first, second_phone):
        with phone.expect_navigation():
            phone.get_by_role("link", name=vi("Answer the post-test")).click()
        answer(phone, "Doanh nghiệp mới tăng trưởng nhanh nhờ đổi mới", "Mỗi xã một sản phẩm")
        expect(phone.get_by_text(vi("Post-test answered"))).to_be_visible()
        with phone.expect_navigation():
            phone.get_by_role("link", name=vi("Evaluate the session")).click()
        fits_the_phone(phone)
        for name in ("content", "trainer", "usefulness"):
            phone.check(f"[name={name}][value='5']")
        phone.get_by_label(vi("Comment (optional)")).fill("Rất bổ ích")
        with phone.expect_navigation():
            phone.get_by_role("button", name=vi("Send")).click()
        expect(phone.get_by_text(vi("Thank you for your evaluation."))).to_be_visible()
        expect(phone.get_by_text(vi("Evaluation sent. Thank you!"))).to_be_visible()
        fits_the_phone(phone)
    first_context.close()
    second_context.close()

    # The trainer sees the class's totals: gain 100 − 25 = 75 points, satisfaction 5.
    page.reload()
    results = page.get_by_role("region", name=vi("Results"))
    expect(results).to_contain_text(re.compile(r"75[.,]0"))
    expect(results).to_contain_text(re.compile(r"25[.,]0 → 100[.,]0"))
    expect(results).to_contain_text(re.compile(r"5[.,]00"))
    shoot("5-roll-call-results")

    # 6. The trainer records the results and submits the class report.
    page.goto(f"{base}/lop-tap-huan/{session.pk}/")
    fits_the_phone(page)
    with page.expect_navigation():
        page.get_by_role("link", name=vi("Record results")).click()
    fits_the_phone(page)
    page.locator(f"input[type=radio][value='{SessionParticipant.PASSED}']").first.wait_for()
    for radio in page.locator(f"input[type=radio][value='{SessionParticipant.PASSED}']").all():
        radio.check()
    shoot("6-record-results")
    with page.expect_navigation():
        page.get_by_role("button", name=vi("Save results")).click()
    expect(page.get_by_text(vi("Results saved. Submit the class report when every result is in."))).to_be_visible()
    with page.expect_navigation():
        page.get_by_role("button", name=vi("Submit the class report")).click()
    expect(page.get_by_text(vi("The class report is waiting for an administrator of the area."))).to_be_visible()
    fits_the_phone(page)

    # The administrator approves the class report.
    admin.goto(f"{base}/admin/training/sessions/report_review/{session.pk}/")
    expect(admin.get_by_text("Hồ Thị Muộn").first).to_be_visible()
    admin.get_by_label(vi("Approve", "training session"), exact=True).check()
    with admin.expect_navigation():
        admin.get_by_role("button", name=vi("Save decision")).click()
    expect(admin.get_by_text(vi("“%(title)s” is approved.") % {"title": TITLE})).to_be_visible()

    # 7. The district's learning-gain report now counts the class; the trainer's page shows the totals.
    admin.goto(base + "/admin/reports/learning-gain/")
    row = admin.locator("tr", has_text="Trần Văn Minh").first
    expect(row).to_be_visible()
    assert row.inner_text() != before, before
    admin_context.close()

    page.goto(f"{base}/lop-tap-huan/{session.pk}/")
    dl = page.locator("dl.facts")
    expect(dl).to_contain_text(
        vi("%(total)s enrolled, %(passed)s passed, %(failed)s not passed") % {"total": 3, "passed": 3, "failed": 0}
    )
    fits_the_phone(page)
    shoot("7-class-done")
