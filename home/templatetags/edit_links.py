from django import template
from django.urls import reverse
from wagtail.models import Page

from accounts.staff import is_staff_member

register = template.Library()


@register.inclusion_tag("home/includes/edit_link.html", takes_context=True)
def page_edit_link(context) -> dict:
    """A plain link to the page's editor for a user who may edit it.

    It replaces Wagtail's user bar, whose script (about 1 MB) a trainer on a phone would download
    with every lesson, and which floats over the content.
    """
    page = context.get("page")
    request = context.get("request")
    user = getattr(request, "user", None)
    # A preview (of a page perhaps never saved) is shown inside the editor already.
    if not isinstance(page, Page) or not page.pk or getattr(request, "is_preview", False):
        return {}
    if not is_staff_member(user) or not page.permissions_for_user(user).can_edit():
        return {}
    return {"edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk])}
