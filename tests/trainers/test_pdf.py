"""The certificate PDF: Vietnamese text extracted exactly, the shipped DejaVu font embedded, a QR code."""

import hashlib
import importlib
import shutil
import subprocess
import unicodedata
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.apps import apps as django_apps
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from django.views.static import serve as static_serve
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from trainers.models import Certificate, Trainer
from trainers.models.certification import pdf_storage_name
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


def test_rendering_twice_keeps_one_file_and_one_number(course_tree, settings):
    certificate = certification_issue(person=UserFactory(), kind=Certificate.COURSE, course=course_tree.course)
    first = render_certificate_pdf.delay(certificate.pk).get()
    certificate.refresh_from_db()
    rendered_at = certificate.pdf_rendered_at
    second = render_certificate_pdf.delay(certificate.pk).get()
    certificate.refresh_from_db()
    assert first == second == certificate.pdf_sha256
    assert certificate.pdf_rendered_at == rendered_at
    assert certificate.pdf.name == pdf_storage_name(certificate.number)
    assert [p.name for p in (Path(settings.PRIVATE_MEDIA_ROOT) / "certificates").iterdir()] == [
        Path(certificate.pdf.name).name
    ]
    assert Certificate.objects.count() == 1


def test_pdfs_are_private_and_served_only_to_who_may_see_them(client, course_tree, learner, other_learner, settings):
    learner.full_name = "Nguyễn Văn Bình"
    learner.save()
    certificate = certification_issue(person=learner, kind=Certificate.COURSE, course=course_tree.course)
    render_certificate_pdf.delay(certificate.pk).get()
    certificate.refresh_from_db()
    name = certificate.pdf.name
    assert certificate.number not in name and "Nguy" not in name and "Binh" not in name
    assert len(Path(name).stem) >= 32  # unguessable
    assert (Path(settings.PRIVATE_MEDIA_ROOT) / name).is_file()
    assert not any(Path(settings.MEDIA_ROOT).rglob("*.pdf"))  # nothing under what /media/ serves
    with pytest.raises(ValueError):
        certificate.pdf.url  # noqa: B018  (no public address exists to leak)
    # What serves /media/ (Django's static view under DEBUG, nginx's alias to MEDIA_ROOT) finds nothing,
    # neither by the old guessable name nor by the stored one.
    for path in (f"certificates/{certificate.number}.pdf", name):
        with pytest.raises(Http404):
            static_serve(RequestFactory().get("/media/" + path), path, document_root=settings.MEDIA_ROOT)
        assert client.get(settings.MEDIA_URL + path).status_code == 404

    url = reverse("trainers:certificate_pdf", args=[certificate.number])
    client.force_login(other_learner)
    assert client.get(url).status_code == 404
    client.force_login(learner)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == (Path(settings.PRIVATE_MEDIA_ROOT) / name).read_bytes()


def test_nginx_sends_the_bytes_after_the_view_checks(client, course_tree, learner, other_learner, settings):
    settings.PRIVATE_MEDIA_ACCEL_REDIRECT = "/protected/"
    certificate = certification_issue(person=learner, kind=Certificate.COURSE, course=course_tree.course)
    url = reverse("trainers:certificate_pdf", args=[certificate.number])
    client.force_login(other_learner)
    refused = client.get(url)
    assert refused.status_code == 404 and "X-Accel-Redirect" not in refused
    client.force_login(learner)
    response = client.get(url)
    certificate.refresh_from_db()
    assert response.status_code == 200 and response.content == b""
    assert response["X-Accel-Redirect"] == f"/protected/{certificate.pdf.name}"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{certificate.pdf_filename()}"'


def test_a_lost_file_is_rendered_again_on_download(client, course_tree, learner, settings):
    certificate = certification_issue(person=learner, kind=Certificate.COURSE, course=course_tree.course)
    render_certificate_pdf.delay(certificate.pk).get()
    certificate.refresh_from_db()
    (Path(settings.PRIVATE_MEDIA_ROOT) / certificate.pdf.name).unlink()
    client.force_login(learner)
    response = client.get(reverse("trainers:certificate_pdf", args=[certificate.number]))
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")


