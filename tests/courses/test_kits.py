"""A module's teaching kit: slides, handouts, worksheets and case cards, printable, for trainers and administrators."""

import io
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import resolve
from pypdf import PdfReader

from accounts.models import User
from core import page_cache
from courses.blocks import TeachingMaterialBlock
from courses.demo import DemoDataError, load_curriculum, read_curriculum
from courses.kits import kit_materials, kit_pdf_bytes, lesson_materials
from courses.models import CoursePage, LessonPage, ModulePage
from tests.trainers.factories import areas, district_admin

pytestmark = pytest.mark.django_db

KIT_SECRET = "Nội dung riêng của bộ học liệu"


def _slide(title):
    return {"type": "slide", "value": {"title": title, "text": "<ul><li>Ý chính</li></ul>", "notes": ""}}


def _materials(lesson, other_lesson, slides=3):
    return [
        {
            "type": "material",
            "value": {
                "kind": "slides",
                "title": "Slide bài một",
                "lesson": lesson.pk,
                "body": [_slide(f"Trang chiếu số {n + 1}") for n in range(slides)],
            },
        },
        {
            "type": "material",
            "value": {
                "kind": "handout",
                "title": "Tài liệu phát tay chung",
                "lesson": None,
                "body": [{"type": "paragraph", "value": f"<p>{KIT_SECRET}</p>"}],
            },
        },
        {
            "type": "material",
            "value": {
                "kind": "worksheet",
                "title": "Phiếu bài tập bài một",
                "lesson": lesson.pk,
                "body": [{"type": "task", "value": {"prompt": "Vẽ bản đồ hệ sinh thái.", "lines": 5}}],
            },
        },
        {
            "type": "material",
            "value": {
                "kind": "case_card",
                "title": "Phiếu tình huống bài hai",
                "lesson": other_lesson.pk,
                "body": [
                    {
                        "type": "case_study",
                        "value": {
                            "name": "Hợp tác xã rau",
                            "area": "Duy Xuyên",
                            "summary": "<p>Một câu chuyện.</p>",
                            "takeaway": "",
                            "illustrative": True,
                        },
                    }
                ],
            },
        },
    ]


@pytest.fixture
def kit_module(course_tree):
    """The first module's kit: a 3-slide deck and a worksheet for lesson 1, a case card for lesson 2, a handout."""
    module = ModulePage.objects.get(pk=course_tree.modules[0].pk)
    module.kit = _materials(course_tree.lessons[0], course_tree.lessons[1])
    module.save_revision().publish()
    return ModulePage.objects.get(pk=module.pk)


@pytest.fixture
def admin_of_district(db):
    return district_admin(areas()["Duy Xuyên"])


def _kit_urls(module):
    material = kit_materials(module)[0]
    return [module.url + "kit/", module.url + "kit/pdf/", module.url + f"kit/{material.id}/"]


def test_the_kit_is_refused_to_visitors_and_learners(client, kit_module, learner):
    for url in _kit_urls(kit_module):
        assert client.get(url).status_code == 404, url
    client.force_login(learner)
    for url in _kit_urls(kit_module):
        response = client.get(url)
        assert response.status_code == 404, url
        assert KIT_SECRET.encode() not in response.content
    assert "kit/" not in client.get(kit_module.url).content.decode()


@pytest.mark.parametrize("role", ["trainer", "admin_of_district"])
def test_trainers_and_district_administrators_get_the_kit(client, kit_module, role, request):
    client.force_login(request.getfixturevalue(role))
    index = client.get(kit_module.url + "kit/")
    assert index.status_code == 200
    html = index.content.decode()
    for title in ("Slide bài một", "Tài liệu phát tay chung", "Phiếu bài tập bài một", "Phiếu tình huống bài hai"):
        assert title in html
    assert 'href="' + kit_module.url + 'kit/pdf/"' in html
    assert kit_module.url + "kit/" in client.get(kit_module.url).content.decode()  # the module page links it
    pdf = client.get(kit_module.url + "kit/pdf/")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF") and "attachment" in pdf["Content-Disposition"]
    handout = next(m for m in kit_materials(kit_module) if m.kind == "handout")
    page = client.get(kit_module.url + f"kit/{handout.id}/")
    assert page.status_code == 200 and KIT_SECRET in page.content.decode()
    assert "@page" in page.content.decode()  # printed on A4 by the browser's Print as well
    assert client.get(kit_module.url + "kit/no-such-material/").status_code == 404


def _is_landscape(page) -> bool:
    return float(page.mediabox.width) > float(page.mediabox.height)


