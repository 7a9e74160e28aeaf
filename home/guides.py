"""Guides for each role: static pages in Vietnamese, illustrated by screenshots that the browser tests take.

tests/browser/test_guides.py retakes the pictures into static/guides/ when run with UPDATE_SCREENSHOTS=1;
tests/test_guide_pictures.py checks that every picture a guide shows is there.
"""

from django.urls import path
from django.views.generic import TemplateView

ROLES = ("learner", "trainer", "district-admin", "province-admin")

urlpatterns = [
    path("guides/", TemplateView.as_view(template_name="home/guides/index.html"), name="guides"),
    *(
        path(f"guides/{role}/", TemplateView.as_view(template_name=f"home/guides/{role}.html"), name=f"guide-{role}")
        for role in ROLES
    ),
]
