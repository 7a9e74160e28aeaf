from django.urls import path

from . import views

app_name = "trainers"
urlpatterns = [
    path("verify/", views.verify_lookup, name="verify_lookup"),
    path("verify/<str:code>/", views.verify, name="verify"),
    path("certificates/<str:number>/pdf/", views.certificate_pdf, name="certificate_pdf"),
    path("certificates/<str:number>/renewal/", views.certificate_renewal, name="certificate_renewal"),
    path("trainers/", views.trainer_directory, name="directory"),
    path("trainers/<int:trainer_id>/", views.trainer_detail, name="trainer_detail"),
]
