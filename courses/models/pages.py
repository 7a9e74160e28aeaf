"""Course content as Wagtail pages: catalogue → course → module → lesson and quiz."""

from django import forms
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.page_cache import CachedViewRestrictionsMixin, public
from core.text import fold_vi, html_to_text

from ..blocks import DownloadBlock, KitStreamBlock, LessonStreamBlock, QuizStreamBlock, SessionStepBlock


class Audience(models.Model):
    """A learner group a course is written for. A fixed list: reports count by it."""

    CADRES = "cadres"
    YOUTH = "youth"
    STUDENTS = "students"
    WOMEN = "women"
    ENTREPRENEURS = "entrepreneurs"
    CODES = [
        (CADRES, _("Cadres and civil servants")),
        (YOUTH, _("Youth")),
        (STUDENTS, _("Pupils and students")),
        (WOMEN, _("Women")),
        (ENTREPRENEURS, _("Entrepreneurs and OCOP producers")),
    ]

    code = models.CharField(_("code"), max_length=20, choices=CODES, unique=True)

    class Meta:
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        ordering = ["id"]

    def __str__(self):
        return str(self.get_code_display())


class CourseTag(TaggedItemBase):
    content_object = ParentalKey("courses.CoursePage", related_name="tagged_items", on_delete=models.CASCADE)


class SearchTextMixin(models.Model):
    """A folded copy of the learner-visible text, so search ignores diacritics on any database."""

    search_text = models.TextField(editable=False, blank=True, default="")

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.search_text = fold_vi(" ".join(part for part in self.searchable_parts() if part))
        super().save(*args, **kwargs)

    def searchable_parts(self) -> list[str]:
        return [self.title]


