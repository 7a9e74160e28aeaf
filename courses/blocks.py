"""StreamField blocks for lessons, trainers' guides and quizzes."""

import uuid

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListValue
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"
        preview_value = "Hệ sinh thái khởi nghiệp là gì?"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "blocks/paragraph_block.html"
        preview_value = "<p>Khởi nghiệp đổi mới sáng tạo là quá trình hình thành doanh nghiệp mới.</p>"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False)
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        help_text=_("Describe the image for people who cannot see it."),
    )

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "blocks/captioned_image_block.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video address"), help_text=_("A YouTube or Vimeo link."))
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video_block.html"


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    description = blocks.CharBlock(label=_("Description"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Downloadable document")
        template = "blocks/download_block.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("info", _("Note")), ("tip", _("Tip")), ("warning", _("Warning"))],
        default="info",
    )
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_FEATURES)

    class Meta:
        icon = "help"
        label = _("Callout")
        template = "blocks/callout_block.html"
        preview_value = {"kind": "tip", "text": "<p>Hãy bắt đầu từ vấn đề của khách hàng.</p>"}


class CaseStudyBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Startup or project"))
    area = blocks.CharBlock(label=_("Where"), required=False)
    summary = blocks.RichTextBlock(label=_("Story"), features=RICH_FEATURES)
    takeaway = blocks.CharBlock(label=_("Key takeaway"), required=False)
    # Ticked unless an editor says the story is real: a made-up business is never presented as a fact.
    illustrative = blocks.BooleanBlock(
        label=_("Illustrative (made up for teaching)"),
        required=False,
        default=True,
        help_text=_("Untick only for a real business or project, named with its permission and a source."),
    )

    class Meta:
        icon = "group"
        label = _("Case study of a local startup")
        template = "blocks/case_study_block.html"
        preview_value = {
            "name": "Hợp tác xã rau hữu cơ",
            "area": "Duy Xuyên",
            "summary": "<p>Một nhóm nông dân trẻ bán rau hữu cơ qua mạng.</p>",
            "takeaway": "Bắt đầu nhỏ, đo lường, rồi mở rộng.",
            "illustrative": True,
        }


class ExerciseBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    instructions = blocks.RichTextBlock(label=_("Instructions"), features=RICH_FEATURES)
    minutes = blocks.IntegerBlock(label=_("Minutes"), min_value=1, required=False)

    class Meta:
        icon = "edit"
        label = _("Exercise")
        template = "blocks/exercise_block.html"
        preview_value = {
            "title": "Vẽ bản đồ hệ sinh thái",
            "instructions": "<p>Liệt kê các bên tham gia ở địa phương của bạn.</p>",
            "minutes": 15,
        }


class LessonStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    video = VideoBlock()
    download = DownloadBlock()
    callout = CalloutBlock()
    case_study = CaseStudyBlock()
    exercise = ExerciseBlock()


class SessionStepBlock(blocks.StructBlock):
    """One step of a trainer's session plan."""

    minutes = blocks.IntegerBlock(label=_("Minutes"), min_value=1)
    activity = blocks.TextBlock(label=_("Activity"))
    materials = blocks.CharBlock(label=_("Materials"), required=False)

    class Meta:
        icon = "time"
        label = _("Session step")


class SlideBlock(blocks.StructBlock):
    """One slide of a deck: printed one per landscape A4 page."""

    title = blocks.CharBlock(label=_("Slide title"))
    text = blocks.RichTextBlock(label=_("Slide text"), features=["bold", "italic", "ol", "ul"], required=False)
    notes = blocks.TextBlock(label=_("Speaker notes"), required=False)

    class Meta:
        icon = "media"
        label = _("Slide")
        template = "blocks/slide_block.html"
        preview_value = {
            "title": "Ba dấu hiệu của khởi nghiệp đổi mới sáng tạo",
            "text": "<ul><li>Có yếu tố mới</li><li>Có khả năng tăng trưởng nhanh</li><li>Chấp nhận rủi ro</li></ul>",
        }


class WritingTaskBlock(blocks.StructBlock):
    """A worksheet's question with blank lines to write the answer on."""

    prompt = blocks.TextBlock(label=_("Question or task"))
    lines = blocks.IntegerBlock(label=_("Lines to write on"), min_value=0, max_value=30, default=4)

    class Meta:
        icon = "edit"
        label = _("Task with space to write")
        template = "blocks/writing_task_block.html"
        preview_value = {"prompt": "Kể tên ba chủ thể hỗ trợ khởi nghiệp ở địa phương anh/chị.", "lines": 3}


