import pytest

from courses.text import fold_vi

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
