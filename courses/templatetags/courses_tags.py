from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language

from core.page_cache import cached_by_version, content_version

from ..models import CourseIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def catalogue_url(context) -> str:
    """The course catalogue's address for the site menu; cached with the published content."""
    request = context.get("request")
    host = request.get_host() if request else ""
    key = f"courses:catalogue-url:{content_version()}:{host}:{get_language()}"

    def build() -> str:
        catalogue = CourseIndexPage.objects.live().public().order_by("path").first()
        return (catalogue.get_url(request) if catalogue else "") or ""

    return cached_by_version(key, build, shared=True)


@register.simple_tag
def content_lang() -> str:
    """A lang attribute for course content (written in the site's default language) on a page in another.

    Screen readers then read Vietnamese titles and lessons with a Vietnamese voice on /en/ pages.
    """
    if get_language() == settings.LANGUAGE_CODE:
        return ""
    return format_html(' lang="{}"', settings.LANGUAGE_CODE)
