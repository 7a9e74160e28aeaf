"""A permission's name in the reader's language, for the group form (Settings → Groups).

Django writes each permission's name into `auth_permission` once, in English, when migrating
("Can change training session"), and Wagtail's group form shows that stored text. The label is
built again at display time instead: Django's default actions from our catalogue and the model's
translated `verbose_name`; every other permission (Wagtail's "Publish any page", our
`Meta.permissions`) through the catalogues, which hold those English names as msgids.
The rows stay as Django wrote them, so English reads exactly as before.
"""

from django.contrib.auth import get_permission_codename
from django.contrib.auth.models import Permission
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# Django names its default permissions "Can <action> <verbose_name>" (auth.management._get_builtin_permissions).
DEFAULT_ACTIONS = {
    "add": _("Can add %(name)s"),
    "change": _("Can change %(name)s"),
    "delete": _("Can delete %(name)s"),
    "view": _("Can view %(name)s"),
}


def permission_label(permission: Permission) -> str:
    """The permission's name as the reader's language says it; needs `content_type` loaded to run no query."""
    model = permission.content_type.model_class()
    for action in model._meta.default_permissions if model else ():
        if action in DEFAULT_ACTIONS and permission.codename == get_permission_codename(action, model._meta):
            return DEFAULT_ACTIONS[action] % {"name": model._meta.verbose_name}
    return gettext(permission.name)
