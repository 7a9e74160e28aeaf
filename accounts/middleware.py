"""Responses to a signed-in person are theirs: no shared cache and no disk keeps them."""

from django.utils.cache import patch_cache_control


class PrivateResponsesMiddleware:
    """`Cache-Control: private, no-store` on every response to a signed-in person.

    Their learning, account, certificates, data download, trainer and roll-call pages name them; a
    lesson page served from the shared page cache (core/page_cache.py) carries their CSRF token and
    their progress. The server's page cache is not an HTTP cache and is untouched: it keeps HTML, not
    responses. Anonymous responses are left as they are (a view that needs it says never_cache).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)  # the same user the view saw (read once, with the session)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response