def test_migration_moves_existing_public_pdfs(course_tree, settings, django_capture_on_commit_callbacks):
    """A PDF stored before this change, public at /media/certificates/<number>.pdf, keeps its bytes and checksum."""
    migration = importlib.import_module("trainers.migrations.0008_certificate_private_pdf")
    kept = certification_issue(person=UserFactory(), kind=Certificate.COURSE, course=course_tree.course)
    lost = certification_issue(person=UserFactory(), kind=Certificate.COURSE, course=course_tree.course)
    old_file = Path(settings.MEDIA_ROOT) / "certificates" / f"{kept.number}.pdf"
    old_file.parent.mkdir(parents=True)
    old_file.write_bytes(b"%PDF-1.7 issued before")
    sha = hashlib.sha256(old_file.read_bytes()).hexdigest()
    now = timezone.now()
    for certificate, digest in ((kept, sha), (lost, "0" * 64)):
        Certificate.objects.filter(pk=certificate.pk).update(
            pdf=f"certificates/{certificate.number}.pdf", pdf_sha256=digest, pdf_rendered_at=now
        )

    with django_capture_on_commit_callbacks(execute=True):
        migration.move_pdfs_to_private_storage(django_apps, SimpleNamespace(connection=connection))

    kept.refresh_from_db()
    assert kept.pdf.name == pdf_storage_name(kept.number) and kept.pdf_sha256 == sha
    assert kept.pdf.read() == b"%PDF-1.7 issued before"
    assert not old_file.exists()  # no longer public under its guessable name
    lost.refresh_from_db()
    assert not lost.pdf and lost.pdf_rendered_at is None  # the sweep renders it again


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


def test_issuer_signatory_and_seal_set_in_the_admin_are_printed(client, course_tree, superuser, tmp_path):
    site = Site.objects.get(is_default_site=True)
    seal = get_image_model().objects.create(title="Con dấu", file=get_test_image_file())
    client.force_login(superuser)
    response = client.post(
        f"/admin/settings/trainers/certificatesettings/{site.pk}/",
        {
            "issuing_body": "Sở Khoa học và Công nghệ tỉnh Quảng Nam",
            "signatory_name": "Trần Văn Bình",
            "signatory_title": "Giám đốc",
            "seal": seal.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    certificate = certification_issue(person=UserFactory(full_name=NAME), kind=Certificate.COURSE,
                                      course=course_tree.course)  # fmt: skip
    pdf = certificate_pdf_bytes(certificate)
    (tmp_path / "official.pdf").write_bytes(pdf)
    text = " ".join(unicodedata.normalize("NFC", _pdftool("pdftotext", pdf, tmp_path)).casefold().split())
    for printed in ["Sở Khoa học và Công nghệ tỉnh Quảng Nam", "Trần Văn Bình", "Giám đốc", NAME]:
        assert printed.casefold() in text, printed
    images = subprocess.run(["pdfimages", "-list", str(tmp_path / "official.pdf")], capture_output=True, text=True,
                            check=True).stdout.splitlines()[2:]  # fmt: skip
    assert images  # the seal (the QR code is vector, not an image)


def test_the_certificate_settings_former_admin_address_leads_to_them(client, superuser):
    # They were home's settings before they moved to trainers: a bookmark still opens them.
    site = Site.objects.get(is_default_site=True)
    client.force_login(superuser)
    response = client.get(f"/admin/settings/home/certificatesettings/{site.pk}/", follow=True)
    assert response.redirect_chain == [(f"/admin/settings/trainers/certificatesettings/{site.pk}/", 301)]
    assert response.status_code == 200 and 'name="issuing_body"' in response.content.decode()


def test_without_settings_the_certificate_still_prints(course_tree, tmp_path):
    certificate = certification_issue(person=UserFactory(full_name=NAME), kind=Certificate.COURSE,
                                      course=course_tree.course)  # fmt: skip
    text = unicodedata.normalize("NFC", _pdftool("pdftotext", certificate_pdf_bytes(certificate), tmp_path))
    assert NAME in text and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