def test_the_kit_pdf_has_a_landscape_page_per_slide_and_a_portrait_page_per_sheet(kit_module):
    reader = PdfReader(io.BytesIO(kit_pdf_bytes(kit_module)))
    pages = [(_is_landscape(page), page.extract_text()) for page in reader.pages]
    assert [landscape for landscape, _text in pages] == [True, True, True, False, False, False]
    for n, (_landscape, text) in enumerate(pages[:3]):
        assert f"Trang chiếu số {n + 1}" in text and f"{n + 1}/3" in text
    assert "Tài liệu phát tay chung" in pages[3][1] and KIT_SECRET in pages[3][1]
    assert "Phiếu bài tập bài một" in pages[4][1]
    assert "Tình huống minh họa" in pages[5][1]  # the case card says the story is illustrative
    width, height = float(reader.pages[3].mediabox.width), float(reader.pages[3].mediabox.height)
    assert round(width / 72 * 25.4) == 210 and round(height / 72 * 25.4) == 297  # A4


def test_each_lesson_s_guide_links_its_own_and_the_module_s_materials(client, kit_module, course_tree, trainer):
    client.force_login(trainer)
    first = client.get(course_tree.lessons[0].url).content.decode()
    second = client.get(course_tree.lessons[1].url).content.decode()
    for title in ("Slide bài một", "Phiếu bài tập bài một", "Tài liệu phát tay chung"):
        assert title in first
    assert "Phiếu tình huống bài hai" not in first
    assert "Phiếu tình huống bài hai" in second and "Slide bài một" not in second
    plan = client.get(course_tree.lessons[0].url + "session-plan/").content.decode()
    assert "Slide bài một" in plan  # the printable session plan links them too
    # A lesson of a module without a kit links nothing.
    assert "kit/" not in client.get(course_tree.lessons[2].url).content.decode()


def test_no_kit_link_reaches_the_html_shared_with_learners(
    client, kit_module, course_tree, trainer, learner, monkeypatch
):
    """A trainer's page is never the shared one; learners and visitors get it without the guide's links."""
    shared: list[str] = []
    real_fill_in = page_cache.fill_in

    def recorded_fill_in(html, request):
        shared.append(html)
        return real_fill_in(html, request)

    monkeypatch.setattr(page_cache, "fill_in", recorded_fill_in)
    url = course_tree.lessons[0].url
    client.force_login(trainer)
    assert "Slide bài một" in client.get(url).content.decode()
    assert shared == []  # rendered for the trainer alone
    client.logout()
    visitor_html = client.get(url).content.decode()
    client.force_login(learner)
    learner_html = client.get(url).content.decode()
    assert len(shared) == 2
    for html in shared + [visitor_html, learner_html]:
        assert "/kit/" not in html and "Slide bài một" not in html

    # A viewer who holds the guide's permission without being staff is served shared HTML that has no link either.
    class GuidePermissionLearner:
        is_authenticated, is_anonymous, is_active, is_superuser, is_staff = True, False, True, False, False

        def __init__(self, user):
            self._user, self.pk, self.id = user, user.pk, user.pk

        def __getattr__(self, name):
            return getattr(self._user, name)

        def has_perm(self, perm, obj=None):
            return perm != "wagtailadmin.access_admin"

    request = RequestFactory().get(url)
    request.user = GuidePermissionLearner(User.objects.get(pk=learner.pk))
    request.session = {}
    match = resolve(request.path)
    html = match.func(request, *match.args, **match.kwargs).content.decode()
    assert "/kit/" not in html


def test_the_kit_page_runs_a_bounded_number_of_queries(
    client, kit_module, course_tree, trainer, django_assert_max_num_queries
):
    client.force_login(trainer)
    url = kit_module.url + "kit/"
    client.get(url)  # warm the session, route and user caches
    with django_assert_max_num_queries(4):
        assert client.get(url).status_code == 200
    module = ModulePage.objects.get(pk=kit_module.pk)
    module.kit = _materials(course_tree.lessons[0], course_tree.lessons[1]) * 5
    module.save_revision().publish()
    client.get(url)
    with django_assert_max_num_queries(4):
        html = client.get(url).content.decode()
    assert html.count("Slide bài một") == 5


def test_a_lesson_guide_reads_its_materials_in_one_query(kit_module, course_tree, trainer, django_assert_num_queries):
    request = RequestFactory().get("/")
    request.user = trainer
    lesson = LessonPage.objects.get(pk=course_tree.lessons[0].pk)
    lesson_materials(lesson, request)  # the site's root paths, cached per request after the first
    with django_assert_num_queries(1):
        assert len(lesson_materials(lesson, request)) == 4  # 3 materials and the whole kit


