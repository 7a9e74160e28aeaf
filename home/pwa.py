"""The installable site: the web app manifest and the service worker, both served from the site's root.

The worker's script names the content version (core.page_cache.content_version), so that a publish
changes its bytes: the browser installs the new worker on the next visit with a signal, and the worker
moves every saved course to caches named by the new version, fetching their pages again
(templates/home/sw.js). What it may cache and what never: see the script's header.
"""

import json

from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from core.page_cache import content_version

THEME_COLOUR = "#0b5cad"  # --brand in static/css/site.css


@require_safe
def manifest(request):
    """The web app manifest (https://www.w3.org/TR/appmanifest/), in Vietnamese: the site's first language."""
    with translation.override("vi"):
        data = {
            "name": "Giảng viên khởi nghiệp",
            "short_name": "GV khởi nghiệp",
            "description": "Học và giảng dạy khởi nghiệp đổi mới sáng tạo, cả khi không có mạng.",
            "lang": "vi",
            "start_url": reverse("wagtail_serve", args=[""]),
            "scope": "/",
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": THEME_COLOUR,
            "icons": [
                {
                    "src": static(f"icons/icon-{size}.png"),
                    "sizes": f"{size}x{size}",
                    "type": "image/png",
                    "purpose": "any",
                }
                for size in (192, 512)
            ],
        }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response


@require_safe
def service_worker(request):
    """The service worker, for the whole site (scope "/"); never kept by the HTTP cache, so updates show at once."""
    script = render_to_string(
        "home/sw.js",
        {"version": content_version(), "static_url": json.dumps(static(""))},
    )
    response = HttpResponse(script, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    response["Cache-Control"] = "no-cache"
    return response


urlpatterns = [
    path("sw.js", service_worker, name="service_worker"),
    path("manifest.webmanifest", manifest, name="manifest"),
]
