from django.urls import path

from . import views

app_name = "showcase"
urlpatterns = [
    path("events/tickets/<str:code>/", views.ticket, name="ticket"),
    path("events/tickets/<str:code>/cancel/", views.ticket_cancel, name="ticket_cancel"),
    path("events/check-in/<str:code>/", views.check_in_code, name="check_in_code"),
    path("events/<int:event_id>/check-in/", views.check_in_desk, name="check_in_desk"),
    path("projects/", views.showcase, name="showcase"),
    path("projects/mine/", views.my_projects, name="my_projects"),
    path("projects/new/", views.project_create, name="project_create"),
    path("projects/<int:pk>/", views.project_detail, name="project_detail"),
    path("projects/<int:pk>/edit/", views.project_edit, name="project_edit"),
    path("projects/<int:pk>/submit/", views.project_submit_view, name="project_submit"),
    path("projects/invitations/<str:token>/", views.invitation, name="invitation"),
    path(
        "projects/invitations/<str:token>/accept/",
        views.invitation_answer,
        {"accept": True},
        name="invitation_accept",
    ),
    path(
        "projects/invitations/<str:token>/decline/",
        views.invitation_answer,
        {"accept": False},
        name="invitation_decline",
    ),
    path("support/", views.organisation_directory, name="organisations"),
    path("support/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
]
