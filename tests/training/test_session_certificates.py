"""A class's certificates issued in one action by an administrator of its area, and printed for the ceremony.

From the outside: the admin's certificates page (preview, issue, print files), real posts, real PDFs read back
with pypdf."""

import io
import zipfile

import pytest
from django.urls import reverse
from pypdf import PdfReader

from trainers.models import Certificate, SessionReport
from training.certificates import REASONS
from training.models import CertificatePrintout, SessionCertificate, SessionParticipant

from ..trainers.factories import ParticipantFactory, TrainingSessionFactory, UserFactory, areas, attend, district_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def klass():
    """A class in Duy Xuyên, its report approved: three completed it, three did not, each for another reason."""
    tree = areas()
    session = TrainingSessionFactory(area=tree["Duy Xuyên"], title="Khởi nghiệp cho thanh niên")
    people = {}
    # Vietnamese order (Â after A, before B; Đ after D) differs from code point order here.
    for name in ("Bùi Thị Lan", "Âu Văn Tài", "Đỗ Minh Quân"):
        participant = ParticipantFactory(
            session=session, person=UserFactory(full_name=name), result=SessionParticipant.PASSED
        )
        attend(participant)
        people[name] = participant
    people["absent"] = ParticipantFactory(
        session=session, person=UserFactory(full_name="Vắng Mặt"), result=SessionParticipant.PASSED
    )
    people["failed"] = ParticipantFactory(
        session=session, person=UserFactory(full_name="Chưa Đạt"), result=SessionParticipant.FAILED
    )
    attend(people["failed"])
    people["listed"] = ParticipantFactory(
        session=session, person=None, listed_name="Chỉ Có Tên", result=SessionParticipant.PASSED
    )
    attend(people["listed"])
    return {
        "session": session,
        "people": people,
        "admin": district_admin(tree["Duy Xuyên"]),
        "other_admin": district_admin(tree["Tam Kỳ"], email="tamky.admin@example.org"),
    }


def _url(name, session):
    return reverse(f"training_session:{name}", args=[session.pk])


ORDER = ["Âu Văn Tài", "Bùi Thị Lan", "Đỗ Minh Quân"]


def test_preview_lists_who_gets_one_and_why_the_others_do_not(client, klass, django_assert_max_num_queries):
    client.force_login(klass["admin"])
    with django_assert_max_num_queries(40):  # the page's queries do not grow with the class
        response = client.get(_url("certificates", klass["session"]))
    assert response.status_code == 200
    html = response.content.decode()
    eligible = html.split("data-eligible>")[1].split("</ol>")[0]
    assert [name for name in ORDER if name in eligible] == ORDER
    assert eligible.index(ORDER[0]) < eligible.index(ORDER[1]) < eligible.index(ORDER[2])
    rows = response.context["left_out"]
    assert {row.name: row.reason for row in rows} == {
        "Vắng Mặt": "not_attended",
        "Chưa Đạt": "not_passed",
        "Chỉ Có Tên": "no_account",
    }
    for reason in ("not_attended", "not_passed", "no_account"):
        assert f'data-reason="{reason}">{REASONS[reason]}<' in html


def test_issuing_twice_issues_nothing_new(client, klass, django_capture_on_commit_callbacks):
    client.force_login(klass["admin"])
    url = _url("certificates", klass["session"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"action": "issue"})
    assert response.status_code == 302
    certificates = Certificate.objects.filter(kind=Certificate.SESSION)
    assert sorted(certificates.values_list("holder_name", flat=True)) == sorted(ORDER)
    assert all(c.area == klass["session"].area and "Khởi nghiệp cho thanh niên" in c.subject for c in certificates)
    assert SessionCertificate.objects.filter(session=klass["session"]).count() == 3

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "issue"})
    assert Certificate.objects.filter(kind=Certificate.SESSION).count() == 3

    holder = klass["people"]["Âu Văn Tài"].person
    mine = Certificate.objects.get(person=holder)
    client.force_login(holder)
    assert (
        reverse("trainers:certificate_pdf", args=[mine.number]) in client.get(reverse("my_learning")).content.decode()
    )
    assert client.get(reverse("trainers:certificate_pdf", args=[mine.number])).status_code == 200
    client.force_login(klass["admin"])
    reasons = {row.name: row.reason for row in client.get(url).context["left_out"]}
    assert {reasons[name] for name in ORDER} == {"already"}


