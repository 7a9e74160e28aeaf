"""Who issues a certificate: the province's settings, a district's own issuer, printed on the PDF; refused without."""

import datetime
import logging
import shutil
import subprocess
import unicodedata

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from areas.models import Area
from courses.models import CoursePage, Enrollment
from trainers.demo import DEMO_MARK, SEAL_TITLE, load_demo_issuers
from trainers.models import Certificate, CertificateCounter, CertificateSettings, Issuer, Trainer
from trainers.pdf import certificate_pdf_bytes
from trainers.receivers import issue_course_certificate
from trainers.services import certification_issue
from training.models import SessionParticipant

from .factories import (
    ParticipantFactory,
    TrainerFactory,
    TrainingSessionFactory,
    UserFactory,
    areas,
    attend,
    district_admin,
    province_admin,
)

pytestmark = pytest.mark.django_db
PROVINCE_BODY = "Sở Khoa học và Công nghệ thành phố Đà Nẵng"
DISTRICT_BODY = "Phòng Văn hóa – Xã hội huyện Duy Xuyên"


@pytest.fixture
def tree():
    return areas()


def _province_issuer(body=PROVINCE_BODY):
    settings_ = CertificateSettings.for_site(Site.objects.get(is_default_site=True))
    settings_.issuing_body, settings_.signatory_name, settings_.signatory_title = body, "Lê Văn Ký", "Giám đốc"
    settings_.save()


def _pdf_text(certificate, tmp_path) -> str:
    """The PDF's words, casefolded (the issuing body is printed in capitals) and with spaces collapsed."""
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / f"{certificate.number}.pdf"
    path.write_bytes(certificate_pdf_bytes(certificate))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def test_a_districts_issuer_overrides_the_provinces_on_the_pdf(tree, tmp_path):
    _province_issuer()
    seal = get_image_model().objects.create(title="Dấu", file=get_test_image_file(filename="seal.png"))
    Issuer.objects.create(area=tree["Duy Xuyên"], issuing_body=DISTRICT_BODY, signatory_name="Trần Thị Lan",
                          signatory_title="Trưởng phòng", seal=seal)  # fmt: skip
    commune = Area.objects.filter(parent=tree["Duy Xuyên"]).first()

    def issue(area):
        return certification_issue(person=UserFactory(), kind=Certificate.TRAINER, trainer_level=Trainer.CORE,
                                   area=area)  # fmt: skip

    in_district, in_commune, elsewhere = issue(tree["Duy Xuyên"]), issue(commune), issue(tree["Hội An"])
    for certificate in (in_district, in_commune):
        text = _pdf_text(certificate, tmp_path)
        assert DISTRICT_BODY.casefold() in text and "trần thị lan" in text and "trưởng phòng" in text
        assert PROVINCE_BODY.casefold() not in text
        assert certificate.number in text and "quét mã để xác minh" in text  # the number and the QR code kept
    text = _pdf_text(elsewhere, tmp_path)
    assert PROVINCE_BODY.casefold() in text and "lê văn ký" in text and DISTRICT_BODY.casefold() not in text


def test_production_refuses_a_certificate_without_an_issuing_body(tree, settings):
    settings.CERTIFICATE_ISSUER_REQUIRED = True
    with pytest.raises(ValidationError) as refused:
        certification_issue(person=UserFactory(), kind=Certificate.TRAINER, trainer_level=Trainer.CORE,
                            area=tree["Hội An"])  # fmt: skip
    assert refused.value.error_list[0].code == "no_issuing_body"
    assert "Không có cơ quan cấp" in refused.value.messages[0]  # translated
    assert not Certificate.objects.exists() and not CertificateCounter.objects.filter(last__gt=0).exists()

    # A district's own issuer covers its district only.
    Issuer.objects.create(area=tree["Duy Xuyên"], issuing_body=DISTRICT_BODY)
    certification_issue(person=UserFactory(), kind=Certificate.TRAINER, trainer_level=Trainer.CORE,
                        area=tree["Duy Xuyên"])  # fmt: skip
    with pytest.raises(ValidationError):
        certification_issue(person=UserFactory(), kind=Certificate.TRAINER, trainer_level=Trainer.CORE,
                            area=tree["Hội An"])  # fmt: skip
    _province_issuer()
    certificate = certification_issue(person=UserFactory(), kind=Certificate.TRAINER, trainer_level=Trainer.CORE,
                                      area=tree["Hội An"])  # fmt: skip
    assert certificate.number.endswith("-000002")


