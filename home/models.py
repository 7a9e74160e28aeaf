from django.core.cache import cache
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.page_cache import CachedViewRestrictionsMixin, cached_by_version, content_version, public
from core.routing import DirectRoutingMixin


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
        from showcase.models import EventIndexPage

        context = super().get_context(request, *args, **kwargs)

        def links():
            return (
                public(CourseIndexPage.objects.live()).child_of(self).first(),
                public(EventIndexPage.objects.live()).child_of(self).first(),
            )

        # Content only: read once per content version (shared: the pages are only read, for their URLs).
        key = f"home:links:{content_version()}:{self.pk}"
        context["catalogue"], context["events"] = cached_by_version(key, links, shared=True)
        context["statistics"] = programme_statistics()
        return context


STATISTICS_CACHE_KEY = "home:programme-statistics"
STATISTICS_TIMEOUT = 5 * 60


def programme_statistics() -> dict[str, int]:
    """The public statistics strip, computed at most once every five minutes (a fixed handful of queries)."""
    statistics = cache.get(STATISTICS_CACHE_KEY)
    if statistics is None:
        from reports.figures import public_counts, public_statistics

        statistics = {**public_statistics(), **public_counts()}
        cache.set(STATISTICS_CACHE_KEY, statistics, STATISTICS_TIMEOUT)
    return statistics
