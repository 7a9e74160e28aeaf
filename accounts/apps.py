from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    # This module holds two configs: without this Django would use neither (nor run ready()).
    default = True
    name = "accounts"
    verbose_name = _("Accounts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from . import personal_data
        from .backends import forget_cached_user, forget_cached_users_of_roles
        from .models import User

        personal_data.autodiscover()
        # This app's own rows besides the user itself (the user row is in accounts.services' download).
        from .phone_codes import phone_codes_export, phone_codes_forget
        from .privacy import consents_anonymise, consents_export
        from .rights import data_requests_anonymise, data_requests_export

        def anonymise(user) -> None:
            consents_anonymise(user)
            phone_codes_forget(user)
            data_requests_anonymise(user)

        personal_data.register(
            app_label="accounts",
            export=lambda user: {
                "consents": consents_export(user),
                "phone_codes": phone_codes_export(user),
                "data_requests": data_requests_export(user),
            },
            anonymise=anonymise,
            covers={
                "accounts.Consent.person",
                "accounts.PhoneCode.user",
                "accounts.DataRequest.person",
                "accounts.DataRequest.answered_by",
            },
        )
        post_save.connect(forget_cached_user, sender=User, dispatch_uid="accounts_forget_cached_user_saved")
        post_delete.connect(forget_cached_user, sender=User, dispatch_uid="accounts_forget_cached_user_deleted")
        # Roles (groups) and permissions decide who is staff (accounts/staff.py); the cached user carries them.
        for through in (User.groups.through, User.user_permissions.through):
            m2m_changed.connect(
                forget_cached_users_of_roles, sender=through, dispatch_uid=f"accounts_forget_roles_{through.__name__}"
            )


class UsersAdminConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms for a full name and phone instead of first/last names."""

    user_viewset = "accounts.admin_views.UserViewSet"
