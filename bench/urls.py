from django.shortcuts import render
from django.urls import path

from lms.urls import urlpatterns as site_urlpatterns


def bare(request):
    """The cheapest Django page: a small template through the full middleware stack."""
    return render(request, "bare.html", {"title": "bare"})


urlpatterns = [path("bench/bare/", bare)] + site_urlpatterns
