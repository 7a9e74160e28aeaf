from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts import views as account_views
from core import page_cache
from courses import views as course_views
from trainers import views as trainer_views

# A database that cannot be reached gets the maintenance page (503, Retry-After), any other error the 500 page.
handler500 = "core.maintenance.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # The service worker's scope is the folder it is served from: the whole site (home/pwa.py).
    path("", include("home.pwa")),
    # did:web resolves `did:web:<host>` here, at the host's root, whatever the language (trainers/credentials.py).
    path(".well-known/did.json", trainer_views.credential_did_document, name="did_document"),
]

# Vietnamese at "/", English under "/en/".
urlpatterns += i18n_patterns(
    path("search/", course_views.search, name="search"),
    path("accounts/", include("accounts.urls")),
    path("privacy/", account_views.privacy_notice, name="privacy"),
    path("my-learning/", trainer_views.my_learning, name="my_learning"),
    path("", include("courses.urls")),
    path("", include("trainers.urls")),
    path("", include("showcase.urls")),
    path("", include("training.rollcall_urls")),
    path("", include("home.guides")),
    path("lop-tap-huan/", include("training.urls")),
    # Pages are served through a routing cache; Wagtail's own URLs (password, login) follow.
    re_path(r"^((?:[\w\-]+/)*)$", page_cache.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    from trainers import stand_in

    # The demo's stand-in SMS and Zalo provider (scripts/run.sh points the channels at it).
    urlpatterns = [
        path("dev/stand-in/", stand_in.inbox, name="stand_in_inbox"),
        path("dev/stand-in/esms/", stand_in.esms, name="stand_in_esms"),
        path("dev/stand-in/zns/", stand_in.zns, name="stand_in_zns"),
        *urlpatterns,
    ]

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
