"""`{{ path|absolute }}`: a link for an e-mail, on `settings.SITE_URL` (see accounts/links.py)."""

from django import template

from accounts.links import absolute_url

register = template.Library()


@register.filter
def absolute(path_or_url: str) -> str:
    return absolute_url(str(path_or_url))
