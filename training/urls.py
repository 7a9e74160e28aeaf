"""The public "Lớp tập huấn" pages of a trainer's own sessions (included under /lop-tap-huan/ by lms/urls.py)."""

from django.urls import path

from . import views

app_name = "training"
urlpatterns = [
    path("", views.session_list, name="session_list"),
    path("moi/", views.session_create, name="session_create"),
    path("<int:pk>/", views.session_detail, name="session_detail"),
    path("<int:pk>/sua/", views.session_edit, name="session_edit"),
    path("<int:pk>/gui-duyet/", views.session_submit_view, name="session_submit"),
    path("<int:pk>/ket-qua/", views.session_results, name="session_results"),
    path("<int:pk>/gui-bao-cao/", views.report_submit_view, name="report_submit"),
]
