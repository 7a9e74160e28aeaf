from django.urls import path

from . import offline, views

app_name = "courses"
urlpatterns = [
    path("courses/<int:course_id>/enroll/", views.enroll, name="enroll"),
    path("courses/<int:course_id>/resume/", views.resume, name="resume"),
    path("lessons/<int:lesson_id>/complete/", views.complete_lesson, name="complete_lesson"),
]
urlpatterns += offline.urlpatterns  # saving a course to the phone, syncing what was done offline
