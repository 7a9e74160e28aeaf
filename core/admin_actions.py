"""One shape for every admin action on one object: "Certify", "Results", "Revoke", "Send again", "Review".

An action is a view class (`ObjectActionView`) that declares its URL name, its button, the state an
object must be in for the button to appear (a valid certificate, a failed notification) and who may
take it. A viewset lists its actions in `object_actions`; `ObjectActionsViewSetMixin` adds their
URLs (`<url_name>/<pk>/`) and their buttons, in the listing's "More" menu and in the inspect view's
header, shown when the view would let the user in. The object is loaded through the model's
`visible_to(user)`, as every admin view loads it.

In `core` because areas, trainers and showcase all use it; like everything in `core` it imports no
app of ours.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.generic import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button, ListingButton


class ObjectActionView(WagtailAdminTemplateMixin, View):
    """A form about one object the user may see, with a permission of the viewset's policy required."""

    model = None
    url_name = ""  # also the URL's first segment: "<url_name>/<pk>/"
    button_label = ""
    header_icon = ""  # the page's icon and the button's
    button_priority = 40
    permission = ""
    template_name = ""
    viewset = None

    @classmethod
    def applies_to(cls, obj) -> bool:
        """Whether the object's state calls for the action (the button is hidden otherwise)."""
        return True

    @classmethod
    def user_may(cls, user, viewset) -> bool:
        """Whether the user may take the action on the objects they see: checked once per listing."""
        return viewset.permission_policy.user_has_permission(user, cls.permission)

    def has_permission(self) -> bool:
        """Whether the user may act on `self.object`; an action with a per-object rule overrides this."""
        return self.user_may(self.request.user, self.viewset)

    def dispatch(self, request, pk):
        self.object = get_object_or_404(self.model._default_manager.visible_to(request.user), pk=pk)
        if not self.has_permission():
            raise PermissionDenied
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return str(self.object)

    def render(self, **context):
        return TemplateResponse(self.request, self.template_name, self.get_context_data(object=self.object, **context))


def _buttons(view, obj, button_class) -> list:
    user, viewset = view.request.user, view.action_viewset
    if viewset is None:
        return []
    if not hasattr(view, "_allowed_actions"):
        view._allowed_actions = {}
    allowed = view._allowed_actions
    buttons = []
    for action in viewset.object_actions:
        if action.url_name not in allowed:  # one permission check per action and request, not per row
            allowed[action.url_name] = action.user_may(user, viewset)
        if allowed[action.url_name] and action.applies_to(obj):
            url = reverse(viewset.get_url_name(action.url_name), args=[obj.pk])
            icon, priority = action.header_icon, action.button_priority
            buttons.append(button_class(action.button_label, url=url, icon_name=icon, priority=priority))
    return buttons


class ObjectActionsIndexViewMixin:
    """The actions a row's state calls for, in the listing's "More" menu."""

    action_viewset = None

    def get_list_more_buttons(self, instance):
        return super().get_list_more_buttons(instance) + _buttons(self, instance, ListingButton)


class ObjectActionsInspectViewMixin:
    """The same actions in the inspect view's header."""

    action_viewset = None

    @property
    def header_more_buttons(self):
        return list(super().header_more_buttons) + _buttons(self, self.object, Button)


class ObjectActionsViewSetMixin:
    """Adds each of `object_actions` to the viewset: its URL, and its button where the user may take it."""

    object_actions: tuple[type[ObjectActionView], ...] = ()

    def get_common_view_kwargs(self, **kwargs):
        # Wagtail passes each view only the keyword arguments it declares: the index and inspect mixins.
        return super().get_common_view_kwargs(action_viewset=self, **kwargs)

    def get_urlpatterns(self):
        urlpatterns = super().get_urlpatterns()
        for action in self.object_actions:
            view = action.as_view(viewset=self)
            urlpatterns.append(path(f"{action.url_name}/<int:pk>/", view, name=action.url_name))
        return urlpatterns
