"""Load the Vietnamese demo curriculum (courses/demo_curriculum.py) as published pages."""

from wagtail.models import Page

from .blocks import choice_with_id
from .demo_curriculum import CURRICULUM
from .models import Audience, CourseIndexPage, CoursePage, LessonPage, ModulePage, QuizPage


def _stream(blocks: list[tuple[str, object]]) -> list[dict]:
    return [{"type": block_type, "value": value} for block_type, value in blocks]


def _publish(parent: Page, page: Page) -> Page:
    """Add a page under its parent once; a second run finds it by slug and leaves it alone."""
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing:
        return existing.specific
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def load_curriculum(home: Page) -> CourseIndexPage:
    catalogue = _publish(
        home,
        CourseIndexPage(
            title="Khóa học",
            slug="khoa-hoc",
            intro="<p>Các khóa học về khởi nghiệp đổi mới sáng tạo dành cho cán bộ, thanh niên, "
            "học sinh, sinh viên, phụ nữ và giảng viên nguồn.</p>",
        ),
    )
    audiences = {audience.code: audience for audience in Audience.objects.all()}
    for course_data in CURRICULUM:
        if catalogue.get_children().filter(slug=course_data["slug"]).exists():
            continue
        course = CoursePage(
            title=course_data["title"],
            slug=course_data["slug"],
            summary=course_data["summary"],
            objectives="\n".join(course_data["objectives"]),
            level=course_data["level"],
            estimated_hours=course_data["hours"],
            is_tot=course_data["is_tot"],
        )
        course.audiences.set([audiences[code] for code in course_data["audiences"]])
        course.tags.set(course_data["tags"])
        _publish(catalogue, course)
        for module_data in course_data["modules"]:
            module = _publish(
                course,
                ModulePage(title=module_data["title"], slug=module_data["slug"], intro=module_data["intro"]),
            )
            for lesson_data in module_data["lessons"]:
                guide = lesson_data["guide"]
                _publish(
                    module,
                    LessonPage(
                        title=lesson_data["title"],
                        slug=lesson_data["slug"],
                        estimated_minutes=lesson_data["minutes"],
                        body=_stream(lesson_data["body"]),
                        guide_plan=_stream([("step", step) for step in guide["steps"]]),
                        guide_notes=guide["notes"],
                    ),
                )
            quiz_data = module_data.get("quiz")
            if quiz_data:
                _publish(
                    module,
                    QuizPage(
                        title=quiz_data["title"],
                        slug=quiz_data["slug"],
                        pass_mark=quiz_data.get("pass_mark", 70),
                        max_attempts=course_data.get("quiz_attempts"),
                        questions=_stream(
                            [
                                (
                                    "question",
                                    {
                                        "kind": q["kind"],
                                        "text": q["text"],
                                        "explanation": q.get("explanation", ""),
                                        # Stored with ids, so that a submitted answer matches the
                                        # choice it is scored against.
                                        "choices": [choice_with_id(n, c) for n, c in enumerate(q["choices"])],
                                    },
                                )
                                for q in quiz_data["questions"]
                            ]
                        ),
                    ),
                )
    return catalogue
