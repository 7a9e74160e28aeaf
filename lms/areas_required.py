"""Registration and the reports need administrative areas: without any, they answer with a page that says
what to run instead of a registration form with no commune or a report with no rows.

Areas are loaded by the migrations (areas/migrations/0003) and by `manage.py load_areas`; an install whose
area tables were emptied or restored without them shows this page until someone runs the command.
`settings.AREAS_REQUIRED` (on except in the tests, which build their areas themselves) switches it.
"""

from django.conf import settings
from django.template.response import TemplateResponse

from areas.models import Area

# The views that cannot work without areas: a person's commune at registration, the reports' rows.
NEEDS_AREAS = {
    "accounts:register",
    "trainers_reports:index",
    "trainers_reports:export",
    "learning_gain:index",
    "learning_gain:export",
}


class AreasRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if not getattr(settings, "AREAS_REQUIRED", True) or match is None or match.view_name not in NEEDS_AREAS:
            return None
        if Area.objects.exists():
            return None
        return TemplateResponse(request, "areas/missing.html", status=503)
