from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from .page_cache import CachedViewRestrictionsMixin
from .routing import DirectRoutingMixin


class HomePage(CachedViewRestrictionsMixin, DirectRoutingMixin, Page):
    """The site's front page: what the programme is, with a way into the courses."""

    lead = models.CharField(_("lead"), max_length=255, blank=True)
    body = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul", "h2", "h3"])

    content_panels = Page.content_panels + [FieldPanel("lead"), FieldPanel("body")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from courses.models import CourseIndexPage

        context = super().get_context(request, *args, **kwargs)
        context["catalogue"] = CourseIndexPage.objects.live().public().child_of(self).first()
        return context
