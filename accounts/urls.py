from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("register/", views.register, name="register"),
    path("me/", views.account, name="account"),
    path("me/consents/", views.consent_change, name="consent"),
    path("me/phone/", views.phone_confirm, name="phone_confirm"),
    path("me/data/", views.download_data, name="download_data"),
    path("me/requests/", views.data_requests, name="data_requests"),
    path("me/delete/", views.delete_account, name="delete"),
    path("password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("password-reset/code/", views.password_reset_code, name="password_reset_code"),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:login"),
        ),
        name="password_reset_confirm",
    ),
]