def test_a_slide_deck_needs_slides_and_only_a_deck_has_them():
    block = TeachingMaterialBlock()
    deck = {"kind": "slides", "title": "Slide", "lesson": None, "body": []}
    with pytest.raises(ValidationError):
        block.clean(block.to_python(deck))
    sheet = {"kind": "handout", "title": "Tài liệu", "lesson": None, "body": [_slide("Một trang chiếu")]}
    with pytest.raises(ValidationError):
        block.clean(block.to_python(sheet))


# What a guide's "materials" column names, by kind: how the demo's guides word them.
NAMED_KINDS = {
    TeachingMaterialBlock.SLIDES: r"\bslide\b",
    TeachingMaterialBlock.CASE_CARD: r"phiếu tình huống|thẻ tình huống|thẻ nhân vật",
    TeachingMaterialBlock.WORKSHEET: (
        r"phiếu bài tập|phiếu bản kê|phiếu câu hỏi|phiếu chấm|mẫu thẻ|mẫu bảng|mẫu kế hoạch"
    ),
    TeachingMaterialBlock.HANDOUT: r"tóm tắt|danh sách kiểm tra|bảng so sánh|bộ tiêu chí|kịch bản",
}


def _named_kinds(text: str) -> set[str]:
    return {kind for kind, pattern in NAMED_KINDS.items() if re.search(pattern, text, re.IGNORECASE)}


def test_every_module_of_the_demo_tot_course_has_the_kit_its_guides_name(home, client, trainer):
    load_curriculum(home)
    course = CoursePage.objects.get(is_tot=True)
    modules = ModulePage.objects.child_of(course).live()
    assert modules.count() >= 6
    client.force_login(trainer)
    for module in modules:
        materials = kit_materials(module)
        lessons = LessonPage.objects.child_of(module).live()
        named = set()
        for lesson in lessons:
            lesson_named = _named_kinds(" ".join(step.value["materials"] for step in lesson.guide_plan))
            named |= lesson_named
            linked = {m.kind for m in materials if m.lesson is None or m.lesson.pk == lesson.pk}
            assert lesson_named <= linked, f"{lesson.slug}: the guide names {lesson_named - linked} and has none"
            html = client.get(lesson.url).content.decode()
            assert html.count(module.url + "kit/") >= len(lesson_named)  # its guide links them
        assert named and named <= {m.kind for m in materials}, module.slug
        for material in materials:
            for block in material.body:
                if block.block_type == "case_study":
                    assert block.value["illustrative"], f"{material.title}: a made-up story must say so"


def test_a_demo_kit_renders_one_landscape_page_per_slide(home):
    load_curriculum(home)
    module = ModulePage.objects.child_of(CoursePage.objects.get(is_tot=True)).first()
    materials = kit_materials(module)
    reader = PdfReader(io.BytesIO(kit_pdf_bytes(module)))
    slides = sum(len(m.slides) for m in materials)
    sheets = sum(1 for m in materials if not m.is_slides)
    landscape = [_is_landscape(page) for page in reader.pages]
    assert landscape.count(True) == slides
    assert landscape.count(False) >= sheets
    texts = [page.extract_text() for page in reader.pages]
    for material in materials:
        if not material.is_slides:  # each sheet starts a page of its own
            assert any(material.title[:30] in text.split("\n", 3)[1] for text in texts if "\n" in text), material.title


def test_loading_the_kits_again_changes_nothing(home):
    load_curriculum(home)
    module = ModulePage.objects.child_of(CoursePage.objects.get(is_tot=True)).first()
    revision = module.latest_revision_id
    load_curriculum(home)
    assert ModulePage.objects.get(pk=module.pk).latest_revision_id == revision


def test_a_kit_naming_a_lesson_its_module_does_not_have_stops_the_load(tmp_path):
    from courses.demo import DATA_DIR

    for path in DATA_DIR.glob("*.json"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "kits").mkdir()
    kit = (DATA_DIR / "kits" / "01-tot-khoi-nghiep-doi-moi-sang-tao.json").read_text(encoding="utf-8")
    first_lesson = re.search(r'"lesson": "([^"]+)"', kit).group(1)
    (tmp_path / "kits" / "tot.json").write_text(
        kit.replace(f'"{first_lesson}"', '"khong-co-bai-nay"', 1), encoding="utf-8"
    )
    with pytest.raises(DemoDataError, match=r"tot\.json: modules\[0\]\.materials\[0\]\.lesson: unknown value"):
        read_curriculum(tmp_path)


def test_editors_write_the_kit_on_the_module_s_own_tab(client, kit_module, editor):
    client.force_login(editor)
    response = client.get(f"/admin/pages/{kit_module.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    # The tab, and the material in the stream's data (JSON, so with its letters escaped).
    assert "Bộ học liệu" in html and json.dumps("Slide bài một")[1:-1] in html
