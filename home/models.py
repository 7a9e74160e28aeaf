from django.core.cache import cache
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.images import get_image_model_string
from wagtail.models import Page

from .heartbeats import Heartbeat  # noqa: F401  (the background processes' heartbeats, in their own module)
from .page_cache import CachedViewRestrictionsMixin
from .routing import DirectRoutingMixin


class ContentVersion(models.Model):
    """The published content's version (home/page_cache.py), kept where a restored cache cannot turn it back."""

    version = models.PositiveBigIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("content version")


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
        context["catalogue"] = CourseIndexPage.objects.live().public().child_of(self).first()
        context["events"] = EventIndexPage.objects.live().public().child_of(self).first()
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


@register_setting(icon="success")
class CertificateSettings(BaseSiteSetting):
    """Who issues the certificates and who signs them: printed on every PDF rendered from now on."""

    issuing_body = models.CharField(
        _("issuing body"),
        max_length=200,
        blank=True,
        help_text=_("Printed at the top of every certificate, e.g. Sở Khoa học và Công nghệ tỉnh Quảng Nam."),
    )
    signatory_name = models.CharField(_("signatory's name"), max_length=150, blank=True)
    signatory_title = models.CharField(
        _("signatory's title"), max_length=150, blank=True, help_text=_("e.g. Giám đốc (director).")
    )
    seal = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("seal or logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A PNG with a transparent background prints best; it is placed over the signature."),
    )

    panels = [
        FieldPanel("issuing_body"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("signatory_name"), FieldPanel("signatory_title")]), FieldPanel("seal")],
            heading=_("Signature"),
        ),
    ]

    class Meta:
        verbose_name = _("certificate settings")
        verbose_name_plural = _("certificate settings")
