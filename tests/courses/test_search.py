import pytest

from core.text import fold_vi

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("Khởi nghiệp", "khoi nghiep"),
        ("ĐỒNG VỐN", "dong von"),
        ("Đà Nẵng đổi mới", "da nang doi moi"),
        # Decomposed input (another keyboard) folds the same way.
        ("Khơ\u0309i nghiê\u0323p", "khoi nghiep"),
    ],
)
def test_fold_vi(typed, folded):
    assert fold_vi(typed) == folded


def _titles(client, q):
    response = client.get("/search/", {"q": q})
    assert response.status_code == 200
    return {r.title for r in response.context["results"]}


@pytest.mark.parametrize("pair", [("khởi nghiệp", "khoi nghiep"), ("đồng vốn", "dong von"), ("Đồng Vốn", "DONG VON")])
def test_same_results_with_or_without_diacritics(client, course_tree, pair):
    with_marks, without = (_titles(client, q) for q in pair)
    assert with_marks and with_marks == without


def test_search_finds_courses_and_lessons(client, course_tree):
    titles = _titles(client, "khoi nghiep")
    assert course_tree.course.title in titles
    assert course_tree.lessons[0].title in titles


def test_unpublished_pages_are_not_found(client, course_tree):
    course_tree.lessons[0].unpublish()
    assert course_tree.lessons[0].title not in _titles(client, "tu duy")


def test_english_search_page(client, course_tree):
    response = client.get("/en/search/", {"q": "dong von"})
    assert response.status_code == 200
    assert "result" in response.content.decode()


def test_demo_search_ranks_title_and_heading_matches_first(shared_demo, client):

    valuation = "Cổ phần, định giá và pha loãng: những điều cơ bản"
    for q in ("định giá", "dinh gia", "ĐỊNH GIÁ"):
        response = client.get("/search/", {"q": q})
        titles = [r.title for r in response.context["results"]]
        assert titles[0] == valuation, (q, titles[:3])
        html = response.content.decode()
        assert html.index(valuation) < html.index(titles[1])  # shown first, too

    # Nothing found: the page says so and offers a way on, in the visitor's language.
    html = client.get("/en/search/", {"q": "zzqx không có"}).content.decode()
    assert "Nothing matches “zzqx không có”." in html
    assert '<a href="/en/khoa-hoc/">Browse all courses</a>' in html
    assert 'href="/en/khoa-hoc/?tag=' in html  # topics to pick from


def test_a_heading_match_outranks_a_match_in_the_text(client, course_tree):
    from courses.models import LessonPage

    from .factories import publish

    module = course_tree.modules[1]
    in_text = publish(
        module,
        LessonPage(
            title="Bài đọc thêm",
            slug="doc-them",
            body=[{"type": "paragraph", "value": "<p>Cách định giá sản phẩm OCOP.</p>"}],
        ),
    )
    in_heading = publish(
        module,
        LessonPage(
            title="Bài đọc cuối",
            slug="doc-cuoi",
            body=[{"type": "heading", "value": "Định giá cổ phần"}, {"type": "paragraph", "value": "<p>…</p>"}],
        ),
    )
    titles = [r.title for r in client.get("/search/", {"q": "dinh gia"}).context["results"]]
    assert titles == [in_heading.title, in_text.title]
