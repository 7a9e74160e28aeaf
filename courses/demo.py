"""Load the Vietnamese demo curriculum from the data files in `demo_data/` (format: `demo_data/README.md`).

Every file is read and checked before a page is written, and block values are checked by the same
blocks the pages store them with, so a malformed file stops the load with the file and key named.
"""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail import blocks
from wagtail.models import Page

from core.demo_data import DemoDataError, at, check_choice, check_keys, check_strings, check_type, check_unique, fail

from .blocks import TeachingMaterialBlock, choice_with_id
from .models import Audience, CourseIndexPage, CoursePage, LessonPage, ModulePage, QuizPage

DATA_DIR = Path(__file__).resolve().parent / "demo_data"

# The keys each object may have: key -> (type, required). A key not listed here is a mistake.
COURSE_KEYS = {
    "slug": (str, True),
    "title": (str, True),
    "summary": (str, True),
    "objectives": (list, True),
    "audiences": (list, True),
    "tags": (list, True),
    "level": (str, True),
    "hours": (int, True),
    "is_tot": (bool, True),
    "quiz_attempts": (int, False),  # absent: unlimited attempts
    "quiz_retake_days": (int, False),  # absent: no retake after a wait, only an administrator's grant
    "modules": (list, True),
    "sources": (list, False),  # the course's sources for editors to check, one HTML line each
}
MODULE_KEYS = {
    "slug": (str, True),
    "title": (str, True),
    "intro": (str, True),
    "lessons": (list, True),
    "quiz": (dict, False),
}
LESSON_KEYS = {
    "slug": (str, True),
    "title": (str, True),
    "minutes": (int, True),
    "body": (list, True),
    "guide": (dict, True),
}
GUIDE_KEYS = {"steps": (list, True), "notes": (str, True)}
KIT_KEYS = {"course": (str, True), "modules": (list, True)}
KIT_MODULE_KEYS = {"slug": (str, True), "materials": (list, True)}
MATERIAL_KEYS = {"kind": (str, True), "title": (str, True), "lesson": (str, False), "body": (list, True)}
QUIZ_KEYS = {"slug": (str, True), "title": (str, True), "pass_mark": (int, False), "questions": (list, True)}
BLOCK_KEYS = {"type": (str, True), "value": (object, True)}


# The JSON type a block's value has in a file; blocks not listed here are not used by the demo.
BLOCK_VALUE_TYPES = [
    (blocks.BooleanBlock, bool),
    (blocks.IntegerBlock, int),
    (blocks.RichTextBlock, str),
    (blocks.CharBlock, str),
    (blocks.TextBlock, str),
    (blocks.ChoiceBlock, str),
]


def _check_value_shape(where: str, block: blocks.Block, value: object) -> None:
    """Objects with the block's own keys, lists where it has a list, and text, numbers and true/false in place."""
    if isinstance(block, blocks.StructBlock):
        if not isinstance(value, dict):
            raise fail(where, f"expected an object, found {type(value).__name__}")
        unknown = sorted(set(value) - set(block.child_blocks))
        if unknown:
            raise fail(where, f"unknown key {unknown[0]!r} (allowed: {', '.join(block.child_blocks)})")
        for key, child in block.child_blocks.items():
            if key in value:
                _check_value_shape(at(where, key), child, value[key])
    elif isinstance(block, blocks.ListBlock):
        check_type(where, value, list)
        for n, item in enumerate(value):
            _check_value_shape(at(where, n), block.child_block, item)
    else:
        for block_class, kind in BLOCK_VALUE_TYPES:
            if isinstance(block, block_class):
                check_type(where, value, kind)
                break


def _error_lines(where: str, error: ValidationError) -> list[str]:
    """Wagtail's nested block errors as `path: message` lines."""
    lines = []
    for key, child in (getattr(error, "block_errors", None) or {}).items():
        lines += _error_lines(at(where, key), child)
    non_block = getattr(error, "non_block_errors", None)
    if non_block is not None:
        lines += [f"{where}: {message}" for e in non_block.as_data() for message in e.messages]
    elif not lines:
        lines += [f"{where}: {message}" for message in error.messages]
    return lines