class MaterialBodyBlock(blocks.StreamBlock):
    """What a printed teaching material is made of."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    slide = SlideBlock()
    case_study = CaseStudyBlock()
    task = WritingTaskBlock()


class TeachingMaterialBlock(blocks.StructBlock):
    """A slide deck, handout, worksheet or case card of a module's teaching kit, written in the admin."""

    SLIDES, HANDOUT, WORKSHEET, CASE_CARD = "slides", "handout", "worksheet", "case_card"
    KINDS = [
        (SLIDES, _("Slide deck")),
        (HANDOUT, _("Handout")),
        (WORKSHEET, _("Worksheet")),
        (CASE_CARD, _("Case card")),
    ]

    kind = blocks.ChoiceBlock(label=_("Kind"), choices=KINDS, default=HANDOUT)
    title = blocks.CharBlock(label=_("Title"))
    lesson = blocks.PageChooserBlock(
        label=_("Lesson"),
        page_type="courses.LessonPage",
        required=False,
        help_text=_("The lesson whose trainer's guide links it; leave empty for every lesson of the module."),
    )
    body = MaterialBodyBlock(label=_("Content"))

    class Meta:
        icon = "doc-full"
        label = _("Teaching material")

    def clean(self, value):
        value = super().clean(value)
        slides = [block for block in value["body"] if block.block_type == "slide"]
        if value["kind"] == self.SLIDES and not slides:
            raise ValidationError(_("A slide deck needs at least one slide."))
        if value["kind"] != self.SLIDES and slides:
            raise ValidationError(_("Only a slide deck has slides."))
        return value


class KitStreamBlock(blocks.StreamBlock):
    material = TeachingMaterialBlock()


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"))
    correct = blocks.BooleanBlock(label=_("Correct"), required=False)

    class Meta:
        icon = "tick"
        label = _("Answer choice")


# Namespace of the ids given to answer choices stored without one (see stable_choice_id).
CHOICE_ID_NAMESPACE = uuid.UUID("5b0f3c3e-8d2a-4c51-9a57-2f1b6f0c7a11")


def stable_choice_id(position: int, text: str) -> str:
    """The id of an answer choice stored without one: the same on every load of the same content.

    Wagtail gives such a choice a random id each time the page is read, so the id in the form
    a learner submits would never match the one the answer is scored against.
    """
    return str(uuid.uuid5(CHOICE_ID_NAMESPACE, f"{position}:{text}"))


def choice_with_id(position: int, choice: dict) -> dict:
    """A raw answer choice in Wagtail's list-item format, keeping its id or giving it a stable one."""
    if isinstance(choice, dict) and choice.get("type") == "item" and "value" in choice:
        if choice.get("id"):
            return choice
        choice = choice["value"]
    return {"type": "item", "id": stable_choice_id(position, choice.get("text", "")), "value": choice}


class ChoiceListBlock(blocks.ListBlock):
    """Answer choices whose ids never change between page loads, even in content stored without ids."""

    def _with_stable_ids(self, value: ListValue) -> ListValue:
        for position, child in enumerate(value.bound_blocks):
            if not child.original_id:
                child.id = child.original_id = stable_choice_id(position, child.value.get("text", ""))
        return value

    def to_python(self, value):
        return self._with_stable_ids(super().to_python(value))

    def bulk_to_python(self, values):
        return [self._with_stable_ids(value) for value in super().bulk_to_python(values)]


class QuestionBlock(blocks.StructBlock):
    SINGLE, MULTIPLE, TRUE_FALSE = "single", "multiple", "true_false"

    kind = blocks.ChoiceBlock(
        label=_("Question type"),
        choices=[
            (SINGLE, _("Single choice")),
            (MULTIPLE, _("Multiple choice")),
            (TRUE_FALSE, _("True or false")),
        ],
        default=SINGLE,
    )
    text = blocks.TextBlock(label=_("Question"))
    choices = ChoiceListBlock(ChoiceBlock(), label=_("Answers"), min_num=2)
    explanation = blocks.TextBlock(label=_("Explanation shown after submission"), required=False)

    class Meta:
        icon = "help"
        label = _("Question")
        template = "blocks/question_block.html"

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for choice in value["choices"] if choice["correct"])
        if value["kind"] in (self.SINGLE, self.TRUE_FALSE) and correct != 1:
            raise ValidationError(_("Mark exactly one answer as correct."))
        if value["kind"] == self.MULTIPLE and correct < 1:
            raise ValidationError(_("Mark at least one answer as correct."))
        if value["kind"] == self.TRUE_FALSE and len(value["choices"]) != 2:
            raise ValidationError(_("A true-or-false question has exactly two answers."))
        return value


class QuizStreamBlock(blocks.StreamBlock):
    question = QuestionBlock()
