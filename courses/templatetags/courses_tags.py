from django import template
from django.core.cache import cache
from django.utils.translation import get_language

from home.page_cache import TIMEOUT, content_version

from ..models import CourseIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def catalogue_url(context) -> str:
    """The course catalogue's address for the site menu; cached with the published content."""
    request = context.get("request")
    host = request.get_host() if request else ""
    key = f"courses:catalogue-url:{content_version()}:{host}:{get_language()}"
    url = cache.get(key)
    if url is None:
        catalogue = CourseIndexPage.objects.live().public().order_by("path").first()
        url = (catalogue.get_url(request) if catalogue else "") or ""
        cache.set(key, url, TIMEOUT)
    return url
