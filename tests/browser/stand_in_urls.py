"""The site's URLs with the demo's stand-in SMS/Zalo provider in front (lms/urls.py serves it only under DEBUG).

The phone test points the channels at it on the live server, as scripts/run.sh does for the demo.
"""

from django.urls import path

from lms.urls import urlpatterns as site_urlpatterns
from trainers import stand_in

urlpatterns = [
    path("dev/stand-in/", stand_in.inbox, name="stand_in_inbox"),
    path("dev/stand-in/esms/", stand_in.esms, name="stand_in_esms"),
    path("dev/stand-in/zns/", stand_in.zns, name="stand_in_zns"),
    *site_urlpatterns,
]