def test_a_session_whose_report_is_not_approved_issues_nothing(client, klass):
    session = klass["session"]
    session.report_status = SessionReport.SUBMITTED
    session.save()
    client.force_login(klass["admin"])
    client.post(_url("certificates", session), {"action": "issue"})
    assert not Certificate.objects.exists()


def test_another_districts_administrator_is_refused(client, klass, django_capture_on_commit_callbacks):
    client.force_login(klass["admin"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url("certificates", klass["session"]), {"action": "issue"})
    assert CertificatePrintout.objects.get().finished_at  # the print files were made after issuing
    client.force_login(klass["other_admin"])
    for name in ("certificates", "certificates_pdf", "certificates_zip"):
        assert client.get(_url(name, klass["session"])).status_code == 404
    assert client.post(_url("certificates", klass["session"]), {"action": "issue"}).status_code == 404


def test_merged_pdf_has_one_page_per_certificate_in_print_order_and_the_zip_one_file_each(
    client, klass, django_capture_on_commit_callbacks
):
    client.force_login(klass["admin"])
    page = _url("certificates", klass["session"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(page, {"action": "issue"})
    assert "data-progress" not in client.get(page).content.decode()  # done: the links, no progress

    response = client.get(_url("certificates_pdf", klass["session"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    numbers = {c.holder_name: c.number for c in Certificate.objects.filter(kind=Certificate.SESSION)}
    assert len(reader.pages) == 3
    texts = [p.extract_text() for p in reader.pages]
    assert [numbers[name] in text for name, text in zip(ORDER, texts, strict=True)] == [True] * 3

    response = client.get(_url("certificates_zip", klass["session"]))
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    names = archive.namelist()
    assert names == [f"{i:03d}-chung-nhan-{numbers[name]}.pdf" for i, name in enumerate(ORDER, start=1)]
    for name in names:
        assert len(PdfReader(io.BytesIO(archive.read(name))).pages) == 1


def test_print_files_follow_a_revocation_and_a_second_render_changes_nothing(
    client, klass, django_capture_on_commit_callbacks
):
    from trainers.services import certificate_revoke
    from training.certificates import printout_render

    client.force_login(klass["admin"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url("certificates", klass["session"]), {"action": "issue"})
    printout = CertificatePrintout.objects.get()
    first = (printout.pdf.name, printout.finished_at)
    assert printout_render(session_id=klass["session"].pk).finished_at == first[1]  # already current: a no-op

    revoked = Certificate.objects.get(holder_name="Bùi Thị Lan")
    certificate_revoke(certificate=revoked, reason="Nhầm người", by=klass["admin"])
    page = client.get(_url("certificates", klass["session"]))
    assert client.get(_url("certificates_pdf", klass["session"])).status_code == 404  # out of date
    assert 'value="print"' in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url("certificates", klass["session"]), {"action": "print"})
    response = client.get(_url("certificates_pdf", klass["session"]))
    assert len(PdfReader(io.BytesIO(b"".join(response.streaming_content))).pages) == 2


def test_the_page_shows_progress_while_the_print_files_are_made(client, klass, django_capture_on_commit_callbacks):
    from trainers.services import certification_issue
    from training.certificates import print_order, session_subject

    session = klass["session"]
    for name in ORDER:  # issued without the batch's print task (as if the worker had not reached it yet)
        person = klass["people"][name].person
        certificate = certification_issue(
            person=person, kind=Certificate.SESSION, subject=session_subject(session), area=session.area
        )
        SessionCertificate.objects.create(session=session, person=person, certificate=certificate)
    client.force_login(klass["admin"])
    page = _url("certificates", session)
    with django_capture_on_commit_callbacks(execute=False) as queued:  # the task is queued, not run
        client.post(page, {"action": "print"})
    assert len(queued) == 1
    CertificatePrintout.objects.filter(session=session).update(rendered=1)
    html = client.get(page).content.decode()
    assert '<meta http-equiv="refresh"' in html
    assert "data-progress>Đã tạo 1/3." in html
    assert client.get(_url("certificates_pdf", session)).status_code == 404  # nothing to download yet
    assert len(print_order(session)) == 3
