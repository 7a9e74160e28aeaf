"""Renewal of a trainer certificate on phones, in Vietnamese (issue 21): a demo trainer whose certificate expires
within days sees the province's rules met with their evidence and asks for renewal; the administrator of their
district approves it; the trainer downloads the new PDF (which names the certificate it renews) and the signed
Open Badges 3.0 credential; /verify/ shows the renewal and the history. axe-core checks each page on the way.
"""

import datetime
import shutil
import subprocess
import unicodedata
from urllib.request import urlopen

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.browser.axe import axe_violations
from tests.browser.test_cascade_in_the_field import PASSWORD, log_in, vi

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

RENEWAL_OPENS = datetime.date(2026, 9, 12)  # 90 days before the demo's December 2023 certificates expire


def phone(browser, browser_context_args):
    """A phone without the site's Content-Security-Policy, so that axe can be injected."""
    context = browser.new_context(**browser_context_args, bypass_csp=True)
    return context, context.new_page()


def checked(page, found, label):
    """The page as it is now: no axe violation, nothing wider than the phone."""
    found.extend(f"{label} ({page.url}): {line}" for line in axe_violations(page))
    if not page.evaluate("document.documentElement.scrollWidth <= 360"):
        wider = page.evaluate("""() => [...document.querySelectorAll("main *")]
            .filter((e) => e.getBoundingClientRect().right > 361).slice(0, 5)
            .map((e) => e.tagName + "." + e.className + ": " + (e.textContent || "").trim().slice(0, 60))""")
        pytest.fail(f"{label} ({page.url}) is wider than the phone: {wider}")


def pdf_text(path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    raw = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(unicodedata.normalize("NFC", raw).split())


@pytest.mark.skipif(timezone.localdate() < RENEWAL_OPENS, reason="the demo's renewals open in September 2026")
def test_a_trainer_renews_on_a_phone_and_verify_shows_the_history(
    browser, browser_context_args, live_server, tmp_path, committed_demo
):
    import jwt

    from accounts.models import User
    from areas.models import Area
    from trainers.models import Certificate

    # The Duy Xuyên trainer certified in December 2023 meets the rules (trainers' demo, load_renewals); the demo has
    # them ask already, so the walk starts just before they do.
    code = Area.objects.districts().get(name="Duy Xuyên", valid_from=None).code
    holder = User.objects.get(email=f"gv.{code}.2023@example.org")
    holder.set_password(PASSWORD)
    holder.save()
    old = Certificate.objects.get(person=holder, kind=Certificate.TRAINER, renews=None)
    Certificate.objects.filter(pk=old.pk).update(renewal_requested_at=None)
    base, found = live_server.url, []

    # The trainer: My learning leads to the renewal page, where every rule is met with its evidence.
    trainer_context, trainer = phone(browser, browser_context_args)
    log_in(trainer, base, holder.email, then="/my-learning/")
    checked(trainer, found, "my learning")
    trainer.get_by_role("link", name=vi("Renewal: rules and evidence")).click()
    trainer.wait_for_load_state("networkidle")
    rules = trainer.locator(".renewal-rule")
    assert rules.count() >= 1 and trainer.locator(".renewal-rule.unmet").count() == 0
    assert "Khởi nghiệp cho người dân Duy Xuyên 2026" in trainer.content()  # the evidence, linked
    checked(trainer, found, "renewal page")
    with trainer.expect_navigation():
        trainer.get_by_role("button", name=vi("Ask for renewal")).click()
    assert trainer.locator(".message.success").count() >= 1
    checked(trainer, found, "renewal asked")
    old.refresh_from_db()
    assert old.renewal_requested_at is not None

    # The district's administrator approves on their phone.
    admin_context, admin = phone(browser, browser_context_args)
    log_in(admin, base, "district.admin@example.org")
    admin.goto(base + reverse("certificate:renew", args=[old.pk]))
    assert holder.full_name in admin.content()
    checked(admin, found, "administrator's renewal")
    with admin.expect_navigation():
        admin.get_by_role("button", name=vi("Renew and issue the new certificate")).click()
    renewal = Certificate.objects.get(renews=old)
    assert renewal.number == f"{old.number}-GH1"
    checked(admin, found, "renewed certificate")

    # The trainer downloads the new PDF and the credential from My learning.
    trainer.goto(base + "/my-learning/")
    card = trainer.locator(".card", has_text=renewal.number)
    with trainer.expect_download() as pdf:
        card.get_by_role("link", name=vi("Download PDF")).click()
    text = pdf_text(pdf.value.path())
    assert renewal.number in text and f"Gia hạn Giấy chứng nhận số {old.number}" in text
    assert f"Hiệu lực từ ngày {renewal.issued_on:%d/%m/%Y} đến ngày {renewal.expires_on:%d/%m/%Y}" in text
    with trainer.expect_download() as credential:
        card.get_by_role("link", name=vi("Open Badges credential")).click()
    token = open(credential.value.path()).read()
    kid_path = jwt.get_unverified_header(token)["kid"].split("://", 1)[1].split("/", 1)[1]
    with urlopen(f"{base}/{kid_path}") as response:  # the key the header names, from the site
        key = jwt.PyJWK.from_json(response.read().decode()).key
    payload = jwt.decode(token, key, algorithms=["RS256"], options={"verify_aud": False, "verify_nbf": False})
    assert payload["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert payload["id"].endswith(f"/verify/{renewal.code}/")
    assert payload["validFrom"].startswith(renewal.issued_on.isoformat())  # from the day after the old expiry

    # /verify/: the renewal, the certificate it renews, and the history, on the trainer's phone.
    trainer.goto(base + reverse("trainers:verify", args=[renewal.code]))
    page = trainer.content()
    assert f"Gia hạn chứng nhận {old.number}" in page
    history = trainer.locator("ol.certificate-history")
    assert history.locator("li").count() == 2
    assert old.number in history.inner_text() and renewal.number in history.inner_text()
    checked(trainer, found, "verify the renewal")
    trainer.get_by_role("link", name=vi("Check the certificate it renews")).click()
    trainer.wait_for_load_state("networkidle")
    assert f"Được gia hạn bằng chứng nhận {renewal.number}" in trainer.content()
    checked(trainer, found, "verify the renewed certificate")
    trainer_context.close()
    admin_context.close()
    assert not found, "\n".join(found)
