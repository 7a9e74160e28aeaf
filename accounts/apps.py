from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")
    default_auto_field = "django.db.models.BigAutoField"


class UsersAdminConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms for a full name and phone instead of first/last names."""

    user_viewset = "accounts.admin_views.UserViewSet"
