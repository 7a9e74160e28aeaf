from django.urls import path

from . import views

app_name = "trainers"
urlpatterns = [
    path("verify/", views.verify_lookup, name="verify_lookup"),
    path("verify/<str:code>/", views.verify, name="verify"),
    path("certificates/<str:number>/pdf/", views.certificate_pdf, name="certificate_pdf"),
    path("certificates/<str:number>/credential/", views.certificate_credential, name="certificate_credential"),
    path("credentials/jwks.json", views.credential_jwks, name="credential_jwks"),
    path("credentials/keys/<str:kid>/", views.credential_key, name="credential_key"),
    path("credentials/issuers/<str:slug>/", views.credential_issuer, name="credential_issuer"),
    path("credentials/status/<str:slug>/<str:list_id>/", views.credential_status_list, name="credential_status_list"),
    path("certificates/<str:number>/renewal/", views.certificate_renewal, name="certificate_renewal"),
    path("trainers/", views.trainer_directory, name="directory"),
    path("trainers/<int:trainer_id>/", views.trainer_detail, name="trainer_detail"),
]