class CourseIndexPage(CachedViewRestrictionsMixin, Page):
    """The course catalogue, filterable by audience, topic tag and level."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]

    class Meta:
        verbose_name = _("course catalogue")

    def filtered_courses(self, params) -> tuple[models.QuerySet, dict]:
        courses = (
            public(CoursePage.objects.live())
            .child_of(self)
            .select_related("cover_image")
            .prefetch_related("audiences", "tags")
            .order_by("-is_tot", "path")
        )
        chosen = {
            "audience": params.get("audience", ""),
            "tag": params.get("tag", ""),
            "level": params.get("level", ""),
        }
        if chosen["audience"]:
            courses = courses.filter(audiences__code=chosen["audience"])
        if chosen["tag"]:
            courses = courses.filter(tags__slug=chosen["tag"])
        if chosen["level"]:
            courses = courses.filter(level=chosen["level"])
        return courses.distinct(), chosen

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        courses, chosen = self.filtered_courses(request.GET)
        context.update(
            courses=courses,
            chosen=chosen,
            audiences=Audience.CODES,
            levels=CoursePage.LEVELS,
            tags=CourseTag.tags_for(CoursePage).order_by("name"),
        )
        return context


class CoursePage(CachedViewRestrictionsMixin, SearchTextMixin, Page):
    BASIC, INTERMEDIATE, ADVANCED = "basic", "intermediate", "advanced"
    LEVELS = [(BASIC, _("Basic")), (INTERMEDIATE, _("Intermediate")), (ADVANCED, _("Advanced"))]

    summary = models.TextField(_("summary"), max_length=600)
    objectives = models.TextField(_("learning objectives"), blank=True, help_text=_("One objective per line."))
    audiences = ParentalManyToManyField(Audience, verbose_name=_("audience"), blank=True)
    tags = ClusterTaggableManager(through=CourseTag, blank=True, verbose_name=_("topics"))
    level = models.CharField(_("level"), max_length=20, choices=LEVELS, default=BASIC)
    estimated_hours = models.PositiveSmallIntegerField(_("estimated hours"), default=1)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_tot = models.BooleanField(_("part of the ToT pathway"), default=False)
    sources = RichTextField(
        _("sources"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_(
            "The laws, decisions and documents the course relies on, one per line with its number, date and a "
            "link, so that editors can check the facts when a law changes."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("objectives"),
        MultiFieldPanel(
            [
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
                FieldPanel("level"),
                FieldPanel("estimated_hours"),
                FieldPanel("is_tot"),
            ],
            heading=_("Audience and topics"),
        ),
        FieldPanel("cover_image"),
        FieldPanel("sources"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def searchable_parts(self):
        return [self.title, self.summary, self.objectives]

    @property
    def objective_list(self) -> list[str]:
        return [line.strip() for line in self.objectives.splitlines() if line.strip()]

    def lessons(self) -> models.QuerySet:
        """Every live lesson of the course, in reading order."""
        return LessonPage.objects.live().descendant_of(self).order_by("path")

    def quizzes(self) -> models.QuerySet:
        return QuizPage.objects.live().descendant_of(self).order_by("path")

    def serve(self, request, *args, **kwargs):
        """Learners and visitors get the overview from the rendered-page cache (courses/rendering.py)."""
        from ..rendering import serve_course

        response = serve_course(self, request)
        return response if response is not None else super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, learner_state=None, **kwargs):
        """`learner_state`: (enrolment, progress) read for the real viewer when `request` is a stand-in."""
        from ..navigation import course_learner_state, course_outline, url_maker

        context = super().get_context(request, *args, **kwargs)
        # The enrolment and progress a lesson page reads, from the same cache (courses/progress.py).
        enrollment, progress = learner_state or course_learner_state(self, request)
        # The lessons and quizzes come from the cached outline; links are made without a query each.
        _course, outline = course_outline(self.path) if self.pk else ({}, [])  # a new course's preview has none
        to_url = url_maker(self, request) if outline else None
        by_module: dict[str, list] = {}
        for item in outline:
            item["url"] = to_url(item["url_path"])
            item["done"] = item["id"] in progress.done_ids
            by_module.setdefault(item["path"][: -Page.steplen], []).append(item)
        modules = public(ModulePage.objects.live()).child_of(self).order_by("path")
        context.update(
            modules=[(module, by_module.get(module.path, [])) for module in modules],
            enrollment=enrollment,
            progress=progress,
            progress_percent=progress.percent,
        )
        return context


class ModulePage(CachedViewRestrictionsMixin, RoutablePageMixin, Page):
    """A module of a course, with the teaching kit (slides, handouts, worksheets, case cards) its lessons use."""

    intro = models.TextField(_("introduction"), blank=True)
    kit = StreamField(KitStreamBlock(), verbose_name=_("teaching kit"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Module")),
            ObjectList([FieldPanel("kit")], heading=_("Teaching kit")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    # The kit is for trainers: left out of every index, like the lessons' guides.
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage", "courses.QuizPage"]

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def get_context(self, request, *args, **kwargs):
        from ..permissions import can_see_trainer_guide

        context = super().get_context(request, *args, **kwargs)
        context["items"] = self.get_children().live().order_by("path").specific()
        context["show_kit"] = bool(self.kit.raw_data) and can_see_trainer_guide(request.user)
        return context

    @path("kit/", name="kit")
    def kit_index(self, request):
        """The module's teaching kit: a list of its materials with print and download links."""
        from ..kits import kit_index_view

        return kit_index_view(self, request)

    @path("kit/pdf/", name="kit_pdf")
    def kit_pdf(self, request):
        """The whole kit as one PDF, A4 in black and white."""
        from ..kits import kit_pdf_view

        return kit_pdf_view(self, request)

    @path("kit/<str:material_id>/", name="kit_material")
    def kit_material(self, request, material_id):
        """One material as a printable page."""
        from ..kits import kit_material_view

        return kit_material_view(self, request, material_id)