def _check_block(where: str, block: blocks.Block, value: object) -> None:
    """Check a value with the block that stores it: required fields, choices, a question's correct answers."""
    _check_value_shape(where, block, value)
    try:
        block.clean(block.to_python(value))
    except ValidationError as error:
        raise DemoDataError("; ".join(_error_lines(where, error))) from None


def _check_stream(where: str, stream_block: blocks.StreamBlock, items: list) -> None:
    for n, item in enumerate(items):
        item = check_keys(at(where, n), item, BLOCK_KEYS)
        block = stream_block.child_blocks.get(item["type"])
        if block is None:
            allowed = ", ".join(stream_block.child_blocks)
            raise fail(at(at(where, n), "type"), f"unknown block type {item['type']!r} (allowed: {allowed})")
        _check_block(at(at(where, n), "value"), block, item["value"])


def _check_course(course: object) -> dict:
    course = check_keys("", course, COURSE_KEYS)
    check_strings("objectives", course["objectives"])
    check_strings("audiences", course["audiences"], {code for code, _label in Audience.CODES})
    check_strings("tags", course["tags"])
    check_strings("sources", course.get("sources", []))
    check_choice("level", course["level"], [level for level, _label in CoursePage.LEVELS])
    lesson_body = LessonPage._meta.get_field("body").stream_block
    step_block = LessonPage._meta.get_field("guide_plan").stream_block.child_blocks["step"]
    question_block = QuizPage._meta.get_field("questions").stream_block.child_blocks["question"]
    for m, module in enumerate(course["modules"]):
        module_at = at("modules", m)
        check_keys(module_at, module, MODULE_KEYS)
        for n, lesson in enumerate(module["lessons"]):
            lesson_at = at(at(module_at, "lessons"), n)
            check_keys(lesson_at, lesson, LESSON_KEYS)
            _check_stream(at(lesson_at, "body"), lesson_body, lesson["body"])
            guide = check_keys(at(lesson_at, "guide"), lesson["guide"], GUIDE_KEYS)
            for s, step in enumerate(guide["steps"]):
                _check_block(at(at(lesson_at, "guide.steps"), s), step_block, step)
        pages = list(module["lessons"])
        if "quiz" in module:
            quiz = check_keys(at(module_at, "quiz"), module["quiz"], QUIZ_KEYS)
            for q, question in enumerate(quiz["questions"]):
                _check_block(at(at(module_at, "quiz.questions"), q), question_block, question)
            pages.append(quiz)
        check_unique(module_at, pages, "slug")
    check_unique("modules", course["modules"], "slug")
    return course


def _check_kit(kit: object, courses: list[dict]) -> tuple[str, dict[str, list[dict]]]:
    """A course's teaching kits: its modules' materials, each lesson named by its slug in that module."""
    kit = check_keys("", kit, KIT_KEYS)
    course = next((c for c in courses if c["slug"] == kit["course"]), None)
    if course is None:
        raise fail("course", f"no course with the slug {kit['course']!r}")
    material_block = ModulePage._meta.get_field("kit").stream_block.child_blocks["material"]
    kinds = [kind for kind, _label in TeachingMaterialBlock.KINDS]
    by_module = {}
    for m, module in enumerate(kit["modules"]):
        module_at = at("modules", m)
        check_keys(module_at, module, KIT_MODULE_KEYS)
        module_data = next((d for d in course["modules"] if d["slug"] == module["slug"]), None)
        if module_data is None:
            raise fail(at(module_at, "slug"), f"no module {module['slug']!r} in the course")
        lessons = {lesson["slug"] for lesson in module_data["lessons"]}
        for n, material in enumerate(module["materials"]):
            material_at = at(at(module_at, "materials"), n)
            check_keys(material_at, material, MATERIAL_KEYS)
            check_choice(at(material_at, "kind"), material["kind"], kinds)
            if material.get("lesson") is not None:
                check_choice(at(material_at, "lesson"), material["lesson"], lessons)
            # The lesson is a slug in the file and a page id once loaded: checked above, not by the chooser.
            _check_block(material_at, material_block, {**material, "lesson": None})
        by_module[module["slug"]] = module["materials"]
    check_unique("modules", kit["modules"], "slug")
    return kit["course"], by_module


