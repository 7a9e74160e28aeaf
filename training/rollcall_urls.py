from django.urls import path

from . import rollcall_views as views

app_name = "rollcall"
urlpatterns = [
    path("roll-call/", views.index, name="index"),
    path("roll-call/<int:pk>/", views.roll_call, name="roll_call"),
    path("roll-call/<int:pk>/latecomer/", views.latecomer, name="latecomer"),
    path("roll-call/<int:pk>/code/", views.day_code, name="day_code"),
    path("roll-call/<int:pk>/tests/<str:kind>/", views.test_edit, name="test_edit"),
    path("roll-call/<int:pk>/scores/", views.paper_scores, name="paper_scores"),
    path("check-in/", views.enter_code, name="enter_code"),
    path("check-in/<int:pk>/<str:code>/", views.check_in, name="check_in"),
    path("check-in/<int:pk>/<str:code>/tests/<str:kind>/", views.answer_test, name="answer_test"),
    path("check-in/<int:pk>/<str:code>/evaluation/", views.evaluate, name="evaluate"),
]