class LessonPage(CachedViewRestrictionsMixin, SearchTextMixin, RoutablePageMixin, Page):
    """A lesson for learners, with a trainer's guide that only trainers and administrators see."""

    body = StreamField(LessonStreamBlock(), verbose_name=_("lesson content"))
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=30)
    guide_plan = StreamField([("step", SessionStepBlock())], verbose_name=_("session plan"), blank=True)
    guide_notes = RichTextField(
        _("facilitation notes"), blank=True, features=["bold", "italic", "link", "ol", "ul", "h3"]
    )
    guide_materials = StreamField([("document", DownloadBlock())], verbose_name=_("teaching materials"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("estimated_minutes"), FieldPanel("body")]
    guide_panels = [
        FieldPanel("guide_plan"),
        FieldPanel("guide_notes"),
        FieldPanel("guide_materials"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Lesson")),
            ObjectList(guide_panels, heading=_("Trainer's guide")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    # The guide is deliberately left out of every index: learners search this.
    search_fields = Page.search_fields + [index.SearchField("search_text")]
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        permissions = [("view_trainer_guide", _("Can see trainers' guides"))]

    def heading_texts(self) -> list[str]:
        """The lesson's headings, read from the stored stream without building every block."""
        return [str(block["value"]) for block in self.body.raw_data if block.get("type") == "heading"]

    def searchable_parts(self):
        parts = [self.title]
        for block in self.body or []:
            value = block.value
            if block.block_type == "heading":
                parts.append(str(value))
            elif block.block_type == "paragraph":
                parts.append(html_to_text(value.source))
            elif block.block_type in ("callout", "case_study", "exercise"):
                for key in ("name", "area", "title", "takeaway"):
                    if value.get(key):
                        parts.append(str(value[key]))
                for key in ("text", "summary", "instructions"):
                    if value.get(key):
                        parts.append(html_to_text(value[key].source))
        return parts

    @property
    def guide_minutes(self) -> int:
        return sum(step.value["minutes"] for step in self.guide_plan)

    @path("session-plan/", name="session_plan")
    def session_plan(self, request):
        """A printable session plan for the classroom, for trainers and administrators only."""
        from ..permissions import can_see_trainer_guide

        if not can_see_trainer_guide(request.user):
            raise Http404
        from ..kits import lesson_materials

        return TemplateResponse(
            request,
            "courses/session_plan.html",
            {"page": self, "lesson": self, "kit_materials": lesson_materials(self, request)},
        )

    @path("")
    def index_route(self, request, *args, **kwargs):
        """The lesson, served from the rendered-page cache to learners and visitors (courses/rendering.py)."""
        from ..rendering import cacheable, serve_lesson

        if cacheable(request):
            request.is_preview = False
            return serve_lesson(self, request)
        return super().index_route(request, *args, **kwargs)

    def get_context(self, request, *args, learner_state=None, **kwargs):
        from ..navigation import lesson_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_context(self, request, state=learner_state))
        return context


class QuizPage(CachedViewRestrictionsMixin, Page):
    """Questions scored on the server; correct answers leave it only after an attempt."""

    intro = models.TextField(_("introduction"), blank=True)
    questions = StreamField(QuizStreamBlock(), verbose_name=_("questions"))
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, help_text=_("The share of questions to answer correctly.")
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("attempt limit"),
        null=True,
        blank=True,
        help_text=_("Leave empty for unlimited attempts."),
    )
    retake_after_days = models.PositiveSmallIntegerField(
        _("retake after (days)"),
        null=True,
        blank=True,
        help_text=_(
            "Days after the last failed attempt, once every attempt is used, before the learner gets the attempt "
            "limit again. Leave empty: only an administrator's grant gives more attempts."
        ),
    )
    shuffle = models.BooleanField(_("shuffle questions and answers"), default=True)
    REVEAL_ALWAYS, REVEAL_WHEN_FINAL = "always", "when_final"
    REVEAL_CHOICES = [
        (REVEAL_WHEN_FINAL, _("Once the learner passes or has no attempt left")),
        (REVEAL_ALWAYS, _("After every attempt")),
    ]
    reveal_answers = models.CharField(
        _("show the correct answers"),
        max_length=20,
        choices=REVEAL_CHOICES,
        default=REVEAL_WHEN_FINAL,
        help_text=_("Showing them after a failed attempt lets the next attempt be copied."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("max_attempts"),
                FieldPanel("retake_after_days"),
                FieldPanel("reveal_answers"),
                FieldPanel("shuffle"),
            ],
            heading=_("Rules"),
        ),
        FieldPanel("questions"),
    ]
    # Questions and answers stay out of the search index.
    search_fields = Page.search_fields
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pass_mark__gte=0, pass_mark__lte=100),
                name="quiz_pass_mark_percent",
            )
        ]

    def reveals_answers(self, *, passed: bool, final: bool) -> bool:
        """Whether an attempt's feedback may show the correct answers and explanations.

        `final`: no attempt left and none coming back after a waiting period (`courses.attempts`).
        """
        return self.reveal_answers == self.REVEAL_ALWAYS or passed or final

    def serve(self, request, *args, **kwargs):
        from ..views import quiz_view

        if getattr(request, "is_preview", False):
            return super().serve(request, *args, **kwargs)
        return quiz_view(request, self)
