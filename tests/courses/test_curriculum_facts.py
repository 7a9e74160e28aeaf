"""Facts in the shipped curriculum, checked on the loaded demo: what learners read and editors can verify.

Each test loads the whole demo (about a minute), so the checks on lessons share one test.
"""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from accounts.models import User
from core.text import fold_vi
from courses.models import CoursePage, LessonPage

pytestmark = pytest.mark.django_db
DIRECTIVE_09 = "Chỉ thị số 09/CT-TTg ngày 18/02/2020"
PROVINCIAL = "chỉ thị của tỉnh về đẩy mạnh khởi nghiệp đổi mới sáng tạo"
# The lesson of each course that discusses policy (the national schemes 844, 939, 1665).
POLICY_LESSONS = (
    "chinh-sach-quoc-gia-va-vai-tro-dia-phuong",
    "lam-viec-nhom-thuyet-trinh-va-cuoc-thi",
    "bat-dau-tu-the-manh-va-nguon-ho-tro",
)


def _text(response) -> str:
    assert response.status_code == 200
    return " ".join(BeautifulSoup(response.content.decode(), "html.parser").get_text(" ").split())


def test_the_lessons_teach_the_checked_facts(shared_demo, client):
    client.force_login(User.objects.get(email="learner@example.org"))

    # The patent novelty grace period: 12 months since Law 07/2022/QH15, with the article named.
    lesson = LessonPage.objects.live().get(slug="so-huu-tri-tue-cho-nguoi-khoi-nghiep")
    text = _text(client.get(lesson.url))
    assert "trong thời hạn 12 tháng" in text
    assert "khoản 3 Điều 60 Luật Sở hữu trí tuệ, được sửa đổi bởi Luật số 07/2022/QH15" in text
    assert "ân hạn 6 tháng" not in text
    assert not LessonPage.objects.filter(search_text__contains=fold_vi("ân hạn 6 tháng")).exists()

    # Made-up businesses are shown as illustrative cases, on every lesson that tells one.
    with_cases = [
        lesson
        for lesson in LessonPage.objects.live()
        if any(block["type"] == "case_study" for block in lesson.body.raw_data)
    ]
    assert len(with_cases) >= 20
    for lesson in with_cases:
        soup = BeautifulSoup(client.get(lesson.url).content.decode(), "html.parser")
        headings = [" ".join(h.get_text(" ").split()) for h in soup.select(".case-study h3")]
        assert headings and all(h.startswith("Tình huống minh họa:") for h in headings), lesson.title

    # Where a course discusses policy, it names the national directive and the province's own.
    for slug in POLICY_LESSONS:
        text = _text(client.get(LessonPage.objects.live().get(slug=slug).url))
        assert DIRECTIVE_09 in text and PROVINCIAL in text, slug


def test_every_shipped_course_shows_its_sources(shared_demo, client):
    courses = list(CoursePage.objects.live())
    assert len(courses) == 3
    for course in courses:
        text = _text(client.get(course.url))
        assert "Nguồn tham khảo" in text, course.title
        sources = text.split("Nguồn tham khảo", 1)[1]
        assert DIRECTIVE_09 in sources and "vbpl.vn" in sources, course.title
    tot = CoursePage.objects.live().get(is_tot=True)
    assert "Luật số 07/2022/QH15" in tot.sources and "Quyết định số 844/QĐ-TTg" in tot.sources


def test_editors_keep_the_sources_in_the_course_form(client, course_tree, editor):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[course_tree.course.pk]))
    assert response.status_code == 200
    assert 'name="sources"' in response.content.decode() and "Nguồn tham khảo" in response.content.decode()
