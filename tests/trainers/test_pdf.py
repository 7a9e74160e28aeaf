"""The certificate PDF: Vietnamese text extracted exactly, the shipped DejaVu font embedded, a QR code."""

import shutil
import subprocess
import unicodedata

import pytest
from django.urls import reverse

from trainers.models import Certificate, Trainer
from trainers.pdf import certificate_pdf_bytes
from trainers.services import certificate_revoke, certification_issue
from trainers.tasks import render_certificate_pdf

from .factories import TrainerFactory, UserFactory, areas

pytestmark = pytest.mark.django_db
NAME = "Nguyễn Thị Ánh Tuyết"


def _pdftool(tool, pdf, tmp_path):
    if not shutil.which(tool):
        pytest.skip(f"{tool} (poppler-utils) is not installed")
    path = tmp_path / "certificate.pdf"
    path.write_bytes(pdf)
    return subprocess.run([tool, str(path), "-"] if tool == "pdftotext" else [tool, str(path)], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_holder_name_comes_out_exactly(form, tmp_path):
    tree = areas()
    master = TrainerFactory(person=UserFactory(full_name="Võ Thị Mai Hương"), level=Trainer.MASTER,
                            home_area=tree["province"])  # fmt: skip
    person = UserFactory(full_name=unicodedata.normalize(form, NAME))
    certificate = certification_issue(
        person=person, kind=Certificate.TRAINER, trainer_level=Trainer.CORE, trained_by=master, area=tree["Duy Xuyên"]
    )
    pdf = certificate_pdf_bytes(certificate)
    assert pdf.startswith(b"%PDF")
    text = unicodedata.normalize("NFC", _pdftool("pdftotext", pdf, tmp_path))
    assert NAME in text
    assert "Võ Thị Mai Hương" in text and certificate.number in text and "GIẤY CHỨNG NHẬN" in text
    fonts = _pdftool("pdffonts", pdf, tmp_path)
    assert "DejaVu" in fonts
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])  # every font embedded


def test_course_certificate_names_the_course(course_tree, tmp_path):
    certificate = certification_issue(person=UserFactory(full_name=NAME), kind=Certificate.COURSE,
                                      course=course_tree.course)  # fmt: skip
    text = unicodedata.normalize("NFC", _pdftool("pdftotext", certificate_pdf_bytes(certificate), tmp_path))
    assert course_tree.course.title in text and NAME in text


def test_rendering_twice_keeps_one_file_and_one_number(course_tree, media_root):
    certificate = certification_issue(person=UserFactory(), kind=Certificate.COURSE, course=course_tree.course)
    first = render_certificate_pdf.delay(certificate.pk).get()
    certificate.refresh_from_db()
    rendered_at = certificate.pdf_rendered_at
    second = render_certificate_pdf.delay(certificate.pk).get()
    certificate.refresh_from_db()
    assert first == second == certificate.pdf_sha256
    assert certificate.pdf_rendered_at == rendered_at
    assert certificate.pdf.name == f"certificates/{certificate.number}.pdf"
    from pathlib import Path

    assert [p.name for p in (Path(media_root) / "certificates").iterdir()] == [f"{certificate.number}.pdf"]
    assert Certificate.objects.count() == 1


def test_a_revoked_certificates_pdf_is_refused(client, course_tree, learner, superuser):
    certificate = certification_issue(person=learner, kind=Certificate.COURSE, course=course_tree.course)
    url = reverse("trainers:certificate_pdf", args=[certificate.number])
    client.force_login(learner)
    assert client.get(url)["Content-Type"] == "application/pdf"
    certificate_revoke(certificate=certificate, reason="Cấp nhầm người", by=superuser)
    for user in (learner, superuser):  # neither the holder nor an administrator gets a PDF that looks valid
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 410
        assert response["Content-Type"].startswith("text/html")
        assert "Cấp nhầm người" not in response.content.decode()
