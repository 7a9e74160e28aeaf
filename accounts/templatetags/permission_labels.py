"""`{{ permission|permission_label }}`: its name in the reader's language (see accounts/permission_labels.py)."""

from django import template
from django.contrib.auth.models import Permission

from accounts.permission_labels import permission_label as label

register = template.Library()


@register.filter
def permission_label(permission: Permission) -> str:
    return label(permission)