def _read_json(path: Path, check):
    try:
        return check(json.loads(path.read_text(encoding="utf-8")))
    except json.JSONDecodeError as error:
        raise DemoDataError(f"{path}: not valid JSON: {error}") from None
    except DemoDataError as error:
        raise DemoDataError(f"{path}: {error}") from None


def read_curriculum(data_dir: Path = DATA_DIR) -> list[dict]:
    """The courses, one per `*.json` file in name order (the catalogue's order), each checked.

    A course's teaching kits, in `kits/*.json`, are checked too and put under the course's `kits` key.
    """
    # Block messages in English, like the loader's own: they are read by whoever edits the files.
    with translation.override("en"):
        courses = [_read_json(path, _check_course) for path in sorted(data_dir.glob("*.json"))]
        if not courses:
            raise DemoDataError(f"{data_dir}: no course files (*.json)")
        check_unique(str(data_dir), courses, "slug")
        for path in sorted((data_dir / "kits").glob("*.json")):
            slug, kits = _read_json(path, lambda kit: _check_kit(kit, courses))
            course = next(c for c in courses if c["slug"] == slug)
            if "kits" in course:
                raise DemoDataError(f"{path}: a second kit file for the course {slug!r}")
            course["kits"] = kits
    return courses


def _publish(parent: Page, page: Page) -> Page:
    """Add a page under its parent once; a second run finds it by slug and leaves it alone."""
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing:
        return existing.specific
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _sources_html(sources: list[str]) -> str:
    """The course's sources as the bulleted list editors see in the rich-text field."""
    return "<ul>" + "".join(f"<li>{source}</li>" for source in sources) + "</ul>" if sources else ""


def load_curriculum(home: Page, *, data_dir: Path = DATA_DIR) -> CourseIndexPage:
    curriculum = read_curriculum(data_dir)  # all files checked before the first page is written
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
    for course_data in curriculum:
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
            sources=_sources_html(course_data.get("sources", [])),
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
                        body=lesson_data["body"],
                        guide_plan=[{"type": "step", "value": step} for step in guide["steps"]],
                        guide_notes=guide["notes"],
                    ),
                )
            quiz_data = module_data.get("quiz")
            if quiz_data:
                rules = {"pass_mark": quiz_data["pass_mark"]} if "pass_mark" in quiz_data else {}
                _publish(
                    module,
                    QuizPage(
                        title=quiz_data["title"],
                        slug=quiz_data["slug"],
                        max_attempts=course_data.get("quiz_attempts"),
                        retake_after_days=course_data.get("quiz_retake_days"),
                        questions=[
                            {
                                "type": "question",
                                "value": {
                                    **question,
                                    # Stored with ids, so that a submitted answer matches the
                                    # choice it is scored against.
                                    "choices": [choice_with_id(n, c) for n, c in enumerate(question["choices"])],
                                },
                            }
                            for question in quiz_data["questions"]
                        ],
                        **rules,
                    ),
                )
    load_kits(catalogue, curriculum)
    return catalogue


def load_kits(catalogue: Page, curriculum: list[dict]) -> None:
    """Give each module with an empty kit the materials of the data files; a module with a kit is left alone.

    So a database loaded before kits existed gets them, and loading again changes nothing.
    """
    for course_data in curriculum:
        kits = course_data.get("kits") or {}
        course = catalogue.get_children().filter(slug=course_data["slug"]).first()
        if not kits or course is None:
            continue
        for module in ModulePage.objects.child_of(course).filter(slug__in=list(kits)):
            if module.kit.raw_data:
                continue
            lessons = dict(LessonPage.objects.child_of(module).values_list("slug", "pk"))
            module.kit = [
                {"type": "material", "value": {**material, "lesson": lessons.get(material.get("lesson"))}}
                for material in kits[module.slug]
            ]
            module.save_revision().publish()
