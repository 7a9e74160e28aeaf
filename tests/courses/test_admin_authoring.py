"""Trainers author content in the Wagtail admin; editors publish through the course review."""

import pytest
from wagtail.models import Page, Workflow, WorkflowState
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from courses.models import CoursePage, LessonPage, ModulePage, QuizPage
from lms import roles

pytestmark = pytest.mark.django_db


class Admin(WagtailTestUtils):
    pass


def add_url(parent, model):
    return f"/admin/pages/add/courses/{model.__name__.lower()}/{parent.pk}/"


def lesson_form(**overrides):
    data = {
        "title": "Bài mới: Chân dung khách hàng",
        "slug": "chan-dung-khach-hang",
        "estimated_minutes": 40,
        "body": streamfield(
            [
                ("heading", "Ai là khách hàng?"),
                ("paragraph", rich_text("<p>Phỏng vấn mười khách hàng.</p>")),
                ("callout", {"kind": "tip", "text": rich_text("<p>Hỏi về quá khứ.</p>")}),
            ]
        ),
        "guide_plan": streamfield([("step", {"minutes": 15, "activity": "Đóng vai", "materials": "Thẻ"})]),
        "guide_notes": rich_text("<p>Nhắc học viên ghi chép.</p>"),
        "guide_materials": streamfield([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_each_page_type_created_through_the_admin(client, course_tree, superuser):
    client.force_login(superuser)
    catalogue = course_tree.catalogue
    course_data = nested_form_data(
        {
            "title": "Khóa học mới",
            "slug": "khoa-hoc-moi",
            "summary": "Tóm tắt",
            "objectives": "Mục tiêu 1",
            "audiences": [],
            "tags": "OCOP, Gọi vốn",
            "level": "basic",
            "estimated_hours": 3,
            "is_tot": "on",
            "comments": inline_formset([]),
        }
    )
    response = client.post(add_url(catalogue, CoursePage), course_data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    course = CoursePage.objects.get(slug="khoa-hoc-moi")
    assert course.is_tot and set(course.tags.names()) == {"OCOP", "Gọi vốn"}

    response = client.post(
        add_url(course, ModulePage),
        nested_form_data(
            {
                "title": "Học phần",
                "slug": "hoc-phan",
                "intro": "",
                "kit": streamfield([]),
                "comments": inline_formset([]),
            }
        ),
    )
    assert response.status_code == 302
    module = ModulePage.objects.get(slug="hoc-phan")

    assert client.post(add_url(module, LessonPage), lesson_form()).status_code == 302
    lesson = LessonPage.objects.get(slug="chan-dung-khach-hang")
    assert lesson.guide_plan[0].value["activity"] == "Đóng vai"
    assert "chan dung khach hang" in lesson.search_text

    quiz_data = nested_form_data(
        {
            "title": "Kiểm tra",
            "slug": "kiem-tra",
            "intro": "",
            "pass_mark": 70,
            "max_attempts": 3,
            "shuffle": "on",
            "questions": streamfield(
                [
                    (
                        "question",
                        {
                            "kind": "true_false",
                            "text": "MVP là sản phẩm khả dụng tối thiểu.",
                            "explanation": "Đúng vậy.",
                            "choices": streamfield(
                                [
                                    ("item", {"text": "Đúng", "correct": "on"}),
                                    ("item", {"text": "Sai"}),
                                ]
                            ),
                        },
                    )
                ]
            ),
            "comments": inline_formset([]),
        }
    )
    response = client.post(add_url(module, QuizPage), quiz_data)
    assert response.status_code == 302, response.context["form"].errors
    assert QuizPage.objects.get(slug="kiem-tra").max_attempts == 3


def test_quiz_question_needs_one_right_answer(client, course_tree, superuser):
    client.force_login(superuser)
    module = course_tree.modules[0]
    data = nested_form_data(
        {
            "title": "Sai",
            "slug": "sai",
            "intro": "",
            "pass_mark": 70,
            "max_attempts": "",
            "questions": streamfield(
                [
                    (
                        "question",
                        {
                            "kind": "single",
                            "text": "?",
                            "explanation": "",
                            "choices": streamfield([("item", {"text": "A"}), ("item", {"text": "B"})]),
                        },
                    )
                ]
            ),
            "comments": inline_formset([]),
        }
    )
    response = client.post(add_url(module, QuizPage), data)
    assert response.status_code == 200
    assert not QuizPage.objects.filter(slug="sai").exists()


@pytest.mark.parametrize(
    ("parent_attr", "child", "allowed"),
    [
        ("catalogue", CoursePage, True),
        ("catalogue", LessonPage, False),
        ("course", ModulePage, True),
        ("course", LessonPage, False),
        ("course", QuizPage, False),
    ],
)
def test_parent_child_rules(course_tree, parent_attr, child, allowed):
    parent = getattr(course_tree, parent_attr)
    assert child.can_create_at(parent) is allowed


def test_lessons_and_quizzes_only_under_modules(course_tree):
    module = course_tree.modules[0]
    assert LessonPage.can_create_at(module) and QuizPage.can_create_at(module)
    assert not ModulePage.can_create_at(module)
    assert not CoursePage.can_create_at(module)


def test_trainer_cannot_publish(client, course_tree, trainer):
    client.force_login(trainer)
    response = client.post(add_url(course_tree.modules[0], LessonPage), lesson_form(**{"action-publish": "publish"}))
    lesson = LessonPage.objects.get(slug="chan-dung-khach-hang")
    assert response.status_code in (302, 403) or not lesson.live
    assert not lesson.live


def test_course_review_workflow_approve_and_reject(client, course_tree, trainer, editor):
    module = course_tree.modules[0]
    client.force_login(trainer)
    response = client.post(add_url(module, LessonPage), lesson_form(**{"action-submit": "submit"}))
    assert response.status_code == 302
    lesson = LessonPage.objects.get(slug="chan-dung-khach-hang")
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(lesson.pk))
    assert state.workflow == Workflow.objects.get(name=roles.REVIEW_WORKFLOW)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and not lesson.live

    # The editor rejects it with a comment.
    client.force_login(editor)
    task_state = state.current_task_state
    url = f"/admin/pages/workflow/action/{lesson.pk}/reject/{task_state.pk}/"
    response = client.post(url, {"comment": "Thêm ví dụ địa phương."})
    assert response.status_code in (200, 302)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    task_state.refresh_from_db()
    assert task_state.comment == "Thêm ví dụ địa phương."
    lesson.refresh_from_db()
    assert not lesson.live

    # The trainer resubmits; the editor approves and the lesson goes live.
    client.force_login(trainer)
    response = client.post(f"/admin/pages/{lesson.pk}/edit/", lesson_form(**{"action-submit": "submit"}))
    assert response.status_code == 302
    state = WorkflowState.objects.filter(object_id=str(lesson.pk)).order_by("-pk").first()
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state = WorkflowState.objects.get(object_id=str(lesson.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    client.force_login(editor)
    url = f"/admin/pages/workflow/action/{lesson.pk}/approve/{state.current_task_state.pk}/"
    response = client.post(url, {"comment": "Tốt."})
    assert response.status_code in (200, 302)
    lesson.refresh_from_db()
    assert lesson.live
    assert lesson.revisions.count() >= 2


def test_page_history_is_viewable(client, course_tree, editor):
    client.force_login(editor)
    lesson = course_tree.lessons[0]
    assert client.get(f"/admin/pages/{lesson.pk}/history/").status_code == 200
    assert client.get(f"/admin/pages/{lesson.pk}/revisions/").status_code in (200, 302)


def test_root_page_tree_is_home(course_tree):
    assert Page.objects.get(depth=2).specific_class.__name__ == "HomePage"
