"""Course pages built through Wagtail's page API, as an editor's publish would."""

from dataclasses import dataclass, field

from courses.models import Audience, CourseIndexPage, CoursePage, LessonPage, ModulePage, QuizPage

GUIDE_SECRET = "Bí mật của giảng viên: chia lớp thành nhóm bốn người"


@dataclass
class CourseTree:
    catalogue: CourseIndexPage
    course: CoursePage
    modules: list = field(default_factory=list)
    lessons: list = field(default_factory=list)
    quizzes: list = field(default_factory=list)


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def quiz_questions():
    return [
        {
            "type": "question",
            "id": "q-single",
            "value": {
                "kind": "single",
                "text": "Vốn mồi là gì?",
                "explanation": "Vốn mồi là khoản vốn đầu tiên.",
                "choices": [
                    {
                        "type": "item",
                        "id": "s-right",
                        "value": {"text": "Khoản vốn đầu tiên", "correct": True},
                    },
                    {
                        "type": "item",
                        "id": "s-wrong",
                        "value": {"text": "Khoản vay ngân hàng", "correct": False},
                    },
                ],
            },
        },
        {
            "type": "question",
            "id": "q-multi",
            "value": {
                "kind": "multiple",
                "text": "Những ai thuộc hệ sinh thái khởi nghiệp?",
                "explanation": "Cả nhà đầu tư và vườn ươm.",
                "choices": [
                    {"type": "item", "id": "m-a", "value": {"text": "Nhà đầu tư", "correct": True}},
                    {"type": "item", "id": "m-b", "value": {"text": "Vườn ươm", "correct": True}},
                    {
                        "type": "item",
                        "id": "m-c",
                        "value": {"text": "Không ai cả", "correct": False},
                    },
                ],
            },
        },
        {
            "type": "question",
            "id": "q-tf",
            "value": {
                "kind": "true_false",
                "text": "OCOP là chương trình Mỗi xã một sản phẩm.",
                "explanation": "Đúng.",
                "choices": [
                    {"type": "item", "id": "t-true", "value": {"text": "Đúng", "correct": True}},
                    {"type": "item", "id": "t-false", "value": {"text": "Sai", "correct": False}},
                ],
            },
        },
    ]


def build_course(home, *, slug="khoi-nghiep", modules=2, lessons_per_module=2, max_attempts=None) -> CourseTree:
    catalogue = CourseIndexPage.objects.child_of(home).first() or publish(
        home, CourseIndexPage(title="Khóa học", slug="khoa-hoc")
    )
    course = CoursePage(
        title="Khởi nghiệp đổi mới sáng tạo",
        slug=slug,
        summary="Khóa học về khởi nghiệp và đồng vốn đầu tiên.",
        objectives="Hiểu hệ sinh thái\nViết mô hình kinh doanh",
        level=CoursePage.BASIC,
        estimated_hours=4,
    )
    course.audiences.set(Audience.objects.filter(code__in=["students", "youth"]))
    course.tags.set(["Gọi vốn"])
    publish(catalogue, course)
    tree = CourseTree(catalogue=catalogue, course=course)
    for m in range(modules):
        module = publish(course, ModulePage(title=f"Học phần {m + 1}", slug=f"hoc-phan-{m + 1}"))
        tree.modules.append(module)
        for n in range(lessons_per_module):
            lesson = publish(
                module,
                LessonPage(
                    title=f"Bài {m + 1}.{n + 1}: Tư duy khởi nghiệp",
                    slug=f"bai-{m + 1}-{n + 1}",
                    body=[
                        {"type": "heading", "value": "Đồng vốn đầu tiên"},
                        {
                            "type": "paragraph",
                            "value": "<p>Người khởi nghiệp cần hiểu khách hàng.</p>",
                        },
                    ],
                    guide_plan=[
                        {
                            "type": "step",
                            "value": {
                                "minutes": 10,
                                "activity": "Khởi động",
                                "materials": "Giấy A0",
                            },
                        }
                    ],
                    guide_notes=f"<p>{GUIDE_SECRET}</p>",
                ),
            )
            tree.lessons.append(lesson)
        quiz = publish(
            module,
            QuizPage(
                title=f"Kiểm tra học phần {m + 1}",
                slug=f"kiem-tra-{m + 1}",
                pass_mark=60,
                max_attempts=max_attempts,
                shuffle=False,
                questions=quiz_questions(),
            ),
        )
        tree.quizzes.append(quiz)
    return tree
