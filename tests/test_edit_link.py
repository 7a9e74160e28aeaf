"""Staff reach a page's editor through a plain link; Wagtail's user bar (about 1 MB of script) is gone."""

import pytest

from tests.conftest import _user

pytestmark = pytest.mark.django_db


def test_a_trainer_gets_a_link_to_the_lesson_s_editor(client, course_tree, trainer):
    lesson = course_tree.lessons[0]
    client.force_login(trainer)
    html = client.get(lesson.url).content.decode()
    assert f'<a href="/admin/pages/{lesson.pk}/edit/">Sửa trang này</a>' in html
    assert "wagtail-userbar" not in html and "userbar" not in html


@pytest.mark.parametrize("who", ["learner", "staff without page rights"])
def test_no_link_for_people_who_may_not_edit(client, course_tree, learner, who):
    user = learner if who == "learner" else _user("clerk@example.org", is_staff=True)
    client.force_login(user)
    html = client.get(course_tree.lessons[0].url).content.decode()
    assert "/edit/" not in html and "Sửa trang này" not in html