def test_development_issues_without_one(tree, settings):
    settings.CERTIFICATE_ISSUER_REQUIRED = False
    assert certification_issue(person=UserFactory(), kind=Certificate.TRAINER, trainer_level=Trainer.CORE,
                               area=tree["Hội An"]).pk  # fmt: skip


def _eligible_candidate(tree, home):
    """A candidate who completed the ToT course, attended a ToT session and passed the practicum."""
    from tests.courses.factories import build_course

    master = TrainerFactory(level=Trainer.MASTER, home_area=tree["province"], generation=1)
    candidate = TrainerFactory(level=Trainer.CANDIDATE, home_area=tree["Duy Xuyên"])
    tot = build_course(home, slug="tot-course")
    CoursePage.objects.filter(pk=tot.course.pk).update(is_tot=True)
    Enrollment.objects.create(
        user=candidate.person, course=tot.course, completed_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
    )
    place = ParticipantFactory(session=TrainingSessionFactory(area=tree["province"], is_tot=True),
                               person=candidate.person)  # fmt: skip
    attend(place)
    place.result, place.assessed_by = SessionParticipant.PASSED, master
    place.save()
    return candidate


def test_the_certify_screen_shows_the_refusal(client, tree, home, settings):
    settings.CERTIFICATE_ISSUER_REQUIRED = True
    candidate = _eligible_candidate(tree, home)
    client.force_login(province_admin(tree["province"]))
    url = reverse("trainer:certify", args=[candidate.pk])
    response = client.post(url, {"level": Trainer.CORE})
    assert response.status_code == 200
    assert "Không có cơ quan cấp" in response.content.decode()
    assert not Certificate.objects.exists()
    candidate.refresh_from_db()
    assert candidate.level == Trainer.CANDIDATE  # the whole certification was rolled back

    _province_issuer()
    assert client.post(url, {"level": Trainer.CORE}).status_code == 302
    assert Certificate.objects.get().person == candidate.person


def test_a_completed_course_is_not_failed_by_the_refusal(course_tree, learner, settings, caplog):
    settings.CERTIFICATE_ISSUER_REQUIRED = True
    enrollment = Enrollment.objects.create(user=learner, course=course_tree.course)
    with caplog.at_level(logging.ERROR, logger="trainers.receivers"):
        issue_course_certificate(sender=Enrollment, enrollment=enrollment)
    assert not Certificate.objects.exists()
    assert "Course certificate not issued" in caplog.text


def test_only_the_province_manages_issuers(client, tree):
    client.force_login(district_admin(tree["Duy Xuyên"]))
    response = client.get(reverse("issuer:index"))
    assert response.status_code in (302, 403)
    client.force_login(province_admin(tree["province"]))
    assert client.get(reverse("issuer:index")).status_code == 200
    assert client.get(reverse("issuer:add")).status_code == 200


def test_the_demo_issuer_is_marked_as_a_demo_and_loaded_once(tree, tmp_path, settings):
    settings.CERTIFICATE_ISSUER_REQUIRED = True
    load_demo_issuers(tree["Duy Xuyên"])
    load_demo_issuers(tree["Duy Xuyên"])
    assert get_image_model().objects.filter(title=SEAL_TITLE).count() == 1
    assert Issuer.objects.get().area == tree["Duy Xuyên"]
    certificate = certification_issue(person=UserFactory(), kind=Certificate.TRAINER, trainer_level=Trainer.CORE,
                                      area=tree["Hội An"])  # fmt: skip
    text = _pdf_text(certificate, tmp_path)
    assert PROVINCE_BODY.casefold() in text and DEMO_MARK.casefold() in text
