"""While PostgreSQL is away: a Vietnamese maintenance page with 503 and Retry-After instead of a bare 500.

`server_error` is the project's handler500 (lms/urls.py): Django calls it with the exception being handled,
so a database that cannot be reached (OperationalError, InterfaceError), wherever it was met (a view, the
session or the user lookup), gets the maintenance page; anything else gets the usual 500 page. The page is
the one static file nginx also serves when gunicorn itself does not answer (static/maintenance.html,
deploy/nginx/lms.conf), read without the database or a template.
"""

import sys
from pathlib import Path

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.views import defaults

RETRY_AFTER_SECONDS = 60
PAGE = "maintenance.html"


def maintenance_page() -> str:
    for directory in (*settings.STATICFILES_DIRS, settings.STATIC_ROOT):
        try:
            return (Path(str(directory)) / PAGE).read_text(encoding="utf-8")
        except OSError:
            continue
    return "<!DOCTYPE html><title>Bảo trì</title><p>Hệ thống đang bảo trì. Xin vui lòng thử lại sau ít phút.</p>"


def maintenance_response() -> HttpResponse:
    response = HttpResponse(maintenance_page(), status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def database_is_away(error: BaseException | None) -> bool:
    while error is not None:
        if isinstance(error, OperationalError | InterfaceError):
            return True
        error = error.__cause__ or error.__context__
    return False


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    if database_is_away(sys.exc_info()[1]):
        return maintenance_response()
    return defaults.server_error(request, template_name)
